import { scheduleText } from './schedule.js';

/** A deadline as the replies name it (the domain's Deadline satisfies it). */
export interface DeadlineLine {
  id: string;
  title: string;
  /** YYYY-MM-DD. */
  due: string;
  per: 'member' | 'group';
  /** chatKeys, or ['*'] for every group. */
  groups: readonly string[];
  basis: string;
}

/** Chinese text of /progress, 我的进度, /missing, /deadline, /两数 and the role commands. */
export const progressText = {
  denied: {
    'no-role': (what: string): string => `只有协调员可以${what}。如需开通，请联系管理员（发送 /whoami 查看您的用户编号）。`,
    'out-of-scope': (what: string): string => `您没有权限${what}：这个群不在您负责的范围内。`,
  },
  actions: {
    progress: '查看这些群的进度',
    missingFull: '查看未提交名单',
    deadlines: '修改截止日期',
    grant: '分配角色',
    export: '导出表格',
    summary: '生成工作总结',
    indicators: '填报"两数"',
  },
  badPeriod: (w: string): string =>
    `看不懂时段「${w}」。可以写：今年、去年、本月、上月、2026年、2026-11、11月，或 2026-11-01至2026-11-30。`,
  badScope: (w: string, known: string[]): string =>
    `没有找到「${w}」。可用：本群、全部${known.length ? `，或群名/地区：${known.slice(0, 8).join('、')}` : ''}。`,
  title: (scope: string, period: string): string => `📊 ${scope} · ${period} 帮扶进度`,
  activities: (n: number, people: number, hours: number, target: number): string =>
    `活动 ${n} 次，参加 ${people} 人次${hours ? `，时长 ${hours} 小时` : ''}；年度目标 ${target} 次，完成 ${target ? Math.round((n / target) * 1000) / 10 : 0}%`,
  expertsHead: (days: number, hours: number): string => `专家服务（每人每年不少于 ${days} 天；先进个人标准 ${hours} 小时）：`,
  expertLine: (name: string, days: number, minDays: number, hours: number, acts: number): string =>
    `  ${name}：${days} 天${days >= minDays ? ' ✓' : `（差 ${minDays - days} 天）`}，${acts} 次活动${hours ? `，${hours} 小时` : ''}`,
  moreExperts: (n: number): string => `  ……另有 ${n} 位专家`,
  twoNumbers: (experts: number, assoc: number | undefined, lifted: number | undefined, households: number, villages: number): string =>
    [
      `"两数"：组织动员专家 ${experts} 人；支持建设农技协 ${assoc ?? '—（未填报）'}${assoc === undefined ? '' : ' 个'}；` +
        `带动建档立卡贫困户脱贫 ${lifted ?? '—（未填报）'}${lifted === undefined ? '' : ' 人'}`,
      `  已调查贫困户 ${households} 户、贫困村 ${villages} 个（一户一策 / 一村一品）`,
    ].join('\n'),
  twoNumbersHint: '协调员可发送「/两数 农技协 12 脱贫 300」填报本群数字。',
  deadlinesHead: '各表提交情况：',
  deadlineLine: (d: DeadlineLine, done: number, expected: number): string =>
    `  《${d.title}》${scheduleText.dueDate(d.due)}截止：${done}/${expected} ${d.per === 'group' ? '个群' : '人'}已提交`,
  quotaHead: '推荐与项目名额：',
  mine: {
    title: (name: string, period: string): string => `📋 ${name} 的进度 · ${period}`,
    line: (acts: number, people: number, days: number, minDays: number): string =>
      [
        `活动 ${acts} 次，参加 ${people} 人次`,
        `服务天数 ${days} 天（每年不少于 ${minDays} 天${days >= minDays ? '，已达到 ✓' : `，还差 ${minDays - days} 天`}）`,
      ].join('\n'),
    missing: (titles: string[]): string => (titles.length ? `待提交：${titles.join('、')}` : '截止日期临近的表格都已提交 ✓'),
    scopeIgnored: '（您是专家，只能查看自己的进度。）',
  },
  missing: {
    usage: '用法：/missing 表名，例如 /missing 工作安排表',
    noForm: (w: string): string => `没有找到表格「${w}」。`,
    noDeadline: (title: string): string => `《${title}》还没有截止日期，可用 /deadline add 日期 ${title} 添加。`,
    head: (title: string, due: string): string => `《${title}》（${scheduleText.dueDate(due)}截止）未提交名单：`,
    group: (title: string, names: string[]): string => `  ${title}：${names.length ? names.join('、') : '全部已提交 ✓'}`,
    groupMissing: (title: string, done: boolean): string => `  ${title}：${done ? '已提交 ✓' : '尚未提交'}`,
  },
  deadline: {
    usage: [
      '用法：',
      '  /deadline list —— 查看截止日期',
      '  /deadline add 12月15日 工作安排表 全部工作队 —— 添加（范围可写 本群、全部 或群名/地区）',
      '  /deadline move 编号 12月20日 —— 改期',
      '  /deadline remove 编号 —— 删除',
    ].join('\n'),
    none: '还没有截止日期。',
    line: (d: DeadlineLine): string =>
      `  ${d.id}：《${d.title}》${scheduleText.dueDate(d.due)}（${d.groups.includes('*') ? '全部群' : `${d.groups.length} 个群`}）` +
      (d.basis ? ` —— ${d.basis}` : ''),
    listHead: '截止日期：',
    added: (d: DeadlineLine): string =>
      `已添加：《${d.title}》${scheduleText.dueDate(d.due)}截止，编号 ${d.id}。届时会按计划在群里提醒未提交的人。`,
    moved: (d: DeadlineLine): string => `已改期：《${d.title}》改为 ${scheduleText.dueDate(d.due)}截止。`,
    removed: (id: string): string => `已删除截止日期 ${id}。`,
    notFound: (id: string): string => `没有编号为 ${id} 的截止日期。发送 /deadline list 查看。`,
    badDate: (w: string, reason: string): string => `日期「${w}」：${reason}`,
  },
  indicators: {
    usage: '用法：/两数 农技协 12 脱贫 300（在本群发送，填报本群数字）',
    saved: (parts: string[]): string => `已记录本群"两数"：${parts.join('，')}。`,
  },
  roles: {
    whoami: (key: string, roles: string[]): string => `您的用户编号：${key}\n角色：${roles.length ? roles.join('、') : '专家（默认）'}`,
    usage:
      '用法：/grant 用户编号 角色 [群名或地区…]；/revoke 用户编号 角色。' +
      '角色：expert team-leader county city province admin unit county-fpb county-kx city-kx coordinator',
    badRole: (r: string): string => `没有「${r}」这个角色。`,
    granted: (user: string, role: string, scope: string): string => `已为 ${user} 分配角色 ${role}${scope ? `（范围：${scope}）` : ''}。`,
    revoked: (user: string, role: string, n: number): string => (n ? `已收回 ${user} 的角色 ${role}。` : `${user} 没有角色 ${role}。`),
  },
  chartTitle: (scope: string, period: string): string => `${scope} · ${period}`,
  chartSeries: { activities: '活动次数', people: '参加人次', days: '服务天数' },
};
