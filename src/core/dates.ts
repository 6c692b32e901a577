import { tz, TZDate } from '@date-fns/tz';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';

/**
 * Zone abbreviations the sites print, and the zone each means. IST is India
 * Standard Time here: both sources are Indian publications.
 */
const PRINTED_ZONES: Record<string, string> = {
  IST: 'Asia/Kolkata',
  UTC: 'UTC',
  GMT: 'UTC',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
};

export interface NormalizedDate {
  /** ISO 8601 with offset, or null when the text is not a date. */
  iso: string | null;
  warning?: string;
}

/**
 * A printed date to ISO 8601 with the offset of its zone. A zone printed
 * after the time (`14:54 IST`) wins over `defaultZone`.
 */
export function normalizeDate(printed: string, formats: readonly string[], defaultZone: string): NormalizedDate {
  const suffix = /^(?<time>.*?) (?<zone>[A-Z]{2,5})$/.exec(printed)?.groups;
  let time = printed;
  let zone = defaultZone;
  let warning: string | undefined;
  if (suffix && suffix.zone !== 'AM' && suffix.zone !== 'PM') {
    time = suffix.time!;
    const known = PRINTED_ZONES[suffix.zone!];
    if (known) zone = known;
    else warning = `unknown time zone "${suffix.zone}" in date "${printed}"; read as ${defaultZone}`;
  }
  for (const format of formats) {
    const date = parse(time, format, new Date(0), { in: tz(zone) });
    if (isValid(date)) return warning ? { iso: formatIso(date), warning } : { iso: formatIso(date) };
  }
  return { iso: null, warning: `could not read date "${printed}"` };
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

/** `2025-01-29T14:54:00+05:30`: wall time in the date's zone, then its offset. */
function formatIso(date: TZDate): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
