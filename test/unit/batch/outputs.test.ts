import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonBase, outputPathFor } from '../../../src/batch/outputs.js';
import { planOutputs } from '../../../src/batch/plan.js';

describe('commonBase', () => {
  it('is the deepest folder holding every input', () => {
    expect(commonBase(['scrapes/2025/01/a.txt', 'scrapes/2025/02/b.txt'])).toBe(resolve('scrapes/2025'));
    expect(commonBase(['scrapes/2025/01/a.txt'])).toBe(resolve('scrapes/2025/01'));
    expect(commonBase(['/a/x.txt', '/b/y.txt'])).toBe('/');
  });

  it('does not take a shared name prefix for a shared folder', () => {
    expect(commonBase(['/data/news/a.txt', '/data/newsroom/b.txt'])).toBe('/data');
  });
});

describe('outputPathFor', () => {
  it('mirrors the input below the base, with the format extension', () => {
    expect(outputPathFor('scrapes/2025/01/a.txt', resolve('scrapes'), 'out', '.json')).toBe(join('out', '2025', '01', 'a.json'));
    expect(outputPathFor('-', resolve('.'), 'out', '.md')).toBe(join('out', 'stdin.md'));
  });
});

describe('planOutputs', () => {
  it('mirrors from a directory argument, however few folders hold pages today', () => {
    const plan = planOutputs(['scrapes/2025/01/a.txt'], ['scrapes'], 'out', '.json');
    expect(plan.targetAt(0)).toBe(join('out', '2025', '01', 'a.json'));
    expect(plan.collisions).toEqual([]);
  });

  it('reports two inputs that would make one output, naming both', () => {
    const plan = planOutputs(['news/a.txt', 'news/a', 'news/b.txt'], [], 'out', '.json');
    expect(plan.collisions).toEqual([{ input: 'news/a', other: 'news/a.txt', output: join('out', 'a.json') }]);
  });

  it('keeps the extension of pages other than .txt, so a.txt and a.html beside it make two outputs', () => {
    const plan = planOutputs(['news/a.txt', 'news/a.html', 'news/a.htm'], [], 'out', '.json');
    expect([0, 1, 2].map(plan.targetAt)).toEqual([join('out', 'a.json'), join('out', 'a.html.json'), join('out', 'a.htm.json')]);
    expect(plan.collisions).toEqual([]);
  });

  it('does not count the same file named twice as a collision', () => {
    const plan = planOutputs(['news/a.txt', './news/a.txt'], [], 'out', '.json');
    expect(plan.collisions).toEqual([]);
  });

  it('knows which outputs would land on an input, also through a folder link', () => {
    const root = mkdtempSync(join(tmpdir(), 'declutter-plan-'));
    mkdirSync(join(root, 'pages'));
    writeFileSync(join(root, 'pages', 'a.txt'), 'page');
    symlinkSync(join(root, 'pages'), join(root, 'alias'));
    const plan = planOutputs([join(root, 'pages', 'a.txt'), join(root, 'pages', 'b.md')], [], join(root, 'alias'), '.txt');
    expect(plan.overwritesInput(0)).toBe(true);
    expect(plan.overwritesInput(1)).toBe(false);
    expect(plan.isInput(join(root, 'alias', 'a.txt'))).toBe(true);
    expect(plan.isInput(join(root, 'report.json'))).toBe(false);
  });
});
