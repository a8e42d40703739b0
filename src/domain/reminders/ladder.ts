import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** When reminders go out relative to a deadline, and when the bot keeps quiet. */
export interface LadderConfig {
  /** Days relative to the due date, e.g. [-7, -3, -1, 0]. */
  offsets: number[];
  /** After the due date, remind again every N days (0 = never). */
  overdueEveryDays: number;
  /** Stop overdue reminders after this many. */
  overdueMax: number;
  /** Local time of day a rung is due, 'HH:mm'. */
  at: string;
  /** Quiet hours 'HH:mm'–'HH:mm' (may wrap midnight); a rung due inside them waits for their end. */
  quietStart: string;
  quietEnd: string;
}

export interface Rung {
  /** Stable name used in the exactly-once claim: 'T-7', 'T0', 'T+7'… */
  name: string;
  /** Days relative to the due date. */
  offset: number;
  /** When it may be sent (quiet hours already applied). */
  at: Date;
}

const minutes = (hhmm: string): number => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** True when a wall-clock minute-of-day lies inside [start, end), wrapping midnight if start > end. */
export function inQuietHours(minuteOfDay: number, start: string, end: string): boolean {
  const s = minutes(start);
  const e = minutes(end);
  if (s === e) return false;
  return s < e ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s || minuteOfDay < e;
}

/**
 * Moves an instant out of quiet hours to the moment they end (the same or next local day).
 * Quiet hours defer a reminder, they never drop it.
 */
export function deferPastQuietHours(instant: Date, tz: string, cfg: Pick<LadderConfig, 'quietStart' | 'quietEnd'>): Date {
  const local = dayjs(instant).tz(tz);
  const mod = local.hour() * 60 + local.minute();
  if (!inQuietHours(mod, cfg.quietStart, cfg.quietEnd)) return instant;
  const end = minutes(cfg.quietEnd);
  let target = local.startOf('day').add(end, 'minute');
  if (!target.isAfter(local)) target = target.add(1, 'day');
  return target.toDate();
}

/** Every rung of a deadline due on `due` (YYYY-MM-DD, local to `tz`), in time order. */
export function rungs(due: string, tz: string, cfg: LadderConfig): Rung[] {
  const atMin = minutes(cfg.at);
  const dueDay = dayjs.tz(due, 'YYYY-MM-DD', tz);
  const offsets = [...new Set(cfg.offsets)].sort((a, b) => a - b);
  for (let k = 1; cfg.overdueEveryDays > 0 && k <= cfg.overdueMax; k++) offsets.push(k * cfg.overdueEveryDays);
  return offsets.map((offset) => {
    const raw = dueDay.add(offset, 'day').add(atMin, 'minute').toDate();
    const name = offset === 0 ? 'T0' : offset < 0 ? `T${offset}` : `T+${offset}`;
    return { name, offset, at: deferPastQuietHours(raw, tz, cfg) };
  });
}

/**
 * The rung to send now: the latest one already due. Earlier rungs that were missed (the bot was
 * down) are superseded, not sent late one after another. Undefined before the first rung, after the
 * last, or while in quiet hours.
 */
export function currentRung(all: Rung[], now: Date, tz: string, cfg: LadderConfig): Rung | undefined {
  if (deferPastQuietHours(now, tz, cfg).getTime() !== now.getTime()) return undefined;
  let current: Rung | undefined;
  for (const r of all) if (r.at.getTime() <= now.getTime()) current = r;
  // The last rung stays relevant for one step of the ladder, then the deadline is left alone.
  const last = all.at(-1);
  if (current && current === last) {
    const windowDays = Math.max(1, cfg.overdueEveryDays);
    if (now.getTime() - current.at.getTime() >= windowDays * 86_400_000) return undefined;
  }
  return current;
}
