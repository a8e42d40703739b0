import { randomUUID } from 'node:crypto';
import { chatKey, userKey } from '../../src/core/ids.js';
import { allForms } from '../../src/flows/forms/registry.js';
import type { Harness } from './harness.js';

const ctx = { now: new Date('2026-11-23T10:00:00+08:00'), timezone: 'Asia/Shanghai' };

/**
 * Stores a confirmed record through the real commit script, with values read by the form's own
 * parsers from what a user would type (so the test does not depend on how values are encoded).
 */
export async function seedRecord(
  h: Harness,
  formId: string,
  typed: Record<string, string>,
  who: { chatId: string; chatTitle?: string; userId: string; userName: string; platform?: string },
  now = ctx.now,
): Promise<string> {
  const form = allForms.find((f) => f.id === formId);
  if (!form) throw new Error(`no form ${formId}`);
  const values: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(typed)) {
    const field = form.fields.find((f) => f.key === key);
    if (!field) throw new Error(`no field ${key} in ${formId}`);
    const r = field.parse(text, { ...ctx, now });
    if (!r.ok) throw new Error(`${formId}.${key} refused "${text}": ${r.reason}`);
    values[key] = r.value;
  }
  const platform = who.platform ?? 'test';
  const id = randomUUID();
  const rec = h.records.prepare(formId, id, values, {
    platform,
    chatId: who.chatId,
    chatKey: chatKey(platform, who.chatId),
    chatTitle: who.chatTitle ?? who.chatId,
    userId: who.userId,
    userKey: userKey(platform, who.userId),
    userName: who.userName,
    createdAt: now.toISOString(),
  });
  const conv = `seed:${id}`;
  await h.conversations.claim(conv, 'seed', id, '{}', 'seed', false);
  await h.conversations.commit(conv, 'seed', null, rec);
  return id;
}

export const expert = (name: string, phone: string) => ({
  unit: '吉林农业大学',
  name,
  title: '教授',
  age: '52',
  phone,
  field: '水稻栽培',
  villages: '光东村',
});
