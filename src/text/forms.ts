/**
 * Sentences of the store-backed commands (专家名单, 进度, 修改记录, 审核, 导出) and of the checks that
 * need the store (名额, 800 小时, 关联村). Engine sentences stay in zh.ts.
 */
const STATUS: Record<string, string> = { pending: '待审核', returned: '已退回', approved: '已通过' };
const ROLE: Record<string, string> = {
  coordinator: '协调员',
  unit: '申报单位',
  'county-fpb': '县扶贫办',
  'county-kx': '县级科协',
  'city-kx': '市级科协',
};

/** A stored record as its list line shows it (the store's StoredRecord satisfies it). */
export interface RecordLine {
  id: string;
  status?: string;
  rev?: number;
}

/** One kept change as the history shows it (the store's AuditEntry satisfies it). */
export interface AuditLine {
  byName: string;
  op: 'amend' | 'approve' | 'return';
  rev: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note?: string;
}

/** A field of the record's form by key: its printed label and how a value of it reads. */
export type FieldLookup = (key: string) => { label: string; show(value: unknown): string } | undefined;

export const tf = {
  commands: {
    unknown: '没有这个指令。发送「帮助」查看用法。',
  },

  checks: {
    hoursOk: (name: string, h: number, target: number): string =>
      `「${name}」近一年台账和日志记录时长 ${h} 小时，达到先进个人每年 ${target} 小时的标准。`,
    hoursLow: (name: string, h: number, target: number): string =>
      `⚠️ 「${name}」近一年台账和日志记录时长只有 ${h} 小时，低于先进个人每年 ${target} 小时的标准（002 第六条）。可以继续提交，但请确认有其他材料证明投入时间或成效特别突出。`,
    linked: (title: string, village: string, short: string): string => `已关联本群《${title}》「${village}」（编号 ${short}）。`,
    notLinked: (title: string, village: string): string => `本群还没有「${village}」的《${title}》，保存后可再补填该村的调查表。`,
    duplicate: (what: string, short: string): string =>
      `本群已有${what}（编号 ${short}）。如需更改，请发送「修改记录 ${short}」修改原表，或回复「取消」。`,
    quotaFull: (label: string, used: number, max: number): string =>
      `${label}名额已满（已有 ${used} 份，上限 ${max} 份）。可发送「我的记录」找到已提交的推荐表修改，或回复「取消」。`,
  },

  experts: {
    title: (n: number): string => `专家名单（共 ${n} 位）：`,
    row: (i: number, v: Record<string, unknown>, group?: string): string =>
      `${i}. ${String(v.name)}｜${String(v.unit)}｜${String(v.title)}｜${String(v.age)}岁｜${String(v.phone)}｜${String(v.field)}` +
      `｜服务村：${String(v.villages)}${group ? `｜${group}` : ''}`,
    none: '本群还没有专家登记。发送「专家登记」开始登记。',
    askInGroup: '请在帮扶群里发送「专家名单」查看本群专家。',
    fullInPrivate: '（群里只显示号码的前三位和后四位；协调员可私聊机器人发送「专家名单」查看完整号码）',
  },

  progress: {
    titleGroup: (group: string): string => `📊 ${group || '本群'}填报进度：`,
    titleAll: '📊 全部群组填报进度：',
    ledger: (n: number, participants: number): string => `· 工作台账 ${n} 条，参加 ${participants} 人次`,
    count: (title: string, n: number): string => `· ${title} ${n} 份`,
    quota: (q: { label: string; used: number; min: number; max: number }): string =>
      `· ${q.label}：已推荐 ${q.used} / ${q.min > 0 && q.min !== q.max ? `${q.min}-${q.max}` : `上限 ${q.max}`}` +
      (q.used > q.max ? '（超出名额！）' : q.used >= q.max ? '（已满）' : ''),
    projects: (t: { used: number; max: number }): string => `· 项目书名额（山东省名额分配表）：已申报 ${t.used} / ${t.max}`,
    projectsUnknown: (n: number): string => `    另有 ${n} 份的通信地址中没有认出所在市`,
    myHours: (h: number, target: number): string => `· 您近一年记录的帮扶时长：${h} / ${target} 小时`,
  },

  records: {
    title: (n: number): string => `您提交的记录（共 ${n} 条，显示最近 20 条）：`,
    row: (r: RecordLine, title: string, what: string): string =>
      `${r.id.slice(0, 8)}｜${title}｜${what}${r.status ? `｜${STATUS[r.status] ?? r.status}` : ''}` +
      ((r.rev ?? 1) > 1 ? `｜已修改 ${(r.rev ?? 1) - 1} 次` : ''),
    footer: '发送「修改记录 编号」重新打开修改；「修改历史 编号」查看修改记录。',
    none: '您还没有提交过记录。',
    needId: '请在指令后写上记录编号，例如「修改记录 3f2a9c1b」。发送「我的记录」查看编号。',
    notFound: (id: string): string => `没有找到编号为「${id}」的记录（只能修改自己提交的记录）。发送「我的记录」查看编号。`,
    ambiguous: (id: string): string => `编号「${id}」对应多条记录，请多写几位。`,
    finishDraftFirst: '您有一份正在填写的表格，请先「确认」或「取消」，再修改已保存的记录。',
    approvedLocked: (title: string): string => `这份《${title}》已审核通过，不能再修改。如需更改，请联系审核人。`,
    pastDeadline: (title: string, d: string): string => `《${title}》的报送截止日期（${d}）已过，不能再修改。`,
  },

  history: {
    title: (title: string, short: string): string => `《${title}》（编号 ${short}）的修改记录：`,
    none: (title: string, short: string): string => `《${title}》（编号 ${short}）提交后没有修改过。`,
    entry: (e: AuditLine, field: FieldLookup, when: string): string => {
      const who = `${when} ${e.byName}`;
      if (e.op !== 'amend') return `${who} ${e.op === 'approve' ? '审核通过' : '退回'}：${e.note ?? ''}`;
      const changes = Object.keys({ ...e.before, ...e.after }).map((k) => {
        const f = field(k);
        const show = (v: unknown): string => (v === undefined ? '（空）' : f ? f.show(v).split('\n')[0]! : JSON.stringify(v));
        return `${f?.label ?? k}：${show(e.before[k])} → ${show(e.after[k])}`;
      });
      return `${who} 修改（第 ${e.rev} 版）：${changes.join('；') || '无变化'}`;
    },
  },

  approvals: {
    roleName: (role: string): string => ROLE[role] ?? role,
    noChain: (title: string): string => `《${title}》不需要审核。`,
    alreadyApproved: (title: string, short: string): string => `《${title}》（编号 ${short}）已全部审核通过。`,
    waitingForAuthor: (short: string): string => `编号 ${short} 已退回给填报人修改，等重新提交后再审核。`,
    notYourStage: (label: string, role: string): string => `这一步是「${label}」，需要「${role}」角色审核，您没有这个角色。`,
    needReason: '退回时请写明理由，例如「退回 3f2a9c1b 项目内容请写明场次」。',
    defaultOpinion: '同意',
    changedMeanwhile: '这条记录刚被别人处理过，请发送「待审核」刷新后再试。',
    approvedReply: (short: string, label: string, next?: string): string =>
      `已在「${label}」审核通过编号 ${short}。${next ? `下一步：${next}。` : '全部审核完成。'}`,
    returnedReply: (short: string, label: string): string => `已在「${label}」退回编号 ${short}，已通知填报人。`,
    approvedToFiler: (title: string, what: string, short: string, label: string, by: string, words: string, next?: string): string =>
      `您的《${title}》${what}（编号 ${short}）已通过「${label}」（${by}：${words}）。${next ? `下一步：${next}。` : '已全部审核通过 ✅'}`,
    returnedToFiler: (title: string, what: string, short: string, label: string, by: string, reason: string): string =>
      `您的《${title}》${what}（编号 ${short}）在「${label}」被退回。理由（${by}）：${reason}\n请发送「修改记录 ${short}」修改后再「确认」，将重新提交审核。`,
    pendingTitle: (n: number): string => `等您审核的记录（${n} 条）：`,
    pendingRow: (i: number, short: string, title: string, what: string, stage: string): string =>
      `${i}. ${short}｜${title}｜${what}｜${stage}`,
    pendingFooter: '回复「审核通过 编号 意见」或「退回 编号 理由」。',
    nonePending: '目前没有等您审核的记录。',
    noRole: '您没有审核角色。审核人由部署配置（roles）指定。',
  },

  exports: {
    coordinatorsOnly: '导出表格仅限协调员和工作队队长。如需开通，请联系管理员（发送 /whoami 查看您的用户编号）。',
    narrowScope: '您负责的是其中几个群：请在对应的群里发送 /export 导出该群的表格。',
    privateOnly: '导出文件含有个人信息，请私聊机器人发送「导出」。',
    usage: (names: string[]): string => `用法：导出 表名 [格式] [起始日期] [截止日期]。表名可写：${names.join('、')}、统计表、全部。`,
    nothing: '没有符合条件的记录。',
    caption: (title: string, n: number): string => `《${title}》共 ${n} 条`,
  },
} as const;
