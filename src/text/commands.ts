/** Chinese text of the chat commands that are queries rather than forms (/export, /progress…). */
export const commandText = {
  /** What each command does, as the Telegram "/" menu lists it (/export's and /summary's are their own). */
  describe: {
    experts: '本群专家名单（群里电话只显示前三后四位）',
    records: '我提交的记录及编号',
    amend: '重新打开自己提交的记录修改',
    history: '一条记录的修改与审核记录',
    approve: '审核通过项目书（审核人）',
    return: '退回项目书并写明理由（审核人）',
    pending: '等我审核的项目书',
    progress: '帮扶进度（协调员：各群；专家：我的进度）',
    missing: '未提交名单（协调员；私聊显示完整电话）',
    deadline: '截止日期：查看、添加、改期、删除（协调员）',
    indicators: '填报本群"两数"（农技协数、脱贫人数）',
    whoami: '查看我的用户编号和角色',
    grant: '分配角色（管理员）',
    revoke: '收回角色（管理员）',
  },
  export: {
    description: '导出本群的工作台账（XLSX；加 csv 导出 CSV）',
    caption: (title: string, group: string, n: number): string => `《${title}》${group ? `（${group}）` : ''}共 ${n} 条`,
    empty: (title: string): string => `本群还没有《${title}》记录，暂无可导出的内容。`,
    mineCaption: (title: string, n: number): string => `您本人在本群的《${title}》共 ${n} 条（全群的表格由工作队队长或协调员导出）`,
    noneOfYours: '您在本群还没有台账记录。',
    badFormat: '格式只支持 xlsx 或 csv，例如：/export csv',
    /** The official exports' captions name these documents (导出 全部, 导出 统计表). */
    allTitle: '全部表格',
    statsTitle: '科技之冬活动统计表',
  },
};
