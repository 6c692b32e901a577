// The quality benchmark's runner on a two-page corpus of its own.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate, scorePage } from '../../bench/quality/score.js';

const runner = join(import.meta.dirname, '..', '..', 'bench', 'quality', 'run.js');
const dir = mkdtempSync(join(tmpdir(), 'quality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = {
  '0001': { url: 'https://www.example.com/a', page_type: 'article', title: 'A Title', author: 'Jane Doe', publish_date: '2025-01-02' },
  '0002': { url: 'https://shop.example.org/b', page_type: 'product', title: 'B', author: '', publish_date: '' },
};
const txt = {
  '0001': 'Home News\nThe first paragraph of the story has words.\nShare this\n',
  '0002': 'Cart\nA good product that you will like a lot.\n',
};
const gold = {
  '0001': 'The first paragraph of the story has words.',
  '0002': 'A good product that you will like a lot.\n\nIt is blue.',
};
for (const sub of ['txt', 'gold', 'html']) mkdirSync(join(dir, sub));
writeFileSync(join(dir, 'pages.json'), JSON.stringify(pages));
for (const id of Object.keys(pages) as Array<keyof typeof pages>) {
  writeFileSync(join(dir, 'txt', `${id}.txt`), txt[id]);
  writeFileSync(join(dir, 'gold', `${id}.txt`), gold[id]);
  writeFileSync(join(dir, 'html', `${id}.html.gz`), gzipSync(`<html><body><p>${gold[id]}</p></body></html>`));
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [runner, dir, ...args], { encoding: 'utf8' });
}

describe('bench:quality', () => {
  it('scores the chosen systems with the scorer and prints the table with WCXB’s credit', () => {
    const out = join(dir, 'out.json');
    const save = join(dir, 'answers');
    const res = run('--only', 'every-line,lines>=5', '--min-words', '5', '--json', out, '--save', save);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Quality on 2 pages of');
    expect(res.stdout).toContain('WCXB, the Web Content eXtraction Benchmark');
    expect(res.stdout).toContain('CC-BY-4.0');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.results.map((r: { system: string }) => r.system)).toEqual(['every-line', 'lines>=5']);
    const expected = (keep: (line: string) => boolean) =>
      aggregate(
        (['0001', '0002'] as const).map((id) => ({
          type: pages[id].page_type,
          ...scorePage(gold[id], txt[id].split('\n').filter(keep).join('\n')),
        })),
      );
    const every = expected(() => true);
    const long = expected((line) => line.split(' ').length >= 5);
    expect(json.results[0]).toMatchObject({ f1: every.f1, precision: every.precision, recall: every.recall, wordF1: every.wordF1 });
    expect(json.results[1]).toMatchObject({ f1: long.f1, wordF1: long.wordF1 });
    expect(json.results[1].byType.product.wordF1).toBeCloseTo((2 * 9) / (12 + 9), 12);
    expect(json.targets).toEqual([]);
    expect(readFileSync(join(save, 'lines-ge-5-txt', '0002.txt'), 'utf8')).toBe('A good product that you will like a lot.');
    const metaLines = readFileSync(join(save, 'every-line-txt.meta.jsonl'), 'utf8').trim().split('\n');
    expect(metaLines.map((l) => Object.keys(JSON.parse(l)))).toEqual([
      ['id', 'title', 'author', 'published', 'ms', 'cpuMs'],
      ['id', 'title', 'author', 'published', 'ms', 'cpuMs'],
    ]);
  });

  it('scores saved answers as it scored them when it ran the system', () => {
    const first = join(dir, 'first.json');
    const again = join(dir, 'again.json');
    const save = join(dir, 'saved');
    expect(run('--only', 'lines>=5', '--min-words', '5', '--json', first, '--save', save).status).toBe(0);
    writeFileSync(
      join(save, 'lines-ge-5-txt.meta.jsonl'),
      `${JSON.stringify({ id: '0001', title: 'a title', author: 'By Jane Doe', ms: 40, cpuMs: 30 })}\n`,
    );
    rmSync(join(save, 'lines-ge-5-txt', '0002.txt'));
    const res = run('--answers', join(save, 'lines-ge-5-txt'), '--json', again);
    expect(res.status).toBe(0);
    const [was] = JSON.parse(readFileSync(first, 'utf8')).results;
    const [now] = JSON.parse(readFileSync(again, 'utf8')).results;
    expect(now).toMatchObject({ system: 'lines>=5', input: 'txt', errors: { missing: 1 } });
    expect(now.byType.article).toEqual(was.byType.article);
    const other = join(dir, 'other answers');
    mkdirSync(other);
    writeFileSync(join(other, '0001.txt'), gold['0001']);
    const plain = run('--only', 'every-line', '--answers', other, '--json', again);
    expect(plain.status).toBe(0);
    const both = JSON.parse(readFileSync(again, 'utf8')).results;
    expect(both.map((r: { system: string }) => r.system)).toEqual(['every-line', 'other answers']);
    expect(both[1]).toMatchObject({
      system: 'other answers',
      input: 'saved',
      target: false,
      byType: { article: { f1: 1, wordF1: 1 } },
    });
    expect(now.byType.product.wordF1).toBe(0);
    expect(now.metadata).toMatchObject({ titleExact: 0.5, authorHit: 1, authorFalse: 0 });
    // The saved time of page 0001 and the measured one of 0002 (a missing file, read in far less).
    expect(now.ms.p95).toBe(40);
  });

  it('checks declutter’s targets when it runs', () => {
    const out = join(dir, 'targets.json');
    const res = run('--only', 'declutter/txt', '--json', out);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Targets (declutter):');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.targets.map((t: { what: string }) => t.what)).toContain('shingle F1, articles');
    expect(json.targets.every((t: { input: string }) => t.input === 'txt')).toBe(true);
  });

  it('refuses unknown systems and an empty selection in one line', () => {
    const unknown = run('--only', 'nobody');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^bench:quality: --only: unknown systems nobody \(known: .*\)\n$/u);
    const none = run('--holdout', '--train');
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('bench:quality: --holdout and --train exclude each other\n');
  });
});
