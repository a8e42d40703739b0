import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../src/bot/console/bot.js';
import { makeFormsHarness, type FormsHarness } from '../../fixtures/forms-harness.js';
import { writeJpeg } from '../../fixtures/jpeg.js';

let h: FormsHarness;
afterEach(async () => h?.close());

async function consoleChat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let said = '';
  output.on('data', (c: Buffer) => (said += c.toString('utf8')));
  const adapter = new ConsoleAdapter(h.dispatcher, {
    user: { id: 'local-expert', name: '李明' },
    group: '光东村帮扶群',
    input,
    output,
    interactive: false,
  });
  const done = adapter.run();
  input.end(`${lines.join('\n')}\n`);
  await done;
  return said;
}

describe('console: files by /file and /photo', () => {
  it('fills the exhibition form with a local 2 MB JPG and its caption, end to end', async () => {
    h = makeFormsHarness();
    const jpg = writeJpeg(path.join(h.dir, 'IMG_0001.JPG'), 2_300_000);
    const said = await consoleChat(['展览', '2', `/file ${jpg} 光东村专家田间指导水稻育秧`, '确认']);
    expect(said).toContain('📎 IMG_0001.JPG（JPEG，2.2 MB）');
    expect(said).toContain('3. 展览注释：光东村专家田间指导水稻育秧');
    expect(said).toContain('✅ 已保存《展览素材》');
    const [rec] = await h.all('exhibit');
    expect(rec!.values).toMatchObject({ theme: '任务目标指标完成情况', caption: '光东村专家田间指导水稻育秧' });
  });

  it('says so when the path does not exist, and sends nothing', async () => {
    h = makeFormsHarness();
    const said = await consoleChat(['展览', '1', '/photo /no/such/file.jpg']);
    expect(said).toContain('找不到文件：/no/such/file.jpg');
    expect(said.trim().split('\n').at(-1)).toContain('找不到文件');
  });
});
