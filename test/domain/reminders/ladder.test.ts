import { describe, expect, it } from 'vitest';
import { currentRung, deferPastQuietHours, inQuietHours, rungs, type LadderConfig } from '../../../src/domain/reminders/ladder.js';

const cfg: LadderConfig = {
  offsets: [-7, -3, -1, 0],
  overdueEveryDays: 7,
  overdueMax: 2,
  at: '09:00',
  quietStart: '22:00',
  quietEnd: '08:00',
};
const TZ = 'Asia/Shanghai';
const bj = (s: string) => new Date(`${s}+08:00`);

describe('reminder ladder', () => {
  it('puts each rung at 09:00 Beijing time on its day, overdue ones weekly', () => {
    const r = rungs('2026-12-15', TZ, cfg);
    expect(r.map((x) => x.name)).toEqual(['T-7', 'T-3', 'T-1', 'T0', 'T+7', 'T+14']);
    expect(r.map((x) => x.at.toISOString())).toEqual([
      '2026-12-08T01:00:00.000Z',
      '2026-12-12T01:00:00.000Z',
      '2026-12-14T01:00:00.000Z',
      '2026-12-15T01:00:00.000Z',
      '2026-12-22T01:00:00.000Z',
      '2026-12-29T01:00:00.000Z',
    ]);
  });

  it('the current rung is the latest one due; missed earlier rungs are superseded', () => {
    const r = rungs('2026-12-15', TZ, cfg);
    expect(currentRung(r, bj('2026-12-08T08:59:00'), TZ, cfg)).toBeUndefined();
    expect(currentRung(r, bj('2026-12-08T09:00:00'), TZ, cfg)?.name).toBe('T-7');
    // Down from the 7th to the 13th: on start only T-3 is due, not T-7 and T-3 both.
    expect(currentRung(r, bj('2026-12-13T10:00:00'), TZ, cfg)?.name).toBe('T-3');
    expect(currentRung(r, bj('2026-12-29T12:00:00'), TZ, cfg)?.name).toBe('T+14');
    // A week after the last rung the deadline is left alone.
    expect(currentRung(r, bj('2027-01-06T12:00:00'), TZ, cfg)).toBeUndefined();
  });

  it('quiet hours wrap midnight and defer to their end, never drop', () => {
    expect(inQuietHours(23 * 60, '22:00', '08:00')).toBe(true);
    expect(inQuietHours(7 * 60 + 59, '22:00', '08:00')).toBe(true);
    expect(inQuietHours(8 * 60, '22:00', '08:00')).toBe(false);
    expect(inQuietHours(13 * 60, '12:00', '14:00')).toBe(true);
    expect(deferPastQuietHours(bj('2026-12-14T23:30:00'), TZ, cfg).toISOString()).toBe('2026-12-15T00:00:00.000Z');
    expect(deferPastQuietHours(bj('2026-12-15T03:00:00'), TZ, cfg).toISOString()).toBe('2026-12-15T00:00:00.000Z');
    const late = { ...cfg, at: '23:00' };
    expect(rungs('2026-12-15', TZ, late)[0]!.at.toISOString()).toBe('2026-12-09T00:00:00.000Z');
    // During quiet hours nothing is due, even a rung already past.
    expect(currentRung(rungs('2026-12-15', TZ, cfg), bj('2026-12-13T23:00:00'), TZ, cfg)).toBeUndefined();
    expect(currentRung(rungs('2026-12-15', TZ, cfg), bj('2026-12-14T08:00:00'), TZ, cfg)?.name).toBe('T-3');
  });
});
