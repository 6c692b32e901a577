import { fastParseWallTime } from './fast-date.js';
import { lazyModule } from './lazy-module.js';
import { WallClock } from './wall-clock.js';

// date-fns reads what the quick reading cannot, and @date-fns/tz gives offsets of zones
// that changed theirs; a typical page needs neither, and loading them costs ~15 ms of start-up.
const dateFnsParse = lazyModule<typeof import('date-fns/parse')>('date-fns/parse');
const dateFnsIsValid = lazyModule<typeof import('date-fns/isValid')>('date-fns/isValid');
const dateFnsTz = lazyModule<typeof import('@date-fns/tz')>('@date-fns/tz');

export interface NormalizedDate {
  /** ISO 8601 with offset, or null when the text is not a date. */
  iso: string | null;
  warning?: string;
}

/**
 * A printed date to ISO 8601 with the offset of its zone. A zone printed
 * after the time (`14:54 IST`), one of `printedZones` (the cleaner's), wins
 * over `defaultZone`.
 */
export function normalizeDate(
  printed: string,
  formats: readonly string[],
  defaultZone: string,
  printedZones: Readonly<Record<string, string>>,
): NormalizedDate {
  const suffix = /^(?<time>.*?) (?<zone>[A-Z]{2,5})$/.exec(printed)?.groups;
  let time = printed;
  let zone = defaultZone;
  let warning: string | undefined;
  if (suffix && suffix.zone !== 'AM' && suffix.zone !== 'PM') {
    time = suffix.time!;
    const known = printedZones[suffix.zone!];
    if (known) zone = known;
    else warning = `unknown time zone "${suffix.zone}" in date "${printed}"; read as ${defaultZone}`;
  }
  for (const format of formats) {
    const wallAsUtc = fastParseWallTime(time, format) ?? parseWithDateFns(time, format);
    if (wallAsUtc !== null) {
      const zoned = inZone(wallAsUtc, zone);
      const iso = formatIso(zoned.wall, zoned.offset);
      return warning ? { iso, warning } : { iso };
    }
  }
  return { iso: null, warning: `could not read date "${printed}"` };
}

/** The wall time date-fns reads (as UTC milliseconds), or null when the text does not fit the format. */
export function parseWithDateFns(time: string, format: string): number | null {
  const wall = dateFnsParse().parse(time, format, new WallClock(0));
  return dateFnsIsValid().isValid(wall) ? wall.getTime() : null;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Zones whose offset has not changed since 1970, for the sources' default
 * zones: asking Intl costs ~15 ms the first time in a process (a single
 * `declutter page.txt` pays it) and microseconds on every date after.
 */
const FIXED_OFFSETS: Partial<Record<string, number>> = { 'Asia/Kolkata': 330, 'Asia/Calcutta': 330, UTC: 0, 'Etc/UTC': 0 };
const FIXED_SINCE = Date.UTC(1970, 0, 1);

/**
 * A wall time (its fields read as UTC) placed in a zone: the same wall time
 * and the zone's offset (minutes east of UTC) there. A time that a clock
 * change skips is moved forward by the change, as TZDate does.
 */
function inZone(wallAsUtc: number, zone: string): { wall: WallClock; offset: number } {
  const fixed = FIXED_OFFSETS[zone];
  if (fixed !== undefined && wallAsUtc >= FIXED_SINCE) return { wall: new WallClock(wallAsUtc), offset: fixed };
  const { tzOffset } = dateFnsTz();
  const guess = tzOffset(zone, new Date(wallAsUtc));
  const offset = tzOffset(zone, new Date(wallAsUtc - guess * 60_000));
  if (offset === guess || tzOffset(zone, new Date(wallAsUtc - offset * 60_000)) === offset) {
    return { wall: new WallClock(wallAsUtc), offset };
  }
  const instant = wallAsUtc - Math.min(guess, offset) * 60_000;
  const after = tzOffset(zone, new Date(instant));
  return { wall: new WallClock(instant + after * 60_000), offset: after };
}

/**
 * `2025-01-29T14:54:00+05:30`: the wall time as printed, then the zone's
 * offset. Before standard time (1906 in India, earlier or later elsewhere)
 * zones kept local mean time, offsets of whole seconds such as 5:21:10 for
 * Kolkata: those are written with their seconds (`+05:21:10`, as RFC 9557
 * and ISO 8601 allow), never as a fraction of a minute.
 */
function formatIso(date: WallClock, offset: number): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const seconds = Math.round(Math.abs(offset) * 60);
  const sign = offset < 0 && seconds > 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}${seconds % 60 === 0 ? '' : `:${pad(seconds % 60)}`}`;
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    zone
  );
}

const ISO_LIKE =
  /^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?)?\s*(?<z>Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date as documents state it in metadata (JSON-LD, `article:published_time`):
 * ISO 8601, `2025-01-29T14:38:00+05:30`, `2025-01-29T09:08Z`, `2025-01-29 14:38`,
 * `2025-01-29`. Like every other date, it is given in `zone` (the cleaner's, or
 * `--tz`) with that zone's offset: the instant a stated offset (`Z`, `+00:00`)
 * pins down is moved there; a time without one is read in `zone`. With
 * `keepStatedOffset`, a stated offset is kept as it is. Null when the text is
 * no such date.
 */
export function normalizeIsoDate(printed: string, zone: string, keepStatedOffset = false): string | null {
  const g = ISO_LIKE.exec(printed.trim())?.groups;
  if (!g) return null;
  const [y, mo, d, h, mi, s] = [g.y, g.mo, g.d, g.h ?? '0', g.mi ?? '0', g.s ?? '0'].map(Number) as [number, number, number, number, number, number];
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wallAsUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  if (g.z === undefined) {
    const zoned = inZone(wallAsUtc, zone);
    return formatIso(zoned.wall, zoned.offset);
  }
  const stated = g.z.toUpperCase() === 'Z' ? '+00:00' : g.z.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const statedOffset = (stated.startsWith('-') ? -1 : 1) * (Number(stated.slice(1, 3)) * 60 + Number(stated.slice(4, 6)));
  if (Math.abs(statedOffset) > 18 * 60) return null;
  // A cleaner that knows no site's zone (the generic one) keeps the page's own offset, and so its day.
  if (keepStatedOffset) return formatIso(new WallClock(wallAsUtc), statedOffset);
  const instant = wallAsUtc - statedOffset * 60_000;
  const fixed = FIXED_OFFSETS[zone];
  const offset = fixed !== undefined && instant >= FIXED_SINCE ? fixed : dateFnsTz().tzOffset(zone, new Date(instant));
  return formatIso(new WallClock(instant + offset * 60_000), offset);
}
