import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { CORPUS_DIR } from './corpus.js';

const corpus = (name: string) => join(CORPUS_DIR, name);
const reference = JSON.parse(runCli([corpus('editorji-utf8.txt')]).stdout);

describe('--encoding', () => {
  it('reads UTF-16 without a BOM, which detection refuses as binary', () => {
    const path = corpus('editorji-utf16le-no-bom.txt');
    const result = runCli(['--encoding', 'utf-16le', path]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const article = JSON.parse(result.stdout);
    expect(article.extraction.encoding).toBe('utf-16le');
    expect(article.body).toEqual(reference.body);
  });

  it('forces Windows-1252 (any of its labels) without the warning a guess gives', () => {
    for (const label of ['windows-1252', 'cp1252', 'latin1']) {
      const result = runCli(['--encoding', label, corpus('editorji-windows-1252.txt')]);
      expect(result.stderr).toBe('');
      const article = JSON.parse(result.stdout);
      expect(article.extraction.encoding).toBe('windows-1252');
      expect(article.warnings).toEqual([]);
      expect(article.body).toEqual(reference.body);
    }
  });

  it('repairs nothing: the user said what the bytes are', () => {
    const article = JSON.parse(runCli(['--encoding', 'utf-8', corpus('editorji-mojibake.txt')]).stdout);
    expect(article.warnings).toEqual([]);
    expect(article.body[0]).toContain('Russiaâ€™s');
  });

  it('fails one input whose bytes do not fit, naming it, and cleans the others', () => {
    const bad = corpus('editorji-windows-1252.txt');
    const good = corpus('editorji-utf8.txt');
    const result = runCli(['-f', 'ndjson', '--encoding', 'utf-8', bad, good]);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.includes(bad))).toEqual([`declutter: ${bad}: not valid UTF-8 (forced by --encoding)`]);
    expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).input.path)).toEqual([good]);
  });

  it('rejects a label that is no encoding as a usage error', () => {
    const result = runCli(['--encoding', 'klingon', corpus('editorji-utf8.txt')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toMatch(/^declutter: option '--encoding <label>' argument 'klingon' is invalid/);
  });
});
