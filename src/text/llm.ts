/** Chinese text of free-text drafts, voice notes and /summary (issue 8). */
export const llmText = {
  draft: {
    /** Opening of a draft read from a free-text message. */
    intro: (title: string, byModel: boolean): string =>
      `我${byModel ? '' : '按关键词'}从您的消息里整理出一份《${title}》草稿（还没有保存）：`,
    guess: (shown: string): string => `${shown}（待确认）`,
    /** After the draft: what happens next. */
    asking: (labels: string[]): string => `还需要您补充或确认：${labels.join('、')}。逐项回答即可，回复「取消」放弃。`,
    complete: '都识别到了，请核对。',
    /** Shown above the first question when the reader had a guess for it. */
    suggestion: (value: string): string => `我理解为「${value}」，对的话请回复「对」，不对请直接回复正确内容。`,
  },
  voice: {
    transcribed: (text: string): string => `🎤 语音识别为：「${text}」`,
    typeInstead: '暂时听不了语音。请直接打字发送，例如：昨天在光东村给45个农户讲了水稻育秧，大家挺满意的',
    unsupported: '这种语音格式暂时识别不了。请直接打字发送，例如：昨天在光东村给45个农户讲了水稻育秧，大家挺满意的',
    failed: '语音没有识别出来（可能太短或服务繁忙）。请再说一遍，或直接打字发送。',
    tooLarge: '语音太长了，请分几段发送，或直接打字。',
  },
  summary: {
    description: '起草年度工作总结（DOCX）：/summary [本群|我的|全部] [2026年|今年|去年|2026-01-01至2026-06-30]',
    usage:
      '用法：/summary [本群|我的|全部] [时段]，例如「/summary 本群 2026年」「/summary 我的 今年」「/summary 全部 2026-01-01至2026-06-30」。',
    badPeriod: (s: string): string => `看不懂时段「${s}」。可以写：今年、去年、2026年、2026-01-01至2026-06-30。`,
    allOnlyCoordinators: '本群和「全部」的工作总结由协调员或工作队队长起草（在负责的范围内）；发送「/summary 我的」可起草个人总结。',
    groupOnlyInGroup: '请在帮扶群里发送 /summary 起草本群的总结；私聊可发送「/summary 我的」起草个人总结。',
    empty: (scope: string, period: string): string => `${scope}在${period}还没有工作台账记录，暂时无法起草总结。`,
    caption: (title: string, n: number, prose: boolean): string =>
      `《${title}》草稿，依据 ${n} 条台账记录${prose ? '（文字经大模型润色，所有数字均由台账计算）' : ''}。请补充标有【待填写】的部分后再报送。`,
    scopeGroup: (title: string): string => (title ? `「${title}」` : '本群'),
    scopeMine: (name: string): string => `${name}个人`,
    scopeAll: '全部帮扶群',
  },
} as const;
