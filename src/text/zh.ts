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
    /** Brings back the draft 取消 threw away. */
    restore: ['恢复', '找回', '恢复草稿'],
    /** Accept the guess shown above a question ("我理解为「现场指导」"). */
    agree: ['对', '是', '是的', '好', '嗯', '没错', '确认', '对的', '好的', '正确'],
    /** Agreement that can answer no box (好 can: 服务效果 "好"); refused where nothing was guessed. */
    yesOnly: ['对', '是', '是的', '嗯', '没错', '对的', '正确'],
    /** After 确定放弃已填的 N 项？: these throw the draft away; anything else carries on with the form. */
    cancelYes: ['确定取消', '确定', '确认', '取消', '是', '是的', '对', '好', '嗯', '放弃'],
  },

  help: {
    general: (forms: { title: string; trigger: string }[]): string =>
      [
        '您好，我是「帮扶」助手，帮您记录帮扶工作、填写上报表格。',
        '可以这样开始：',
        ...forms.map((f) => `  · 发送「${f.trigger}」填写《${f.title}》`),
        `  · 一句话录入：台账 2026年11月20日 光东村 技术培训 水稻育秧技术 45人 群众反映良好`,
        '填写过程中可随时发送：上一步、跳过、修改 序号、查看、取消、帮助。',
        '其他指令：专家名单、进度、我的记录、修改记录 编号、修改历史 编号、待审核、导出。',
        '发送图片或文件即可填写「照片」「展览图片」（控制台：/file 路径 说明）。',
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
    cancelled: (title: string): string => `已取消《${title}》，本次草稿未保存。如需找回，回复「恢复」。`,
    cancelAsk: (n: number): string => `确定放弃已填的 ${n} 项？回复「确定取消」放弃；回复其他内容则继续填写。`,
    restored: (title: string): string => `已恢复《${title}》的草稿，接着填写：`,
    nothingToRestore: '没有可以恢复的草稿（草稿只在取消后的一段时间内可以找回）。',
    restoreWhileOpen: (title: string): string => `您正在填写《${title}》，没有需要恢复的草稿。`,
    noSuchField: (n: number, total: number): string => `没有第 ${n} 项（共 ${total} 项）。`,
    current: (shown: string): string => `  现为「${shown}」，不改请回复「不变」`,
    notAnAnswer: (said: string, label: string): string => `「${said}」不是「${label}」的内容，请直接写出。`,
    tooLong: '这条消息太长了，请分几条发送。',
    nothingToCancel: '当前没有正在填写的表格。',
    unknownField: (what: string, n: number): string => `没有找到「${what}」这一项，请回复序号 1-${n} 或项目名称。`,
    editWhich: (n: number): string => `要修改哪一项？请回复「修改 序号」，序号为 1-${n}。`,
    missing: (labels: string[]): string => `还有必填项未填：${labels.join('、')}。`,
    reviewTitle: (title: string): string => `请核对《${title}》：`,
    reviewFooter: '回复「确认」保存；「修改 序号」更改某一项；「取消」放弃。',
    draftTitle: (title: string): string => `《${title}》当前草稿：`,
    empty: '（未填）',
    skipped: '（已跳过）',
    saved: (title: string, shortId: string, trigger = '台账'): string =>
      `✅ 已保存《${title}》，编号 ${shortId}。发送「${trigger}」可继续填写下一份；发送「修改记录 ${shortId}」可重新打开修改。`,
    amended: (title: string, shortId: string): string => `✅ 已保存对《${title}》（编号 ${shortId}）的修改，修改前后的内容都已留档。`,
    amendCancelled: (title: string): string => `已放弃本次对《${title}》的修改，原记录保持不变。`,
    reopened: (title: string, shortId: string): string =>
      `已重新打开《${title}》（编号 ${shortId}）。回复「修改 序号」更改，改好后回复「确认」保存。`,
    reviewAmendTitle: (title: string, shortId: string): string => `请核对对《${title}》（编号 ${shortId}）的修改：`,
    ruleBroken: (why: string): string => `还不能保存：${why}`,
    extraPrompt: (label: string, prompt: string): string => `【补充】${label}（选填）：${prompt}`,
    extraEmpty: (n: number): string => `（选填，可回复「修改 ${n}」填写）`,
    amendLost: '这条记录在您修改期间已被他人更改（例如审核），本次修改没有保存。请发送「修改记录 编号」重新打开后再改。',
    stale: '表格已更新，您之前未完成的草稿无法继续，请重新开始填写。抱歉！',
    alreadyOpen: (title: string): string => `您有一份未完成的《${title}》。请继续填写，或回复「取消」放弃后再开始新的。`,
    oneLineNote: (labels: string[]): string => `以下内容没能识别，请逐项补充：${labels.join('、')}。`,
    oneLineUnplaced: (words: string[]): string =>
      `这些内容没能对应到表格的某一项，已略过：${words
        .slice(0, 5)
        .map((w) => `「${Array.from(w).slice(0, 20).join('')}」`)
        .join('、')}${words.length > 5 ? ` 等 ${words.length} 处` : ''}。`,
    crashed: '抱歉，处理这条消息时出错了，您的草稿没有丢失。请再发一次，或回复「查看」。',
    notUnderstood: '没有听懂这句话。发送「帮助」查看可用指令，发送「台账」开始记录工作。',
  },

  /** Reasons a value is rejected; shown after engine.invalid. */
  reasons: {
    required: '不能为空',
    unreadable: '这个写法没能正确识别，请换一种写法',
    tooLong: (max: number): string => `不能超过 ${max} 字`,
    tooShort: (min: number): string => `至少 ${min} 个字`,
    date: '看不懂这个日期，可以写：今天、昨天、上周五、11月20日、11.20 或 2026-11-20',
    dateNoSuchDay: '没有这一天，请检查月份和日期',
    dateFuture: '日期不能晚于今天',
    dateTooOld: '日期太早了，请检查年份',
    count: '请写一个人数，例如：45、45人、四十五人、约50人次',
    countRange: (max: number, min = 1): string => `应在 ${min} 到 ${max} 之间`,
    choice: (choices: string[]): string => `请回复序号或名称：${choices.map((c, i) => `${i + 1}.${c}`).join(' ')}`,
    choiceOther: '请直接写出具体的形式，例如：其他：田间示范',
    notOther: (said: string, choices: string[]): string =>
      `「${said}」不像是一种形式（日期、人数、地点请填在各自的栏里）。请回复序号或名称：${choices
        .map((c, i) => `${i + 1}.${c}`)
        .join(' ')}（其他形式请写「其他：具体形式」）`,
    idCard: {
      length: (n: number): string => `身份证号应为 18 位，您输入了 ${n} 位`,
      chars: '身份证号前 17 位应为数字，最后一位为数字或 X',
      region: '身份证号前 6 位（地区码）不正确，请核对',
      birth: '身份证号中的出生日期（第 7-14 位）不是有效日期',
      check: '身份证号校验位不符（可能有一位输错），请逐位核对',
    },
    mobile: '请写 11 位手机号，例如 13812345678',
    phone: '请写手机号（11 位）或带区号的座机，例如 13812345678、0431-88888888',
    multi: (options: readonly string[], other?: string): string =>
      `请回复一个或多个序号或名称，用空格隔开：${options.map((o, i) => `${i + 1}.${o}`).join(' ')}` +
      (other ? ` ${options.length + 1}.${other}（写「${other}：具体内容」）` : ''),
    multiUnknown: (tok: string, options: readonly string[]): string => `「${tok}」不是选项之一。可选：${options.join('、')}`,
    multiOtherText: (other: string): string => `选了「${other}」，请写出具体内容，例如「${other}：食用菌」`,
    decimal: (unit: string): string => `请写一个数${unit ? `（单位：${unit}）` : ''}，例如 2.5`,
    decimalRange: (min: number, max: number, unit: string): string => `应在 ${min} 到 ${max}${unit} 之间`,
    age: '请写年龄（16-100 的整数），例如 52',
    email: '邮箱格式不对，例如 zhangsan@163.com',
    postcode: '邮政编码是 6 位数字，例如 133000',
    region: '请按「省 市 县 乡 村」五项填写，用空格隔开，例如：吉林省 延边州 和龙市 东城镇 光东村',
  },

  /** A repeating box's own small conversation (rows of 专家, 活动, 贫困村). */
  group: {
    words: {
      add: ['添加', '新增', '加一行'],
      done: ['完成', '下一项', '好了', '没有了'],
      keep: ['不变', '同上', '保留'],
    },
    notOneLine: '这一项要逐行添加，请按提示填写',
    count: (n: number, noun: string): string => (n === 0 ? `（还没有${noun}）` : `共 ${n} 个${noun}`),
    rowLine: (noun: string, i: number, text: string): string => `${noun}${i}：${text}`,
    menuTitle: (label: string, n: number, noun: string): string => `「${label}」现有 ${n} 个${noun}：`,
    menuHelp: (noun: string, columns: string[], enough: boolean): string =>
      [
        `· 再加一个${noun}：回复「添加」，或直接按顺序写一行（${columns.join(' ')}），用空格隔开`,
        `· 改第 2 个：回复「改 2」；删第 2 个：回复「删除 2」`,
        enough ? '· 都填好了：回复「完成」进入下一项' : '· 至少还要再加一个，才能「完成」',
      ].join('\n'),
    columnPrompt: (
      noun: string,
      n: number,
      i: number,
      cols: number,
      label: string,
      prompt: string,
      optional: boolean,
      current?: string,
    ): string =>
      `【${noun}${n}】(${i}/${cols}) ${label}${optional ? '（选填）' : ''}：${prompt}` +
      (current !== undefined ? `\n  现为「${current}」，不改请回复「不变」` : ''),
    rowSaved: (noun: string, n: number, text: string): string => `已记下${noun}${n}：${text}`,
    rowNote: (failed: string[]): string => `这几项没能识别，请逐项补充：${failed.join('；')}`,
    rowDropped: (noun: string): string => `已放弃这个${noun}（没有保存）。`,
    rowSoFar: (noun: string, text: string): string => `这个${noun}已填：${text}`,
    finishRowFirst: (noun: string): string => `正在填写一个${noun}，请先填完，或回复「取消」放弃这一行。`,
    help: (noun: string): string =>
      `正在逐项填写一个${noun}：上一步 —— 回到上一栏；跳过 —— 跳过选填栏；取消 —— 放弃这一行；查看 —— 看这一行已填的内容。`,
    noRow: (n: number, total: number, noun: string): string => `没有第 ${n} 个${noun}（现有 ${total} 个）。`,
    deleted: (n: number, noun: string): string => `已删除第 ${n} 个${noun}。`,
    editing: (n: number, noun: string): string => `修改第 ${n} 个${noun}，逐栏确认：`,
    needMore: (min: number, noun: string): string => `至少要填 ${min} 个${noun}。`,
    full: (max: number, noun: string): string => `已填满 ${max} 个${noun}（最多 ${max} 个）。`,
  },

  /** Photos and files as answers. */
  attach: {
    sendFile: '这一项请直接发送图片或文件（控制台可用 /file 路径 说明）',
    notHere: (label: string): string => `收到了文件，但「${label}」需要文字回答。`,
    atReview: '收到了文件。要更换某一项的文件，请先回复「修改 序号」，再发送新文件。',
    wrongKind: (kinds: readonly string[]): string => `请以${kinds.includes('file') ? '「文件」' : '图片'}方式发送`,
    wrongFormat: (formats: readonly string[], got: string): string =>
      `文件格式应为 ${formats.map((f) => f.toUpperCase()).join('/')}，收到的文件实际是 ${got === 'other' ? '其他格式' : got.toUpperCase()}（按文件内容判断，不看扩展名）`,
    tooSmall: (min: number, got: number): string =>
      `图片须不小于 ${mb(min)}，收到的只有 ${mb(got)}。聊天软件常会压缩照片，请以「文件」或「原图」方式发送原文件`,
    tooBig: (max: number, got: number): string => `文件不能超过 ${mb(max)}，收到的是 ${mb(got)}`,
    shown: (a: { fileName: string; size: number; format: string }): string =>
      `📎 ${a.fileName}（${a.format.toUpperCase()}，${mb(a.size)}）`,
  },

  export: {
    noRecords: '没有符合条件的记录。',
  },
} as const;

/** 2097152 → "2.0 MB"; files are described the way phones show them. */
function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
