/** The □ lists printed in the seeds, shared by the forms that print the same boxes. */

/** 000 附件2-3 / 001 附件1-2: 服务类别 □种植 □养殖 □其他____ */
export const SERVICE_CATEGORIES = ['种植', '养殖'] as const;
/** 000 附件2-3 / 001 附件1-2: 服务方式 □培训 □技术推广 □就业指导 □其他____ */
export const SERVICE_MODES = ['培训', '技术推广', '就业指导'] as const;
/** 004 附件2: 致贫原因（在对应□内打√） */
export const POVERTY_CAUSES = ['因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '自身发展动力不足'] as const;
/** 004 附件1-2: 科技服务需求 种植□养殖□加工□水产□ 其它: */
export const TECH_NEEDS = ['种植', '养殖', '加工', '水产'] as const;
/** 政治面貌 as the standard list (GB/T 4762) shortens it. */
export const POLITICAL_STATUS = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;

/** Text of a multi-select value for chat and lists. */
export const joined = (v: unknown): string => (Array.isArray(v) ? v.join('、') : String(v ?? ''));
