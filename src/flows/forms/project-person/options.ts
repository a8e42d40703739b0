/** 项目书（二）'s 项目类别 boxes (003 附件4). */
export const PROJECT_CATEGORIES = ['技术培训类', '产业技术类', '科普教育类'] as const;
