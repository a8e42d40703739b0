/** The four themes of 000 二(三) / 001 三(三) the exhibition texts and pictures are organised by. */
export const EXHIBIT_THEMES = ['响应中央决策部署', '任务目标指标完成情况', '重点工作开展成效', '典型人物典型事迹'] as const;

/** "须为不小于 2M 的 JPG 格式原文件". */
export const EXHIBIT_MIN_BYTES = 2 * 1024 * 1024;
