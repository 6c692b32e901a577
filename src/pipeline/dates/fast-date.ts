/**
 * A quick reading of the plainest printed dates, ahead of date-fns' `parse`,
 * which builds a dozen parser objects per call and was most of the cost of
 * assembling an article. It answers only for an exact, canonical shape
 * (`29-01-2025 14:54`, `Jan 5, 2025 09:30`) with every field in range, and
 * otherwise says "don't know" (null), so date-fns stays the parser of record:
 * where this answers, date-fns gives the same time (test/unit/fast-date.test.ts).
 *
 * Understood tokens: dd d MM MMM MMMM yyyy HH mm ss; anything else in a
 * format (letters, quotes) leaves that format to date-fns entirely.
 */

type Field = 'day' | 'month' | 'year' | 'hour' | 'minute' | 'second';

interface Compiled {
  pattern: RegExp;
  fields: Field[];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBREVIATIONS = MONTH_NAMES.map((name) => name.slice(0, 3));

const TOKENS: Record<string, { source: string; field: Field }> = {
  dd: { source: '(\\d{2})', field: 'day' },
  // date-fns' d takes one or two digits, so a zero-padded day (`Dec 05`) too.
  d: { source: '(0?[1-9]|[12]\\d|3[01])', field: 'day' },
  MM: { source: '(\\d{2})', field: 'month' },
  MMM: { source: `(${MONTH_ABBREVIATIONS.join('|')})`, field: 'month' },
  MMMM: { source: `(${MONTH_NAMES.join('|')})`, field: 'month' },
  // Four digits from 1000: smaller years take date-fns' two-digit and far-past rules.
  yyyy: { source: '([1-9]\\d{3})', field: 'year' },
  HH: { source: '(\\d{2})', field: 'hour' },
  mm: { source: '(\\d{2})', field: 'minute' },
  ss: { source: '(\\d{2})', field: 'second' },
};

const compiled = new Map<string, Compiled | null>();

/** Milliseconds of the wall time read as UTC, or null when date-fns must decide. */
export function fastParseWallTime(printed: string, format: string): number | null {
  let parser = compiled.get(format);
  if (parser === undefined) {
    parser = compile(format);
    compiled.set(format, parser);
  }
  if (parser === null) return null;
  const match = parser.pattern.exec(printed);
  if (!match) return null;
  const value = { day: 1, month: 1, year: 1970, hour: 0, minute: 0, second: 0 };
  for (let i = 0; i < parser.fields.length; i++) {
    const field = parser.fields[i]!;
    const text = match[i + 1]!;
    value[field] = field === 'month' && !/^\d/.test(text) ? MONTH_ABBREVIATIONS.indexOf(text.slice(0, 3)) + 1 : Number(text);
  }
  const { year, month, day, hour, minute, second } = value;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** A format made only of known tokens, spaces and plain punctuation; null for any other. */
function compile(format: string): Compiled | null {
  const parts = format.match(/([A-Za-z])\1*|[^A-Za-z]/g) ?? [];
  const fields: Field[] = [];
  let source = '^';
  for (const part of parts) {
    const token = TOKENS[part];
    if (token) {
      if (fields.includes(token.field)) return null;
      fields.push(token.field);
      source += token.source;
    } else if (/^[ ,:./-]$/.test(part)) {
      source += `\\${part === ' ' ? 'x20' : part}`;
    } else {
      return null;
    }
  }
  // A date needs its year, month and day; the rest may default to zero as in date-fns.
  if (!fields.includes('year') || !fields.includes('month') || !fields.includes('day')) return null;
  return { pattern: new RegExp(`${source}$`), fields };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
