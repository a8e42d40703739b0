/** Chinese text of deadlines, reminders and progress. */
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

export const scheduleText = {
  dueDate: (iso: string): string => {
    const [, m, d] = iso.split('-').map(Number);
    const wd = new Date(`${iso}T12:00:00Z`).getUTCDay();
    return `${m}月${d}日（周${WEEK[wd]}）`;
  },
  reminder: (o: { title: string; due: string; offset: number; missing: string[]; perGroup: boolean; trigger: string }): string => {
    const when =
      o.offset < 0
        ? `将于${scheduleText.dueDate(o.due)}截止，还有 ${-o.offset} 天`
        : o.offset === 0
          ? `今天（${scheduleText.dueDate(o.due)}）截止`
          : `已于${scheduleText.dueDate(o.due)}截止，逾期 ${o.offset} 天`;
    const who = o.perGroup ? '本群尚未提交。' : `尚未提交：${o.missing.map((n) => `@${n}`).join(' ')}（共 ${o.missing.length} 人）`;
    return [`⏰ 《${o.title}》${when}。`, who, `发送「${o.trigger}」开始填写。`].join('\n');
  },
};
