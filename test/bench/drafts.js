// `npm run build && node test/bench/drafts.js [DIR] [--input txt|html] [--limit N] [--type TYPE]`
//
// How init-cleaner's drafts do on real pages of many sites: for each page of
// a corpus laid out like WCXB, the Web Content eXtraction Benchmark v1.0
// (Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0), the draft of
// the page is written, loaded as `--cleaners` loads a file, and the page
// cleaned with it. The default DIR is ../shared/corpora/wcxb-dev (relative
// to the repository); --type keeps one page type (default: article).
// Prints how many drafts loaded, recognized their page and gave the title
// they name; how often that title is the one people reviewed (pages.json);
// where the fingerprints came from; and the milliseconds per draft.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { draftCleaner, loadCleanerFile, registryWithFiles, clean, parseHtml } = await import(join(root, 'dist', 'lib', 'index.js'));
const { readInput } = await import(join(root, 'dist', 'lib', 'input', 'index.js'));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { input: { type: 'string', default: 'txt' }, limit: { type: 'string' }, type: { type: 'string', default: 'article' } },
});
const dir = resolve(positionals[0] ?? join(root, '..', 'shared', 'corpora', 'wcxb-dev'));
const pages = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8'));
let ids = Object.keys(pages).filter((id) => values.type === 'all' || pages[id].page_type === values.type).sort();
if (values.limit !== undefined) ids = ids.slice(0, Number(values.limit));

const normal = (text) => text.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
const counts = { pages: 0, failed: 0, loaded: 0, recognized: 0, titleAsNamed: 0, withGoldTitle: 0, goldTitle: 0, footer: 0, fallbackPrints: 0 };
const kinds = {};
const failures = [];
let ms = 0;
for (const id of ids) {
  counts.pages++;
  try {
    const bytes = values.input === 'html' ? gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))) : readFileSync(join(dir, 'txt', `${id}.txt`));
    const page = readInput(bytes, { htmlReader: { parseHtml } });
    const started = performance.now();
    const draft = draftCleaner(page.lines, { id: 'sample', site: page.metadata?.siteName, sample: `${id}.${values.input}` });
    const file = loadCleanerFile('sample.yaml', draft);
    ms += performance.now() - started;
    counts.loaded++;
    const named = /\(headline: line (\d+)\):/.exec(draft)[1];
    const article = clean(bytes, { cleaners: registryWithFiles([file]) });
    if (article.source === 'sample') counts.recognized++;
    const titleLine = page.lines.find((line) => line.n === Number(named));
    if (article.title === titleLine.text) counts.titleAsNamed++;
    if (/^ {4}- \{ name: footer,/m.test(draft)) counts.footer++;
    for (const [, kind] of draft.matchAll(/^ {2}- \{ name: '(\w+)/gm)) kinds[kind] = (kinds[kind] ?? 0) + 1;
    if (/^ {2}- \{ name: 'line \d+'/m.test(draft)) counts.fallbackPrints++;
    const gold = pages[id].title;
    if (gold) {
      counts.withGoldTitle++;
      if (article.title !== null && normal(article.title) === normal(gold)) counts.goldTitle++;
    }
  } catch (error) {
    counts.failed++;
    if (failures.length < 5) failures.push(`${id}: ${error.message}`);
  }
}
const pct = (n, of) => `${n}/${of} (${of === 0 ? 0 : ((100 * n) / of).toFixed(1)}%)`;
console.log(`${dir.endsWith('wcxb-dev') ? 'WCXB dev split' : dir}, ${values.type} pages, ${values.input}: ${counts.pages}`);
console.log(`drafts that load:                 ${pct(counts.loaded, counts.pages)}`);
console.log(`recognize their page:             ${pct(counts.recognized, counts.loaded)}`);
console.log(`give the title they name:         ${pct(counts.titleAsNamed, counts.loaded)}`);
console.log(`title = the reviewed title:       ${pct(counts.goldTitle, counts.withGoldTitle)}`);
console.log(`with a footer zone:               ${pct(counts.footer, counts.loaded)}`);
console.log(`no furniture line (fallback):     ${pct(counts.fallbackPrints, counts.loaded)}`);
console.log(`fingerprints by kind:             ${Object.entries(kinds).sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
console.log(`ms per draft (build and load):    ${(ms / Math.max(1, counts.loaded)).toFixed(1)}`);
for (const failure of failures) console.log(`failed: ${failure}`);
