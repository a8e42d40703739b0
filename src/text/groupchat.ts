/**
 * What the bot says in WeChat and QQ groups beyond the engine's own sentences (src/text/zh.ts):
 * greetings, how to register, export replies. Shared by both surfaces, so the wording is the same.
 */

export const groupchatText = {
  /**
   * Words that address the bot in a group without an @. The engine's own triggers (台账, 帮助…) are
   * recognised by the engine; these are the ones the group surfaces handle or announce.
   */
  words: {
    /** Announced in the greetings; until a form or command answers them, the bot says they are coming. */
    // 进度 and 登记 are real commands now; kept as the mechanism for words announced before they are built.
    upcoming: ['进展'],
  },

  /** Said once when the bot joins a configured group. */
  joined: (group: string, region: string, team: string): string =>
    [
      `大家好，我是「帮扶」助手，已加入「${group}」${region || team ? `（${[region, team].filter(Boolean).join(' · ')}）` : ''}。`,
      '我可以帮大家：',
      '  · 记录帮扶工作：发送「台账」，按提示逐项填写；也可一句话录入，例如',
      '    台账 昨天 光东村 技术培训 水稻育秧技术 45人 群众反映良好',
      '  · 登记专家信息：发送「登记」',
      '  · 导出本群台账表格（Excel）：发送「导出」',
      '  · 查看全部用法：发送「帮助」',
      '在群里找我：@我，或直接以上面的指令开头。填写过程中的回答不必再@我。',
    ].join('\n'),

  /** Said to people who join a configured group. */
  welcome: (names: string[]): string =>
    [
      `欢迎 ${names.join('、')} 加入本群！`,
      '请先发送「登记」，按提示登记您的姓名、单位、专业和联系方式，方便村里找到您。',
      '开展帮扶活动后，发送「台账」记录；发送「帮助」查看全部用法。',
    ].join('\n'),

  upcoming: (word: string): string => `「${word}」功能即将开放。现在可以发送「台账」记录帮扶工作，发送「帮助」查看用法。`,

  /** A long reply is split into parts; each part after the first starts with this. */
  continued: '（续）',
} as const;
