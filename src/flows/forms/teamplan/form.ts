import { ageField, groupField, phoneField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { teamPlanLayout } from './layout.js';
import { teamPlanXlsx } from './xlsx.js';

/**
 * 扶贫工作队工作安排表 — 004 附件3: "____地区扶贫工作队", the 带队人员 block, then two repeating
 * tables (人员组成: 专家1, 专家2 …; 送科技下乡活动安排: 活动1, 活动2 …). 备注: 一支工作队填报一张表,
 * so one per 地区 per group. Activity times are planned, so they are free text ("12月上旬").
 */
export const teamPlanForm = defineForm({
  id: 'teamplan',
  title: '扶贫工作队工作安排表',
  filedBy: 'group',
  triggers: ['工作安排', '工作队安排', '/plan'],
  fields: [
    textField({ key: 'area', label: '地区', prompt: '哪个地区的扶贫工作队？例如：和龙市（表头为「和龙市地区扶贫工作队」）', max: 30 }),
    textField({ key: 'leaderName', label: '带队人员姓名', prompt: '带队人员姓名？', max: 20 }),
    phoneField({ key: 'leaderPhone', label: '带队人员联系方式', prompt: '带队人员的联系电话？' }),
    textField({ key: 'leaderUnit', label: '带队人员工作单位', prompt: '带队人员的工作单位？', max: 50 }),
    textField({ key: 'leaderPost', label: '带队人员职务', prompt: '带队人员的职务？', max: 30 }),
    groupField({
      key: 'members',
      label: '扶贫工作队人员组成',
      prompt: '逐个添加工作队专家：姓名、单位、职称、年龄、联系电话。',
      noun: '专家',
      max: 60,
      columns: [
        textField({ key: 'name', label: '姓名', prompt: '专家姓名？', max: 20 }),
        textField({ key: 'unit', label: '单位', prompt: '单位？', max: 50 }),
        textField({ key: 'title', label: '职称', prompt: '职称？', max: 20 }),
        ageField({ key: 'age', label: '年龄', prompt: '年龄？' }),
        phoneField({ key: 'phone', label: '联系电话', prompt: '联系电话？' }),
      ],
    }),
    groupField({
      key: 'activities',
      label: '送科技下乡活动安排',
      prompt: '逐个添加活动：时间、地点、主要内容。',
      noun: '活动',
      max: 100,
      columns: [
        textField({ key: 'when', label: '时间', prompt: '什么时间？例如：12月上旬、2017年12月5日', max: 30 }),
        textField({ key: 'place', label: '地点', prompt: '在哪里？', max: 50 }),
        textField({ key: 'content', label: '主要内容', prompt: '主要内容？', max: 300 }),
      ],
    }),
  ],
  unique: { what: '这个地区扶贫工作队的安排表（一支工作队填报一张表）', key: (v) => String(v.area) },
  summary: (v) => `${String(v.area)}地区扶贫工作队（带队 ${String(v.leaderName)}）`,
  // 004 附件4 counts the 工作队 as 科技下乡服务团.
  counts: { servingTeam: true },
  exports: { layout: teamPlanLayout, xlsx: teamPlanXlsx },
});
