import { groupField, phoneField, textField } from '../../engine/fields.js';
import type { ApprovalStage } from '../../engine/form.js';

/** Shared by 项目书（一）and（二）(003 附件3-4): the 联系帮扶贫困村情况 rows and the sign-off chain. */
export const villagesGroup = () =>
  groupField({
    key: 'villages',
    label: '联系帮扶贫困村情况',
    prompt: '根据帮扶贫困村的数量逐个填写：贫困村名称、贫困村联系人、联系电话。',
    noun: '贫困村',
    max: 30,
    columns: [
      textField({ key: 'name', label: '贫困村名称', prompt: '贫困村名称？', max: 30 }),
      textField({ key: 'contact', label: '贫困村联系人', prompt: '贫困村联系人？', max: 20 }),
      phoneField({ key: 'phone', label: '联系电话', prompt: '联系人电话？' }),
    ],
  });

/** The four opinion boxes, in order; each is filled by a coordinator with that role approving. */
export const projectApproval = (first: string): readonly ApprovalStage[] => [
  { label: first, role: 'unit' },
  { label: '县扶贫办核审意见', role: 'county-fpb' },
  { label: '县级科协意见', role: 'county-kx' },
  { label: '市级科协意见', role: 'city-kx' },
];
