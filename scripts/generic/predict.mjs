#!/usr/bin/env node
// Runs the generic cleaner over a corpus laid out like ../shared/corpora/wcxb-dev
// (WCXB, CC-BY-4.0) and writes what the reference scorer reads:
//   node scripts/generic/predict.mjs [--corpus DIR] [--input text|html] [--held|--train] [--out DIR]
// OUT/pred/<id>.txt (the body), OUT/meta.jsonl (title, author, published) and
// OUT/corpus/ (pages.json of the chosen pages, gold linked), so that
//   wcxb-score OUT/pred --corpus OUT/corpus --meta OUT/meta.jsonl
// scores just those pages. Prints the median milliseconds per page.
import { mkdirSync, writeFileSync, rmSync, symlinkSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CORPUS, loadPages, readTxt, readHtml, option } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const corpus = resolve(option('--corpus', DEFAULT_CORPUS));
const input = option('--input', 'text');
const out = resolve(option('--out', join(tmpdir(), `generic-pred-${input}`)));
const { cleanGeneric } = await import(join(root, 'dist', 'lib', 'cleaners', 'generic', 'index.js'));
let parseHtml = null;
if (input === 'html') {
  ({ parseHtml } = await import(join(root, 'dist', 'lib', 'input', 'html', 'index.js')));
}
let pages = loadPages(corpus);
if (args.includes('--held')) pages = pages.filter((p) => p.held);
if (args.includes('--train')) pages = pages.filter((p) => !p.held);
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'pred'), { recursive: true });
mkdirSync(join(out, 'corpus'), { recursive: true });
const all = JSON.parse(readFileSync(join(corpus, 'pages.json'), 'utf8'));
writeFileSync(join(out, 'corpus', 'pages.json'), JSON.stringify(Object.fromEntries(pages.map((p) => [p.id, all[p.id]]))));
symlinkSync(join(corpus, 'gold'), join(out, 'corpus', 'gold'));
const meta = [], ms = [], cpu = [];
for (const page of pages) {
  const raw = input === 'html' ? readHtml(corpus, page.id) : readTxt(corpus, page.id);
  const t = performance.now(), c = process.cpuUsage();
  let lines, metadata = null;
  if (input === 'html') ({ lines, metadata } = parseHtml(raw));
  else lines = raw.split('\n').map((text, i) => ({ n: i + 1, text }));
  const r = cleanGeneric(lines, metadata);
  const cu = process.cpuUsage(c);
  ms.push(performance.now() - t);
  cpu.push((cu.user + cu.system) / 1000);
  writeFileSync(join(out, 'pred', `${page.id}.txt`), r.body.join('\n\n') + '\n');
  meta.push(JSON.stringify({ id: page.id, title: r.title ?? '', author: r.byline ?? '', published: r.published ?? '' }));
}
writeFileSync(join(out, 'meta.jsonl'), meta.join('\n') + '\n');
ms.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(
  `${pages.length} pages, median ${ms[ms.length >> 1].toFixed(2)} ms (CPU ${cpu[cpu.length >> 1].toFixed(2)} ms), p90 ${ms[Math.floor(ms.length * 0.9)].toFixed(2)} ms per page`,
);
console.log(`score: wcxb-score ${join(out, 'pred')} --corpus ${join(out, 'corpus')} --meta ${join(out, 'meta.jsonl')}`);
