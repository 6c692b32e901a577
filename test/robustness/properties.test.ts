import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText } from '../../src/pipeline/decode/index.js';
import { DeclutterError } from '../../src/pipeline/errors.js';
import { splitLines } from '../../src/input/text.js';
import { clean, type CleanOptions } from '../../src/index.js';
import { FORMATS, type Article } from '../../src/pipeline/types.js';
import { render } from '../../src/render/index.js';
import { cleaners } from '../../src/cleaners/registry.js';

/*
 * Whatever comes in, clean() gives an article or a DeclutterError, the same
 * one every time, and never invents text. Runs are bounded so the suite
 * stays fast; set DECLUTTER_FUZZ_RUNS (and DECLUTTER_FUZZ_SEED) to search
 * longer. Inputs worth keeping go to the corpus with their outcome.
 */
const RUNS = Number(process.env.DECLUTTER_FUZZ_RUNS ?? 150);
const SEED = process.env.DECLUTTER_FUZZ_SEED === undefined ? 20251015 : Number(process.env.DECLUTTER_FUZZ_SEED);
const settings = { numRuns: RUNS, seed: SEED };

type Outcome = { article: Article } | { error: DeclutterError };

function outcome(input: string | Uint8Array, options: CleanOptions): Outcome {
  try {
    return { article: clean(input, options) };
  } catch (error) {
    // Anything but a DeclutterError is a bug: let it fail the property.
    if (!(error instanceof DeclutterError)) throw error;
    return { error };
  }
}

/** The page as the cleaners saw it: decoded, split and normalized. */
function normalizedLines(input: string | Uint8Array, options: CleanOptions): string[] {
  const decoded = typeof input === 'string' ? decodeText(input) : decodeBytes(input, options.encoding);
  return splitLines(decoded.text).map((line) => line.text);
}

function checkCleaning(input: string | Uint8Array, options: CleanOptions): Outcome {
  const first = outcome(input, options);
  const second = outcome(input, options);
  expect(second).toEqual(first);
  if ('error' in first) {
    // One line a user can read: words, no line break, no CLI flag (the CLI adds those).
    expect(first.error.message).toMatch(/^[a-z][^\n]*$/);
    expect(first.error.message).not.toMatch(/ --[a-z]/);
    return first;
  }
  const lines = normalizedLines(input, options);
  // A paragraph is a line of the input, or (generic cleaner, wrapped dumps) consecutive lines joined by a space.
  const flowed = lines.map((line) => line.trim()).join(' ');
  for (const paragraph of first.article.body) {
    expect(paragraph).not.toBe('');
    expect(lines.some((line) => line.includes(paragraph)) || flowed.includes(paragraph)).toBe(true);
  }
  // Each body line number names a line of the input that holds text of the body.
  for (const n of first.article.extraction.fields.body ?? []) {
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(lines.length);
    expect(lines[n - 1]).not.toBe('');
  }
  // The summary may join several lines, so only single-line fields are looked up whole.
  const { title, byline } = first.article;
  for (const field of [title, byline]) {
    if (field) expect(lines.some((line) => line.includes(field)) || flowed.includes(field)).toBe(true);
  }
  for (const text of [title, ...first.article.body]) expect(text).not.toMatch(/^ | $| {2}|[\u0000-\u001f\u200b\ufeff]/);
  // What the CLI does next must not fail either: JSON gives the article back, the others are text with a final newline.
  for (const format of FORMATS) {
    const rendered = render(first.article, format);
    if (format === 'json' || format === 'ndjson') expect(JSON.parse(rendered)).toEqual(first.article);
    else if (first.article.title || first.article.body.length > 0 || format === 'md') expect(rendered).toMatch(/\S[^]*\n$/);
    // An article with neither title nor body (the generic cleaner found none, and said so) is an empty line of text.
    else expect(rendered).toBe('\n');
  }
  return first;
}

const options = fc.oneof(fc.constant<CleanOptions>({}), fc.constantFrom(...cleaners.map((cleaner) => cleaner.id)).map((source): CleanOptions => ({ source })));

/** Any UTF-16 code unit, so lone surrogates come up too. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const oddText = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', '\ufeff', '\u00a0', '\u200b', '\u200d', '\r', '\r\n', '\u2028', 'â€™', 'Ã©', 'Â ', '\ud83d', '(AP) –', ' | Updated: 15-10-2025 17:42'),
);

describe('clean() on arbitrary input', () => {
  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 300 }), options, (text, opts) => void checkCleaning(text, opts)), settings);
  });

  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), options, (bytes, opts) => void checkCleaning(bytes, opts)), settings);
  });
});

/** Every page the project knows: the fixtures of each source. */
const PAGES = fg
  .sync('fixtures/*/*.txt', { ignore: ['**/*.expected.*'] })
  .sort()
  .map((path) => readFileSync(path, 'utf8'));

type Mutation =
  | { kind: 'remove'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert-text'; at: number; column: number; text: string }
  | { kind: 'insert-line'; at: number; text: string }
  | { kind: 'crlf'; at: number };

const position = fc.nat({ max: 10_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position }),
  fc.record({ kind: fc.constant('swap' as const), at: position, with: position }),
  fc.record({ kind: fc.constant('insert-text' as const), at: position, column: position, text: oddText }),
  fc.record({ kind: fc.constant('insert-line' as const), at: position, text: oddText }),
  fc.record({ kind: fc.constant('crlf' as const), at: position }),
);

/** Applies mutations to a page's lines; positions wrap around the page's length. */
function mutate(page: string, mutations: readonly Mutation[]): string {
  const lines = page.split('\n');
  const crlf = new Set<number>();
  for (const m of mutations) {
    if (lines.length === 0) lines.push('');
    const at = m.at % lines.length;
    switch (m.kind) {
      case 'remove':
        lines.splice(at, 1);
        break;
      case 'duplicate':
        lines.splice(at, 0, lines[at]!);
        break;
      case 'swap': {
        const other = m.with % lines.length;
        [lines[at], lines[other]] = [lines[other]!, lines[at]!];
        break;
      }
      case 'insert-text': {
        const line = lines[at]!;
        const column = m.column % (line.length + 1);
        lines[at] = line.slice(0, column) + m.text + line.slice(column);
        break;
      }
      case 'insert-line':
        lines.splice(at, 0, m.text);
        break;
      case 'crlf':
        crlf.add(at);
        break;
    }
  }
  return lines.map((line, i) => (crlf.has(i) ? `${line}\r` : line)).join('\n');
}

describe('clean() on mutated pages', () => {
  it('has pages to mutate', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(2);
  });

  it('lines removed, duplicated, swapped, odd text inserted, CRLF mixed in: as text and as bytes', () => {
    const page = fc.constantFrom(...PAGES);
    fc.assert(
      fc.property(page, fc.array(mutation, { minLength: 1, maxLength: 8 }), options, fc.boolean(), (original, mutations, opts, asBytes) => {
        const text = mutate(original, mutations);
        checkCleaning(asBytes ? Buffer.from(text) : text, opts);
      }),
      settings,
    );
  });

  it('an unmutated page is an article whose every paragraph is found in the page', () => {
    for (const page of PAGES) {
      const result = checkCleaning(page, {});
      expect('article' in result && result.article.body.length).toBeGreaterThan(0);
    }
  });
});
