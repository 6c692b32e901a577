// `node test/bench/html.js [corpus-dir] [--pages N]` (after `npm run build`)
//
// Times HTML → lines (declutter's HTML reader: parse, render, metadata) on
// every page of a corpus of gzipped HTML pages, by default the WCXB
// development split (CC-BY-4.0) at ../shared/corpora/wcxb-dev, side by side
// in the same run with @mozilla/readability on linkedom doing its own parse.
// Readability runs in a worker that is replaced when one page takes longer
// than 20 s, so that one pathological page cannot stall the run. Prints ms
// per page (median, p95, max), pages that threw or timed out, peak RSS, and
// the reader's module load time against bare `node -e 0`; htmlparser2's
// tokenizer alone is shown as the floor that the reader is built on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { pages: { type: 'string' } } });
const corpusName = positionals[0] ?? join('..', 'shared', 'corpora', 'wcxb-dev');
const corpus = resolve(root, corpusName);
const htmlDir = existsSync(join(corpus, 'html')) ? join(corpus, 'html') : corpus;
const reader = join(root, 'dist', 'lib', 'input', 'html', 'index.js');
if (!existsSync(reader)) {
  console.error('declutter: bench: build first (npm run build)');
  process.exit(2);
}
if (!existsSync(htmlDir)) {
  console.error(`declutter: bench: ${htmlDir}: no such corpus`);
  process.exit(2);
}
let files = readdirSync(htmlDir).filter((f) => /\.html?(\.gz)?$/.test(f)).sort();
if (values.pages) files = files.slice(0, Number(values.pages));
const pages = files.map((f) => {
  const bytes = readFileSync(join(htmlDir, f));
  return (f.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
});

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
};

// declutter's reader, in this thread.
const { parseHtml } = await import(pathToFileURL(reader).href);
for (const page of pages.slice(0, 20)) parseHtml(page);
const ours = [];
let oursFailed = 0;
let oursRss = 0;
for (const page of pages) {
  const start = performance.now();
  try {
    parseHtml(page);
  } catch {
    oursFailed++;
  }
  ours.push(performance.now() - start);
  oursRss = Math.max(oursRss, process.memoryUsage().rss);
}

// The floor: htmlparser2's tokenizer alone, with callbacks that do nothing.
const { Tokenizer } = await import('htmlparser2');
const noop = () => {};
const floorCallbacks = Object.fromEntries(
  ['onattribdata', 'onattribentity', 'onattribend', 'onattribname', 'oncdata', 'onclosetag', 'oncomment', 'ondeclaration', 'onend',
    'onopentagend', 'onopentagname', 'onprocessinginstruction', 'onselfclosingtag', 'ontext', 'ontextentity'].map((k) => [k, noop]),
);
const floor = [];
for (const page of pages) {
  const start = performance.now();
  const tokenizer = new Tokenizer({ decodeEntities: true }, floorCallbacks);
  tokenizer.write(page);
  tokenizer.end();
  floor.push(performance.now() - start);
}

// Readability on linkedom, in a worker that reports each page's time.
const workerCode = `
const { parentPort } = require('node:worker_threads');
const { parseHTML } = require('linkedom');
const { Readability } = require('@mozilla/readability');
parentPort.on('message', (html) => {
  const start = performance.now();
  let ok = true;
  try { const { document } = parseHTML(html); new Readability(document).parse(); } catch { ok = false; }
  parentPort.postMessage({ ms: performance.now() - start, ok, rss: process.memoryUsage().rss });
});`;
const theirs = [];
let theirsFailed = 0;
let theirsTimedOut = 0;
let theirsRss = 0;
{
  let worker = null;
  const fresh = () => new Worker(workerCode, { eval: true, env: process.env, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  const run = (html) =>
    new Promise((done) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        void worker.terminate();
        worker = null;
        done(null);
      }, 20_000);
      worker.once('message', (m) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        done(m);
      });
      worker.once('error', () => {
        clearTimeout(timer);
        worker.removeAllListeners('message');
        worker = null;
        done({ ms: NaN, ok: false, rss: 0 });
      });
      worker.postMessage(html);
    });
  for (let i = 0; i < pages.length; i++) {
    worker ??= fresh();
    const m = await run(pages[i]);
    if (m === null) {
      theirsTimedOut++;
      continue;
    }
    if (!m.ok) theirsFailed++;
    else theirs.push(m.ms);
    theirsRss = Math.max(theirsRss, m.rss);
  }
  if (worker) await worker.terminate();
}

// Module load time: importing the reader against a bare start, best of 10 each.
const best = (args) => {
  let min = Infinity;
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    min = Math.min(min, performance.now() - start);
  }
  return min;
};
const bare = best(['-e', '0']);
const loaded = best(['-e', `import(${JSON.stringify(pathToFileURL(reader).href)})`]);

const a = stats(ours);
const b = stats(theirs);
const c = stats(floor);
const f = (x) => (Number.isFinite(x) ? x.toFixed(2) : '-').padStart(8);
console.log(`HTML → lines on ${pages.length} pages of ${corpusName} (WCXB, CC-BY-4.0 when the default corpus)`);
console.log('');
console.log('| reader                          | median ms | p95 ms   | max ms   | threw | timed out | peak RSS MB |');
console.log('|---------------------------------|-----------|----------|----------|-------|-----------|-------------|');
console.log(`| declutter parseHtml             | ${f(a.median)}  | ${f(a.p95)} | ${f(a.max)} | ${String(oursFailed).padStart(5)} | ${'0'.padStart(9)} | ${String(Math.round(oursRss / 1e6)).padStart(11)} |`);
console.log(`| floor: htmlparser2 tokenizer    | ${f(c.median)}  | ${f(c.p95)} | ${f(c.max)} | ${'0'.padStart(5)} | ${'0'.padStart(9)} | ${'-'.padStart(11)} |`);
console.log(`| @mozilla/readability + linkedom | ${f(b.median)}  | ${f(b.p95)} | ${f(b.max)} | ${String(theirsFailed).padStart(5)} | ${String(theirsTimedOut).padStart(9)} | ${String(Math.round(theirsRss / 1e6)).padStart(11)} |`);
console.log('');
console.log(`median ratio: ${(b.median / a.median).toFixed(1)}x; target ≤ 5 ms median: ${a.median <= 5 ? 'met' : 'NOT met'}`);
console.log(`module load: node -e 0 ${bare.toFixed(1)} ms, importing the HTML reader ${loaded.toFixed(1)} ms (+${(loaded - bare).toFixed(1)} ms)`);
