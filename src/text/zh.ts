/**
 * Every sentence the bot says that is not part of a form's own declaration lives here,
 * so wording can be reviewed in one file (Koishi keeps zh-CN.yml for the same reason).
 * Form files carry their own field labels and prompts, since those are the form.
 */

export const zh = {
  botName: '帮扶',

  /** Words the engine recognises as commands, first one is the canonical form shown to users. */
  words: {
    back: ['上一步', '返回', '后退'],
    skip: ['跳过', '略过', '无'],
    cancel: ['取消', '退出', '放弃'],
    edit: ['修改', '更改'],
    view: ['查看', '预览', '草稿'],
    confirm: ['确认', '确定', '提交', '保存'],
    help: ['帮助', '?', '？', 'help', '/help'],
  },

  help: {
    general: (forms: { title: string; trigger: string }[]): string =>
      [
        '您好，我是「帮扶」助手，帮您记录帮扶工作、填写上报表格。',
        '可以这样开始：',
        ...forms.map((f) => `  · 发送「${f.trigger}」填写《${f.title}》`),
        `  · 一句话录入：台账 2026年11月20日 光东村 技术培训 水稻育秧技术 45人 群众反映良好`,
        '填写过程中可随时发送：上一步、跳过、修改 序号、查看、取消、帮助。',
      ].join('\n'),
    inForm: (title: string): string =>
      [
        `正在填写《${title}》。可用指令：`,
        '  上一步 —— 回到上一项',
        '  跳过 —— 跳过选填项',
        '  修改 序号/名称 —— 例如「修改 2」或「修改 地点」',
        '  查看 —— 查看已填内容',
        '  确认 —— 全部填好后保存',
        '  取消 —— 放弃本次填写（不保存）',
      ].join('\n'),
  },

  engine: {
    started: (title: string, n: number): string => `开始填写《${title}》，共 ${n} 项。`,
    optionalTag: '（选填，可回复「跳过」）',
    fieldPrompt: (i: number, n: number, label: string, prompt: string, optional: boolean): string =>
      `【${i}/${n}】${label}${optional ? '（选填）' : ''}：${prompt}`,
    invalid: (label: string, reason: string): string => `「${label}」没有填好：${reason}`,
    cannotSkip: (label: string): string => `「${label}」是必填项，不能跳过。`,
    atFirst: '已经是第一项了。',
    cancelled: (title: string): string => `已取消《${title}》，本次草稿未保存。`,
    nothingToCancel: '当前没有正在填写的表格。',
    unknownField: (what: string, n: number): string => `没有找到「${what}」这一项，请回复序号 1-${n} 或项目名称。`,
    editWhich: (n: number): string => `要修改哪一项？请回复「修改 序号」，序号为 1-${n}。`,
    missing: (labels: string[]): string => `还有必填项未填：${labels.join('、')}。`,
    reviewTitle: (title: string): string => `请核对《${title}》：`,
    reviewFooter: '回复「确认」保存；「修改 序号」更改某一项；「取消」放弃。',
    draftTitle: (title: string): string => `《${title}》当前草稿：`,
    empty: '（未填）',
    skipped: '（已跳过）',
    saved: (title: string, shortId: string): string => `✅ 已保存《${title}》，编号 ${shortId}。发送「台账」可继续录入下一条。`,
    alreadyOpen: (title: string): string => `您有一份未完成的《${title}》。请继续填写，或回复「取消」放弃后再开始新的。`,
    oneLineNote: (labels: string[]): string => `以下内容没能识别，请逐项补充：${labels.join('、')}。`,
    crashed: '抱歉，处理这条消息时出错了，您的草稿没有丢失。请再发一次，或回复「查看」。',
    notUnderstood: '没有听懂这句话。发送「帮助」查看可用指令，发送「台账」开始记录工作。',
  },

  /** Reasons a value is rejected; shown after engine.invalid. */
  reasons: {
    required: '不能为空',
    tooLong: (max: number): string => `不能超过 ${max} 字`,
    tooShort: (min: number): string => `至少 ${min} 个字`,
    date: '看不懂这个日期，可以写：今天、昨天、上周五、11月20日、11.20 或 2026-11-20',
    dateNoSuchDay: '没有这一天，请检查月份和日期',
    dateFuture: '日期不能晚于今天',
    dateTooOld: '日期太早了，请检查年份',
    count: '请写一个人数，例如：45、45人、四十五人、约50人次',
    countRange: (max: number): string => `人次应在 1 到 ${max} 之间`,
    choice: (choices: string[]): string => `请回复序号或名称：${choices.map((c, i) => `${i + 1}.${c}`).join(' ')}`,
    choiceOther: '请直接写出具体的活动形式，例如：田间示范',
  },

  export: {
    noRecords: '没有符合条件的记录。',
  },
} as const;
