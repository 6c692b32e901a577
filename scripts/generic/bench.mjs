#!/usr/bin/env node
// CPU time of the generic cleaner per page on a corpus laid out like ../shared/corpora/wcxb-dev
// (WCXB, CC-BY-4.0), after one warm-up pass over the same pages:
//   node scripts/generic/bench.mjs [--corpus DIR] [--input text|html] [--pages N] [--rounds R] [--dist DIR]
// (--dist: another build's dist folder, to compare two builds under the same load)
// For HTML the time includes the reader (parseHtml). Prints median and p95 of the CPU
// milliseconds per page (each page's best of R rounds, so that a busy machine inflates less).
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CORPUS, loadPages, readTxt, readHtml, option } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(option('--corpus', DEFAULT_CORPUS));
const input = option('--input', 'text');
const count = Number(option('--pages', '200'));
const rounds = Number(option('--rounds', '3'));
const dist = resolve(option('--dist', join(root, 'dist')));
const { cleanGeneric } = await import(join(dist, 'lib', 'cleaners', 'generic', 'index.js'));
const { parseHtml } = input === 'html' ? await import(join(dist, 'lib', 'input', 'html', 'index.js')) : {};
// every k-th page of the held-out domains, so that the sample spreads over the page types
const held = loadPages(corpus).filter((p) => p.held);
const step = Math.max(1, Math.floor(held.length / count));
const pages = held.filter((_, i) => i % step === 0).slice(0, count);
const raws = pages.map((p) => (input === 'html' ? readHtml(corpus, p.id) : readTxt(corpus, p.id)));
const run = (raw) => {
  if (input === 'html') {
    const { lines, metadata } = parseHtml(raw);
    return cleanGeneric(lines, metadata);
  }
  return cleanGeneric(raw.split('\n').map((text, i) => ({ n: i + 1, text })));
};
for (const raw of raws) run(raw);
const best = raws.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  raws.forEach((raw, k) => {
    const c = process.cpuUsage();
    run(raw);
    const cu = process.cpuUsage(c);
    best[k] = Math.min(best[k], (cu.user + cu.system) / 1000);
  });
}
const sorted = [...best].sort((a, b) => a - b);
const q = (f) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * f))];
console.log(`${input}: ${pages.length} pages, CPU median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms per page`);
