import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeLine } from '../../src/input/text.js';
import { repairMojibake } from '../../src/pipeline/decode/mojibake.js';
import { clean } from '../../src/index.js';
import { BUILTIN_DEFINITIONS as cleaners } from '../../src/cleaners/builtins.js';

/*
 * Cost must grow with the size of the input, never faster. The bound is on
 * ratios, not seconds (the machine is shared): 10x the input may cost up to
 * 30x the time, which a linear pipeline meets with room to spare and a
 * quadratic one (100x) or a backtracking regex (far worse) cannot.
 */
const MAX_RATIO = 30;

const EDITORJI = readFileSync(join('test', 'robustness', 'corpus', 'editorji-utf8.txt'), 'utf8');
const DEVDISCOURSE = readFileSync(join('test', 'robustness', 'corpus', 'devdiscourse-utf8.txt'), 'utf8');

/** The best of a few runs: the least disturbed by whatever else the machine is doing. */
function bestTime(run: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function growthRatio(small: () => unknown, large: () => unknown): number {
  small(); // Warm up, so compiling the code is not counted against the small input.
  return bestTime(large) / Math.max(bestTime(small), 0.05);
}

/** An Editorji page whose first paragraph is one line of about `chars` characters. */
function pageWithLongLine(chars: number): Buffer {
  const words = 'Officials said the “talks” would continue – in Moscow’s view (AP) | Updated: 15 Image Credit: ';
  const paragraph = words.repeat(Math.ceil(chars / words.length)).slice(0, chars);
  return Buffer.from(EDITORJI.replace(/^(Moscow, Oct 15 \(AP\) – ).*$/m, (_, dateline: string) => dateline + paragraph));
}

/** A Devdiscourse page with `count` short paragraphs. */
function pageWithManyLines(count: number): Buffer {
  const paragraphs = Array.from({ length: count }, (_, i) => `Paragraph ${i} said “yes” – again.`);
  return Buffer.from(DEVDISCOURSE.replace('(With inputs from agencies.)', `${paragraphs.join('\n')}\n(With inputs from agencies.)`));
}

describe('cleaning time grows linearly with the page', () => {
  it('a page made of one line of 5 MB', () => {
    const small = pageWithLongLine(500_000);
    const large = pageWithLongLine(5_000_000);
    expect(large.length).toBeGreaterThan(5_000_000);
    expect(clean(large).body[0]!.length).toBeGreaterThan(4_900_000);
    expect(growthRatio(() => clean(small), () => clean(large))).toBeLessThan(MAX_RATIO);
  });

  it('a page of 100,000 short lines', () => {
    const small = pageWithManyLines(10_000);
    const large = pageWithManyLines(100_000);
    expect(clean(large).body).toHaveLength(100_003);
    expect(growthRatio(() => clean(small), () => clean(large))).toBeLessThan(MAX_RATIO);
  });
});

/** Lines that make a backtracking pattern try every split: runs of what the rules look for, with a spoiler at the end. */
const PUMPS = ['a', ' ', 'a ', 'A ', '1', '1 ', '|', ' | ', '(', ')', '(AP) ', 'AP ', '• ', ', ', '.', '-', '–', '—', 'Updated: ', 'Image Credit: ', 'editorji | ', 'Â', 'â€', '\u00a0', '\u200d'];
const SPOILERS = ['', '!', ' |', '\u0001'];

const everyRule = cleaners.flatMap((source) => [
  ...Object.values(source.zones).flatMap((rules) => rules.flatMap((rule) => [rule.match, ...(rule.followedBy ? [rule.followedBy] : [])])),
  ...source.fingerprints.map((fingerprint) => fingerprint.pattern),
  ...source.clutterMarkers,
]);

/** Everything that looks at one line: every cleaner's regular expressions, and the shared line functions. */
const lineFunctions: ((line: string) => unknown)[] = [
  ...everyRule.map((pattern) => (line: string) => new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(line)),
  normalizeLine,
  repairMojibake,
];

describe('no rule backtracks catastrophically', () => {
  it('covers every rule of every cleaner', () => {
    expect(everyRule.length).toBeGreaterThan(30);
  });

  it.each(PUMPS)('on long runs of %j', (pump) => {
    const line = (length: number) => SPOILERS.map((spoiler) => pump.repeat(Math.ceil(length / pump.length)) + spoiler);
    const small = line(2_000);
    const large = line(20_000);
    const runAll = (lines: string[]) => () => {
      for (const text of lines) for (const look of lineFunctions) look(text);
    };
    expect(growthRatio(runAll(small), runAll(large))).toBeLessThan(MAX_RATIO);
  });
});
