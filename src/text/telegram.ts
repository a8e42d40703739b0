/**
 * What the bot says on Telegram beyond the engine's own sentences (src/text/zh.ts): command menu
 * descriptions, button captions and short notices for taps, hand-overs and exports.
 */

export const tg = {
  /** Shown in Telegram's "/" menu (setMyCommands); at most 256 characters each. */
  commands: {
    start: '开始使用，查看帮助',
    help: '查看帮助和可用指令',
    cancel: '取消正在填写的表格',
    /** Forms whose menu line reads better than "填写《…》". */
    named: { log: '记录一条工作台账', register: '专家登记' } as Record<string, string>,
    fill: (title: string): string => `填写《${title}》`,
  },

  buttons: {
    privately: '📩 转到私聊填写',
  },

  /** The line under a question in a group, which is answered by replying to it. */
  replyHint: (hints: readonly string[]): string =>
    hints.length ? `↩️ 请直接回复本条消息作答，也可回复：${hints.join(' / ')}` : '↩️ 请直接回复本条消息作答',

  /** Appended to a message whose button was tapped, so the chat shows what was chosen. */
  tapped: (label: string): string => `👉 ${label}`,

  callback: {
    stale: '这个按钮已过期，请看最新的提问。',
    notYours: '这是给另一位专家的按钮。发送 /log 开始您自己的填写。',
  },

  handover: {
    moved: (group: string): string => `好的，我们在这里接着填。保存后这条记录仍计入「${group}」。`,
    someGroup: '原来的群',
    none: '没有找到您在那个群里未完成的表格。可以在这里发送 /log 开始新的一条（会计入私聊）。',
    busy: '您在私聊里已有一份未完成的表格，请先填完或回复「取消」，再点群里的按钮。',
    badLink: '这个链接无效或已过期。发送 /log 开始记录，或发送 /help 查看帮助。',
  },

  tooLarge: (fileName: string): string => `文件「${fileName}」超过 Telegram 50MB 的上限，没有发出。请用 bangfu export 在服务器上导出。`,

  welcomeGroup: '大家好，我是「帮扶」助手。发送 /log 记录工作台账，/export 导出本群台账，/help 查看帮助。',
} as const;
