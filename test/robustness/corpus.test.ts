import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeclutterError } from '../../src/pipeline/errors.js';
import { clean } from '../../src/index.js';
import type { Article } from '../../src/pipeline/types.js';
import { runCli } from '../cli/run.js';
import { withAdvice } from '../../src/cli/diagnostics.js';
import { CORPUS_DIR, corpusFiles, corpusManifest, type ExpectedArticle } from './corpus.js';

const manifest = corpusManifest();
const files = corpusFiles();
const pathOf = (name: string) => join(CORPUS_DIR, name);
const cleanFile = (name: string) => clean(readFileSync(pathOf(name)), { path: pathOf(name) });

/** The article without what may differ between two encodings of one page. */
function content(article: Article) {
  const { input: _input, warnings: _warnings, extraction, ...rest } = article;
  const { encoding: _encoding, ...extractionRest } = extraction;
  return { ...rest, extraction: extractionRest };
}

function failureOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure, got an article');
}

function expectArticle(article: Article, expected: ExpectedArticle) {
  expect(article.extraction.encoding).toBe(expected.encoding);
  expect(article.warnings).toEqual(expected.warnings);
  if (expected.sameAs !== undefined) expect(content(article)).toEqual(content(cleanFile(expected.sameAs)));
  if (expected.source !== undefined) expect(article.source).toBe(expected.source);
  if (expected.title !== undefined) expect(article.title).toBe(expected.title);
  if (expected.bodyIncludes !== undefined) expect(article.body.join('\n')).toContain(expected.bodyIncludes);
  if (expected.bodyEndsWith !== undefined) expect(article.body.at(-1)!.endsWith(expected.bodyEndsWith)).toBe(true);
  if (expected.firstParagraphChars !== undefined) expect(article.body[0]).toHaveLength(expected.firstParagraphChars);
}

describe('fuzz corpus', () => {
  it('has an expected outcome for every input and an input for every outcome', () => {
    expect(Object.keys(manifest).sort()).toEqual(files);
  });

  describe.each(files)('%s through the library', (name) => {
    const expected = manifest[name]!;
    it(expected.error !== undefined ? `fails: ${expected.error}` : `cleans (${expected.why})`, () => {
      if (expected.error !== undefined) {
        const error = failureOf(() => cleanFile(name));
        expect(error).toBeInstanceOf(DeclutterError);
        // The manifest holds what the CLI prints: the library's message with the CLI's advice.
        expect(withAdvice(error as DeclutterError)).toBe(expected.error);
        expect(expected.error.startsWith(error.message.replace(/\)$/, ''))).toBe(true);
      } else {
        expectArticle(cleanFile(name), expected.article);
      }
    });
  });

  it('gives the same outcomes through the CLI, in one batch: each article in order, one exact line per failure or warning', () => {
    const paths = files.map(pathOf);
    const result = runCli(['-f', 'ndjson', '-q', ...paths]);
    const loud = runCli(['-f', 'ndjson', ...paths]);
    expect(result.status).toBe(1);
    expect(loud.stdout).toBe(result.stdout);

    const good = files.filter((name) => manifest[name]!.article !== undefined);
    const articles = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Article);
    expect(articles.map((article) => article.input.path)).toEqual(good.map(pathOf));
    for (const article of articles) expect(article).toEqual(JSON.parse(JSON.stringify(cleanFile(article.input.path!.split(/[\\/]/).at(-1)!))));

    for (const name of files) {
      const expected = manifest[name]!;
      const prefix = `declutter: ${pathOf(name)}: `;
      const lines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith(prefix));
      const failure = expected.error !== undefined ? [prefix + expected.error] : [];
      const warnings = expected.article?.warnings.map((warning) => `${prefix}warning: ${warning}`) ?? [];
      expect(lines(result.stderr), name).toEqual(failure);
      expect(lines(loud.stderr).sort(), name).toEqual([...failure, ...warnings].sort());
    }
  });
});
