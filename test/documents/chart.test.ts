import { describe, expect, it } from 'vitest';
import { barChartPng } from '../../src/documents/chart.js';

describe('progress chart', () => {
  const series = [{ name: '活动次数', values: [12, 7] }];

  it('is a PNG of the requested size', () => {
    const png = barChartPng('各群帮扶活动', ['光东村帮扶群', '光西村帮扶群'], series, 640, 360);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(640);
    expect(png.readUInt32BE(20)).toBe(360);
  });

  it('draws the Chinese labels (a CJK font is installed; without one they render as nothing)', () => {
    const titled = barChartPng('各群帮扶活动', ['光东村帮扶群', '光西村帮扶群'], series);
    const untitled = barChartPng('', ['光东村帮扶群', '光西村帮扶群'], series);
    expect(titled.equals(untitled)).toBe(false);
  });
});
