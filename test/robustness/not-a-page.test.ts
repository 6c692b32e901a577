import { closeSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryReason } from '../../src/pipeline/decode/binary.js';
import { DeclutterError } from '../../src/pipeline/errors.js';
import { clean } from '../../src/index.js';
import { DEFAULT_MAX_BYTES, formatBytes, readInputFile } from '../../src/io/read.js';
import { runCli, tempDir } from '../cli/run.js';

const PAGE = readFileSync(join('test', 'robustness', 'corpus', 'editorji-utf8.txt'), 'utf8');

/** A file of `size` bytes that takes no disk space: reading it whole would still take all that memory and time. */
function sparseFile(dir: string, name: string, size: number): string {
  const path = join(dir, name);
  closeSync(openSync(path, 'w'));
  truncateSync(path, size);
  return path;
}

describe('binary content', () => {
  it('is a NUL anywhere, or more than a tenth control characters', () => {
    expect(binaryReason('fine text')).toBeNull();
    expect(binaryReason('')).toBeNull();
    expect(binaryReason('a\u0000b')).toEqual({ reason: 'binary file' });
    expect(binaryReason('x'.repeat(91) + '\u0001'.repeat(9))).toBeNull();
    expect(binaryReason('x'.repeat(89) + '\u0001'.repeat(11))).toEqual({ reason: 'binary file' });
    // Tabs, form feeds and line breaks are not counted: they are whitespace.
    expect(binaryReason('\t\f\v\r\n'.repeat(100))).toBeNull();
  });

  it('fails in clean() as a typed error, for bytes and for text', () => {
    expect(() => clean(Buffer.from(`${PAGE}\u0000`))).toThrow(new DeclutterError('binary', 'binary file'));
    expect(() => clean(`\u0007\u0008\u001b${'\u0002'.repeat(50)}`)).toThrow(new DeclutterError('binary', 'binary file'));
  });

  it('is judged after decoding, so UTF-16 with a BOM (half its bytes 0x00) is text', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE, 'utf16le')]);
    expect(utf16.filter((byte) => byte === 0).length).toBeGreaterThan(utf16.length / 3);
    expect(clean(utf16).source).toBe('editorji');
  });

  it('allows a few stray control characters in a page, and removes them', () => {
    const article = clean(PAGE.replace('Kremlin spokesperson', 'Kremlin\u0007 spokes\u0008person'));
    expect(article.body.join(' ')).toContain('Kremlin spokesperson');
  });
});

describe('empty input', () => {
  it('is zero bytes, a BOM, or only spaces of any kind, zero-width characters and line breaks', () => {
    for (const input of ['', '\ufeff', ' \n\t\r\n', '\u00a0\u200b\u3000\u2028\n\u00ad']) {
      expect(() => clean(input)).toThrow(new DeclutterError('empty', 'empty file'));
      expect(() => clean(Buffer.from(input))).toThrow(new DeclutterError('empty', 'empty file'));
    }
  });
});

describe('inputs over --max-bytes', () => {
  it('are refused from their size alone: a 1 TB sparse file fails at once, naming its size', () => {
    const dir = tempDir();
    // Reading 1 TB is impossible here (Buffer's limit is far lower), so only the size check can give this answer.
    let size = 2 ** 40;
    let path: string;
    try {
      path = sparseFile(dir, 'huge.txt', size);
    } catch {
      size = 2 ** 33; // A file system without terabyte files: 8 GB is still beyond what Node can read into one buffer.
      path = sparseFile(dir, 'huge.txt', size);
    }
    const message = `too large (${formatBytes(size)}; over the 20.0 MB limit)`;
    expect(() => readInputFile(path)).toThrow(new DeclutterError('too-large', message, { maxBytes: DEFAULT_MAX_BYTES, size }));
    const result = runCli([path]);
    expect(result).toEqual({ status: 1, stdout: '', stderr: `declutter: ${path}: too large (${formatBytes(size)}; over the 20.0 MB limit, see --max-bytes)\n` });
  });

  it('default to 20 MB: one byte over fails, the limit itself is read', () => {
    const dir = tempDir();
    const over = sparseFile(dir, 'over.txt', DEFAULT_MAX_BYTES + 1);
    expect(() => readInputFile(over)).toThrow(new DeclutterError('too-large', 'too large (20.0 MB; over the 20.0 MB limit)', { maxBytes: DEFAULT_MAX_BYTES, size: DEFAULT_MAX_BYTES + 1 }));
    expect(readInputFile(sparseFile(dir, 'at.txt', DEFAULT_MAX_BYTES))).toHaveLength(DEFAULT_MAX_BYTES);
  });

  it('follow --max-bytes, for files and standard input', () => {
    const dir = tempDir();
    const page = join(dir, 'page.txt');
    writeFileSync(page, PAGE);
    const size = Buffer.byteLength(PAGE);
    expect(runCli(['--max-bytes', String(size), page]).status).toBe(0);
    const file = runCli(['--max-bytes', String(size - 1), page]);
    expect(file).toEqual({ status: 1, stdout: '', stderr: `declutter: ${page}: too large (${formatBytes(size)}; over the ${formatBytes(size - 1)} limit, see --max-bytes)\n` });
    const stdin = runCli(['--max-bytes', '1000'], { input: PAGE });
    expect(stdin).toEqual({ status: 1, stdout: '', stderr: 'declutter: -: too large (over the 1000 B limit, see --max-bytes)\n' });
  });
});
