import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverInputs, isPlainPath, staticPrefix } from '../../../src/batch/pages.js';

/** Makes files (empty unless given) under a fresh folder; returns the folder. */
function tree(files: Record<string, string> | string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'declutter-discover-'));
  const entries: [string, string][] = Array.isArray(files) ? files.map((file) => [file, 'page']) : Object.entries(files);
  for (const [file, text] of entries) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const relativeTo = (root: string, paths: string[]) => paths.map((path) => path.slice(root.length + 1));

describe('discoverInputs', () => {
  it('searches a directory recursively for *.txt, in sorted order, skipping hidden entries, node_modules and expectations', async () => {
    const root = tree([
      'b.txt',
      'a.txt',
      'notes.md',
      'a.expected.json',
      'page.expected.txt',
      '.hidden.txt',
      '.cache/x.txt',
      'node_modules/pkg/readme.txt',
      '2025/02/z.txt',
      '2025/01/y.txt',
    ]);
    const found = await discoverInputs([root]);
    expect(relativeTo(root, found.inputs)).toEqual(['2025/01/y.txt', '2025/02/z.txt', 'a.txt', 'b.txt']);
    expect(found.roots).toEqual([root]);
    expect(found.problems).toEqual([]);
    expect(found.expanded).toBe(true);
  });

  it('keeps files named on the command line in their order, a file named twice once, whatever the order', async () => {
    const root = tree(['a.txt', 'b.txt']);
    const found = await discoverInputs([join(root, 'b.txt'), join(root, 'a.txt'), join(root, 'b.txt')]);
    expect(relativeTo(root, found.inputs)).toEqual(['b.txt', 'a.txt']);
    const foundFirst = await discoverInputs([root, join(root, 'a.txt')]);
    expect(relativeTo(root, foundFirst.inputs)).toEqual(['a.txt', 'b.txt']);
    expect(found.expanded).toBe(false);
  });

  it('takes a file once when a directory or pattern finds it again', async () => {
    const root = tree(['a.txt', 'b.txt']);
    const found = await discoverInputs([join(root, 'b.txt'), root, `${root}/*.txt`]);
    expect(relativeTo(root, found.inputs)).toEqual(['b.txt', 'a.txt']);
  });

  it('takes a file once under any name that leads to it, by real path, whatever the order of the arguments', async () => {
    const root = tree(['pages/a.txt', 'pages/b.txt']);
    symlinkSync('a.txt', join(root, 'pages', 'link-to-a.txt'));
    symlinkSync('pages', join(root, 'alias'));
    const names = [join(root, 'alias', 'a.txt'), join(root, 'pages'), join(root, 'pages', '..', 'pages', 'b.txt'), `${root}/alias/*.txt`];
    const orders = [names, [...names].reverse(), [names[1]!, names[3]!, names[0]!, names[2]!]];
    for (const order of orders) {
      const found = await discoverInputs(order);
      // a.txt and b.txt, each once: the name kept is the first one met.
      expect(found.inputs).toHaveLength(2);
      expect(new Set(found.inputs.map((path) => path.replace(/^.*[/\\]/, '').replace('link-to-', '')))).toEqual(new Set(['a.txt', 'b.txt']));
    }
    expect(relativeTo(root, (await discoverInputs(orders[0]!)).inputs)).toEqual(['alias/a.txt', 'pages/b.txt']);
    expect(relativeTo(root, (await discoverInputs(orders[1]!)).inputs)).toEqual(['alias/a.txt', 'alias/b.txt']);
    expect(relativeTo(root, (await discoverInputs(orders[2]!)).inputs)).toEqual(['pages/a.txt', 'pages/b.txt']);
  });

  it('takes a file once when one directory finds it also through a link to it', async () => {
    const root = tree(['b.txt', 'c.txt']);
    symlinkSync('c.txt', join(root, 'a-link.txt'));
    symlinkSync('missing.txt', join(root, 'broken.txt'));
    const found = await discoverInputs([root]);
    // The link sorts first, so it is the name kept; a broken link stays, to be reported when read.
    expect(relativeTo(root, found.inputs)).toEqual(['a-link.txt', 'b.txt', 'broken.txt']);
  });

  it('takes listed files after the arguments, each once with them', async () => {
    const root = tree(['a.txt', 'b.txt', 'c.txt']);
    const found = await discoverInputs([join(root, 'b.txt')], { listed: [join(root, 'c.txt'), `${root}/./b.txt`, join(root, 'c.txt'), join(root, 'a.txt')] });
    expect(relativeTo(root, found.inputs)).toEqual(['b.txt', 'c.txt', 'a.txt']);
  });

  it('expands glob patterns and leaves out what --ignore matches', async () => {
    const root = tree(['keep/a.txt', 'keep/b.txt', 'drafts/c.txt', 'keep/drafts/d.txt']);
    const found = await discoverInputs([`${root}/**/*.txt`], { ignore: ['**/drafts/**'] });
    expect(relativeTo(root, found.inputs)).toEqual(['keep/a.txt', 'keep/b.txt']);
    expect(found.roots).toEqual([root]);
  });

  it('names a pattern that matches nothing and a directory without pages, and still returns the rest', async () => {
    const root = tree(['a.txt', 'empty/readme.md']);
    const found = await discoverInputs([`${root}/*.nope`, join(root, 'empty'), join(root, 'a.txt')]);
    expect(relativeTo(root, found.inputs)).toEqual(['a.txt']);
    expect(found.problems).toEqual([
      { input: `${root}/*.nope`, message: 'no files match this pattern' },
      { input: join(root, 'empty'), message: 'no pages (*.txt, *.html, *.htm) in this directory' },
    ]);
  });

  it('follows links to files, does not follow links to folders, and so ends on a link loop', async () => {
    const root = tree(['d/a.txt', 'd/sub/b.txt', 'elsewhere.txt']);
    symlinkSync('..', join(root, 'd', 'sub', 'loop'));
    symlinkSync(join(root, 'elsewhere.txt'), join(root, 'd', 'alias.txt'));
    const found = await discoverInputs([join(root, 'd')]);
    expect(relativeTo(root, found.inputs)).toEqual(['d/a.txt', 'd/alias.txt', 'd/sub/b.txt']);
  });

  it('never reads back the out dir, even inside an input directory', async () => {
    const root = tree(['a.txt', 'out/a.txt', 'out/deeper/b.txt']);
    const found = await discoverInputs([root], { exclude: join(root, 'out') });
    expect(relativeTo(root, found.inputs)).toEqual(['a.txt']);
  });

  it('finds pages in a hidden folder given by name', async () => {
    const root = tree(['.corpus/x/a.txt']);
    const found = await discoverInputs([join(root, '.corpus')]);
    expect(relativeTo(root, found.inputs)).toEqual(['.corpus/x/a.txt']);
  });

  it('leaves a missing plain name for reading to report, but a missing pattern is a problem', async () => {
    const found = await discoverInputs(['no-such-page.txt', 'no-such-dir/*.txt']);
    expect(found.inputs).toEqual(['no-such-page.txt']);
    expect(found.problems.map((problem) => problem.input)).toEqual(['no-such-dir/*.txt']);
  });
});

describe('isPlainPath', () => {
  it('is true for stdin, an existing file (even with glob characters) and a missing plain name', () => {
    const root = tree(['odd[1].txt']);
    expect(isPlainPath('-')).toBe(true);
    expect(isPlainPath(join(root, 'odd[1].txt'))).toBe(true);
    expect(isPlainPath('missing.txt')).toBe(true);
  });

  it('is false for directories and patterns', () => {
    const root = tree(['a.txt']);
    expect(isPlainPath(root)).toBe(false);
    expect(isPlainPath(`${root}/*.txt`)).toBe(false);
  });
});

describe('staticPrefix', () => {
  it('is the folders before the first wildcard', () => {
    expect(staticPrefix('scrapes/2025/**/*.txt')).toBe('scrapes/2025');
    expect(staticPrefix('*.txt')).toBe('.');
    expect(staticPrefix('/data/*/x.txt')).toBe('/data');
    expect(staticPrefix('a/{b,c}/d.txt')).toBe('a');
  });
});
