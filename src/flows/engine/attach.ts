import { zh } from '../../text/zh.js';
import type { AttachmentRef, AttachmentRule, InboundAttachment } from './form.js';
import { fail, ok, type ParseResult } from '../parsers/result.js';

/**
 * Checks an attachment against a field's rule on the facts the dispatcher sniffed from the bytes
 * (format by magic number, real size), so a renamed PNG or a phone's compressed copy of a photo
 * is refused with a reason instead of being handed in as the 2 MB original the notice asks for.
 */
export function acceptAttachment(rule: AttachmentRule, att: InboundAttachment): ParseResult<AttachmentRef> {
  const r = zh.attach;
  if (!rule.kinds.includes(att.kind)) return fail(r.wrongKind(rule.kinds));
  if (!rule.formats.includes(att.format)) return fail(r.wrongFormat(rule.formats, att.format));
  if (rule.minBytes !== undefined && att.size < rule.minBytes) return fail(r.tooSmall(rule.minBytes, att.size));
  if (rule.maxBytes !== undefined && att.size > rule.maxBytes) return fail(r.tooBig(rule.maxBytes, att.size));
  const { kind: _kind, ...ref } = att;
  return ok(ref);
}
