import { describe, expect, it } from 'vitest';
import { parseWithDateFns } from '../../../src/pipeline/dates/index.js';
import { fastParseWallTime } from '../../../src/pipeline/dates/fast-date.js';
import { cleaners } from '../../../src/cleaners/registry.js';

/** Small and seedable, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (value: number) => String(value).padStart(2, '0');

/** Dates as the sites print them, and near misses: days past the month's end, hour 24, odd spacing, lower case, short years. */
function printedDate(next: () => number): string {
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const year = pick([int(1990, 2030), int(1000, 9999), int(0, 999), 1900, 2000, 2024, 2100]);
  const month = pick([int(1, 12), int(0, 13)]);
  const day = pick([int(1, 28), int(29, 31), int(0, 32)]);
  const time = `${pad(pick([int(0, 23), 24, int(0, 99)]))}:${pad(pick([int(0, 59), 60]))}${next() < 0.3 ? `:${pad(int(0, 61))}` : ''}`;
  const name = MONTHS[(month + 11) % 12]!;
  const monthText = pick([name, name.slice(0, 3), name.slice(0, 4), name.toLowerCase(), name.slice(0, 3).toUpperCase()]);
  const dayText = pick([String(day), pad(day)]);
  const shapes = [
    `${pad(day)}-${pad(month)}-${year} ${time}`,
    `${dayText}-${pick([String(month), pad(month)])}-${year} ${time}`,
    `${monthText} ${dayText}, ${year} ${time}`,
    `${monthText} ${dayText},${year} ${time}`,
    `${monthText} ${dayText}, ${year}  ${time}`,
    `${pad(day)}-${pad(month)}-${year} ${time} `,
  ];
  return pick(shapes);
}

describe('fastParseWallTime', () => {
  const formats = [...new Set(cleaners.flatMap((source) => source.dateFormats)), 'yyyy-MM-dd HH:mm:ss', 'dd/MM/yyyy', 'MMM d, yyyy'];

  it('reads what date-fns reads, for every format of every source, over many dates', () => {
    const next = random(20250129);
    let answered = 0;
    for (let i = 0; i < 20000; i++) {
      const printed = printedDate(next);
      for (const format of formats) {
        const fast = fastParseWallTime(printed, format);
        if (fast === null) continue;
        answered++;
        expect({ printed, format, time: fast }).toEqual({ printed, format, time: parseWithDateFns(printed, format) });
      }
    }
    // The quick path must actually take the plain dates, or it saves nothing.
    expect(answered).toBeGreaterThan(500);
  });

  it('answers for the shapes the sources print', () => {
    expect(fastParseWallTime('29-01-2025 14:54', 'dd-MM-yyyy HH:mm')).toBe(Date.UTC(2025, 0, 29, 14, 54));
    expect(fastParseWallTime('Feb 29, 2024 09:05', 'MMM d, yyyy HH:mm')).toBe(Date.UTC(2024, 1, 29, 9, 5));
    expect(fastParseWallTime('September 9, 2025 23:59', 'MMMM d, yyyy HH:mm')).toBe(Date.UTC(2025, 8, 9, 23, 59));
    expect(fastParseWallTime('Dec 05, 2025 09:30', 'MMM d, yyyy HH:mm')).toBe(Date.UTC(2025, 11, 5, 9, 30));
  });

  it('leaves anything unusual to date-fns', () => {
    expect(fastParseWallTime('Feb 29, 2025 09:05', 'MMM d, yyyy HH:mm')).toBeNull();
    expect(fastParseWallTime('29-01-2025 24:00', 'dd-MM-yyyy HH:mm')).toBeNull();
    expect(fastParseWallTime('jan 5, 2025 10:00', 'MMM d, yyyy HH:mm')).toBeNull();
    expect(fastParseWallTime('29-01-2025 14:54', "dd-MM-yyyy 'at' HH:mm")).toBeNull();
    expect(fastParseWallTime('2025', 'yyyy')).toBeNull();
  });
});
