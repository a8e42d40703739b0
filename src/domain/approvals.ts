import type { Role } from './config.js';
import type { FormRules } from './forms.js';
import { revOf, type AuditEntry, type RecordRepository, type StoredRecord } from '../store/records.js';
import { tf } from '../text/forms.js';
import type { RoleLookup } from './roles/lookup.js';

export type Decision = 'approve' | 'return';

export type ApprovalOutcome =
  { ok: false; reason: string } | { ok: true; record: StoredRecord; stageLabel: string; next?: string; filerNote: string; reply: string };

/**
 * One step of a sign-off chain (项目书: 单位意见 → 县扶贫办核审意见 → 县级科协意见 → 市级科协意见):
 * a holder of the waiting stage's role approves (the opinion fills that box) or returns it with a
 * reason. Stored with a revision check and an audit entry, so two approvers at once cannot both win.
 */
export async function decide(
  records: RecordRepository,
  roles: RoleLookup,
  form: FormRules,
  rec: StoredRecord,
  decision: Decision,
  opinion: string,
  by: { userKey: string; userName: string },
  at: string,
): Promise<ApprovalOutcome> {
  const chain = form.approval ?? [];
  const t = tf.approvals;
  if (!chain.length || !rec.approval) return { ok: false, reason: t.noChain(form.title) };
  if (rec.status === 'approved') return { ok: false, reason: t.alreadyApproved(form.title, rec.id.slice(0, 8)) };
  if (rec.status === 'returned') return { ok: false, reason: t.waitingForAuthor(rec.id.slice(0, 8)) };
  const stage = chain[rec.approval.stage];
  if (!stage) return { ok: false, reason: t.noChain(form.title) };
  if (!(await roles.has(by.userKey, stage.role as Role))) return { ok: false, reason: t.notYourStage(stage.label, t.roleName(stage.role)) };
  if (decision === 'return' && !opinion) return { ok: false, reason: t.needReason };
  const words = opinion || t.defaultOpinion;
  const step = {
    stage: rec.approval.stage,
    label: stage.label,
    role: stage.role,
    decision,
    opinion: words,
    by: by.userKey,
    byName: by.userName,
    at,
  };
  const nextStage = decision === 'approve' ? rec.approval.stage + 1 : rec.approval.stage;
  const status = decision === 'return' ? 'returned' : nextStage >= chain.length ? 'approved' : 'pending';
  const next: StoredRecord = {
    ...rec,
    rev: revOf(rec) + 1,
    status,
    approval: { stage: nextStage, steps: [...rec.approval.steps, step] },
    updatedAt: at,
    updatedBy: by,
  };
  const audit: AuditEntry = {
    at,
    by: by.userKey,
    byName: by.userName,
    op: decision,
    rev: revOf(rec) + 1,
    before: { status: rec.status, stage: rec.approval.stage },
    after: { status, stage: nextStage },
    note: `${stage.label}：${words}`,
  };
  const res = await records.update(next, revOf(rec), audit);
  if (res !== 'updated') return { ok: false, reason: t.changedMeanwhile };
  const short = rec.id.slice(0, 8);
  const title = form.summary?.(rec.values) ?? form.title;
  const nextLabel = status === 'pending' ? chain[nextStage]?.label : undefined;
  if (decision === 'return') {
    return {
      ok: true,
      record: next,
      stageLabel: stage.label,
      filerNote: t.returnedToFiler(form.title, title, short, stage.label, by.userName, words),
      reply: t.returnedReply(short, stage.label),
    };
  }
  return {
    ok: true,
    record: next,
    stageLabel: stage.label,
    ...(nextLabel ? { next: nextLabel } : {}),
    filerNote: t.approvedToFiler(form.title, title, short, stage.label, by.userName, words, nextLabel),
    reply: t.approvedReply(short, stage.label, nextLabel),
  };
}

/** Records waiting at a stage whose role the user holds. */
export async function pendingFor<F extends FormRules>(
  records: RecordRepository,
  roles: RoleLookup,
  forms: readonly F[],
  userKey: string,
): Promise<{ form: F; rec: StoredRecord; stage: string }[]> {
  const out: { form: F; rec: StoredRecord; stage: string }[] = [];
  for (const form of forms) {
    if (!form.approval?.length) continue;
    for await (const rec of records.scan({ form: form.id })) {
      const stage = rec.status === 'pending' && rec.approval ? form.approval[rec.approval.stage] : undefined;
      if (stage && (await roles.has(userKey, stage.role as Role))) out.push({ form, rec, stage: stage.label });
    }
  }
  return out;
}
