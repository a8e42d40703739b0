import { describe, expect, it } from 'vitest';
import type { OutboundAction } from '../../../src/core/events.js';
import { FlowEngine, type StepInput } from '../../../src/flows/engine/engine.js';
import type { InboundAttachment } from '../../../src/flows/engine/form.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import type { ConversationState } from '../../../src/flows/engine/state.js';

const now = new Date('2026-11-23T10:00:00+08:00');
const text = (a: OutboundAction): string => (a.kind === 'file' ? a.fileName : a.text);
const att = (over: Partial<InboundAttachment>): InboundAttachment => ({
  id: 'c'.repeat(64),
  kind: 'file',
  fileName: 'IMG_0001.JPG',
  mime: 'image/jpeg',
  size: 2_400_000,
  format: 'jpeg',
  width: 4000,
  height: 3000,
  ...over,
});

function chat(steps: (string | Omit<StepInput, 'now'>)[]) {
  const engine = new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai' });
  let state: ConversationState | null = null;
  let said = '';
  for (const s of steps) {
    const out = engine.step(state, typeof s === 'string' ? { text: s, now } : { ...s, now });
    state = out.state;
    said = out.replies.map(text).join('\n');
  }
  return { state, said };
}

describe('attachment fields', () => {
  it('an exhibition picture must be a JPEG by its bytes and at least 2 MB', () => {
    const png = chat(['展览', '1', { text: '', attachments: [att({ format: 'png', fileName: 'a.jpg' })] }]);
    expect(png.said).toContain('收到的文件实际是 PNG（按文件内容判断，不看扩展名）');
    expect(png.state?.values.image).toBeUndefined();
    const small = chat(['展览', '1', { text: '', attachments: [att({ size: 380_000, kind: 'image' })] }]);
    expect(small.said).toContain('须不小于 2.0 MB，收到的只有 371 KB');
    expect(small.said).toContain('「文件」或「原图」方式发送');
  });

  it('a caption sent with the file fills 展览注释; without one it is asked next', () => {
    const withCaption = chat(['展览', '4', { text: '光东村专家田间指导水稻育秧', attachments: [att({})] }]);
    expect(withCaption.state?.values.caption).toBe('光东村专家田间指导水稻育秧');
    expect(withCaption.said).toContain('请核对《展览素材》');
    expect(withCaption.said).toContain('📎 IMG_0001.JPG（JPEG，2.3 MB）');
    const bare = chat(['展览', '4', { text: '', attachments: [att({})] }]);
    expect(bare.said).toContain('【3/3】展览注释');
  });

  it('text where a file is expected is refused; a file where text is expected is not taken', () => {
    expect(chat(['展览', '1', '图片在这']).said).toContain('请直接发送图片或文件');
    expect(chat(['展览', { text: '', attachments: [att({})] }]).said).toContain('收到了文件，但「展览方面」需要文字回答');
    expect(chat(['先进个人', { text: '', attachments: [att({ kind: 'image', size: 60_000 })] }]).said).toContain('「姓名」需要文字回答');
  });

  it('a photo sent with the trigger as its caption opens the form with the file in place', () => {
    const { state, said } = chat([{ text: '展览', attachments: [att({})] }]);
    expect(state?.values.image).toMatchObject({ format: 'jpeg', size: 2_400_000 });
    expect(said).toContain('【1/3】展览方面');
  });

  it('the 推荐表 photo takes a JPEG or PNG photo of any size up to 10 MB', () => {
    const base = ['先进个人', '李明', '男'];
    expect(
      chat([...base, { text: '', attachments: [att({ kind: 'image', format: 'png', size: 90_000 })] }]).state?.values.photo,
    ).toMatchObject({ format: 'png' });
    expect(chat([...base, { text: '', attachments: [att({ kind: 'image', format: 'pdf' })] }]).said).toContain('JPEG/PNG');
    expect(chat([...base, { text: '', attachments: [att({ size: 12 * 1024 * 1024 })] }]).said).toContain('不能超过 10.0 MB');
  });
});
