/** Chinese text of the chat commands that are queries rather than forms (/export, later /progress…). */
export const commandText = {
  export: {
    description: '导出本群的工作台账（XLSX；加 csv 导出 CSV）',
    caption: (title: string, group: string, n: number): string => `《${title}》${group ? `（${group}）` : ''}共 ${n} 条`,
    empty: (title: string): string => `本群还没有《${title}》记录，暂无可导出的内容。`,
    mineCaption: (title: string, n: number): string => `您本人在本群的《${title}》共 ${n} 条（全群的表格由工作队队长或协调员导出）`,
    noneOfYours: '您在本群还没有台账记录。',
    badFormat: '格式只支持 xlsx 或 csv，例如：/export csv',
  },
};
