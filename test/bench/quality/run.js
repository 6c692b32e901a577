// `npm run bench:quality [-- DIR] [-- --limit N] [-- --ids FILE] [-- --holdout | --train]
//     [-- --only NAME,NAME] [-- --min-words N,N] [-- --source NAME] [-- --json OUT] [-- --save DIR]`
//
// Quality of the main content on real pages: declutter, side by side with the
// extractors people use on HTML (@mozilla/readability on linkedom, defuddle)
// and two baselines on the text dumps (keep every line; keep the lines of at
// least N words), on a corpus laid out like WCXB, the Web Content eXtraction
// Benchmark v1.0 (Murrough-Foley/web-content-extraction-benchmark,
// CC-BY-4.0): html/<id>.html.gz, txt/<id>.txt, gold/<id>.txt, pages.json.
// The default DIR is ../shared/corpora/wcxb-dev (relative to the repository).
// Prints shingle F1 (P, R) and word F1 overall and per page type, the
// metadata scores, milliseconds per page, and declutter's targets.
//
// --limit N      the first N ids (after --ids / --holdout / --train)
// --ids FILE     only the ids listed in FILE (one a line, or whitespace-separated)
// --holdout      only the held-out domains (split.js); --train: only the others
// --only A,B     only these systems (names as printed; `declutter` is both inputs,
//                `declutter/txt` one of them)
// --min-words    the N of the keep-long-lines baselines (default 10)
// --source NAME  passed to declutter as its source option
// --json OUT     writes every figure as JSON
// --answers DIR  scores saved answers (repeatable), instead of running the systems
//                or, with --only, after the systems it names:
//                DIR/<id>.txt (a missing file is an empty answer) and, when present,
//                DIR.meta.jsonl, whose times and errors (as --save writes them) it
//                reports; a DIR named <system>-<input>, as --save names them, keeps
//                its system and input (and declutter its targets)
// --save DIR     writes each system's answers: DIR/<system>-<input>/<id>.txt and
//                DIR/<system>-<input>.meta.jsonl (`lines>=N` as `lines-ge-N`), the format of the corpus's reference scorer
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { aggregate, metaScores, scorePage } from './score.js';
import { holdoutIds, trainIds } from './split.js';
import { systems as allSystems } from './systems.js';
import { TARGETS, checkTargets } from './targets.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CREDIT =
  'WCXB, the Web Content eXtraction Benchmark (Murrough-Foley/web-content-extraction-benchmark), CC-BY-4.0';

function fail(message) {
  process.stderr.write(`bench:quality: ${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      ids: { type: 'string' },
      holdout: { type: 'boolean', default: false },
      train: { type: 'boolean', default: false },
      only: { type: 'string' },
      'min-words': { type: 'string', default: '10' },
      source: { type: 'string' },
      json: { type: 'string' },
      save: { type: 'string' },
      answers: { type: 'string', multiple: true },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values, positionals } = parsed;
if (positionals.length > 1) fail('one corpus directory at most');
if (values.holdout && values.train) fail('--holdout and --train exclude each other');
const shown = positionals[0] ?? join('..', 'shared', 'corpora', 'wcxb-dev');
const dir = resolve(root, shown);

let pages;
try {
  pages = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8'));
} catch (error) {
  fail(`${join(dir, 'pages.json')}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
}

let ids = Object.keys(pages).sort();
if (values.ids) {
  const wanted = new Set(readFileSync(values.ids, 'utf8').split(/\s+/u).filter(Boolean));
  const unknown = [...wanted].filter((id) => !(id in pages));
  if (unknown.length) fail(`${values.ids}: unknown ids ${unknown.slice(0, 5).join(', ')}`);
  ids = ids.filter((id) => wanted.has(id));
}
if (values.holdout) {
  const held = new Set(holdoutIds(pages));
  ids = ids.filter((id) => held.has(id));
}
if (values.train) {
  const rest = new Set(trainIds(pages));
  ids = ids.filter((id) => rest.has(id));
}
if (values.limit !== undefined) {
  const n = Number(values.limit);
  if (!Number.isInteger(n) || n < 1) fail(`--limit: not a positive integer: ${values.limit}`);
  ids = ids.slice(0, n);
}
if (ids.length === 0) fail('no pages to score');

const minWords = values['min-words'].split(',').map(Number);
if (minWords.some((n) => !Number.isInteger(n) || n < 1)) fail(`--min-words: not positive integers: ${values['min-words']}`);
let systems = allSystems({ minWords, declutterOptions: values.source ? { source: values.source } : {} });
let savedSystems = [];
if (values.answers) {
  savedSystems = values.answers.map((answers) => {
    const metaFile = `${answers.replace(/[\\/]+$/u, '')}.meta.jsonl`;
    const metas = new Map();
    if (existsSync(metaFile)) {
      for (const line of readFileSync(metaFile, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const m = JSON.parse(line);
        metas.set(String(m.id), m);
      }
    }
    const str = (v) => (typeof v === 'string' ? v : '');
    // Named as --save names them (<system>-<input>), they keep their system and input.
    const named = /^(.+)-(html|txt)$/u.exec(basename(answers.replace(/[\\/]+$/u, '')));
    const name = named ? named[1].replace(/-ge-(\d+)$/u, '>=$1') : basename(answers);
    return {
      name,
      input: named ? named[2] : 'saved',
      saved: true,
      target: name === 'declutter',
      run: (page) => {
        const file = join(answers, `${page.id}.txt`);
        const m = metas.get(page.id) ?? {};
        const answer = {
          text: existsSync(file) ? readFileSync(file, 'utf8') : '',
          title: str(m.title),
          author: str(m.author),
          published: str(m.published),
          error: existsSync(file) ? (typeof m.error === 'string' ? m.error : null) : 'missing',
        };
        if (typeof m.ms === 'number') answer.ms = m.ms;
        if (typeof m.cpuMs === 'number') answer.cpuMs = m.cpuMs;
        return answer;
      },
    };
  });
}
if (values.only) {
  const only = values.only.split(',').map((s) => s.trim());
  const known = new Set(systems.flatMap((s) => [s.name, `${s.name}/${s.input}`]));
  const unknown = only.filter((s) => !known.has(s));
  if (unknown.length) fail(`--only: unknown systems ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  systems = systems.filter((s) => only.includes(s.name) || only.includes(`${s.name}/${s.input}`));
} else if (savedSystems.length) {
  systems = [];
}
// Saved answers come after the systems run live (with --answers, only those --only names).
systems = [...systems, ...savedSystems];

const gold = new Map(ids.map((id) => [id, readFileSync(join(dir, 'gold', `${id}.txt`), 'utf8')]));
const goldPages = Object.fromEntries(ids.map((id) => [id, pages[id]]));

/** One page's input, read outside the timed call. */
function load(id, input) {
  const page = { id, url: pages[id].url };
  if (input === 'html') {
    page.htmlBytes = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    page.html = new TextDecoder().decode(page.htmlBytes);
  } else {
    page.txtBytes = readFileSync(join(dir, 'txt', `${id}.txt`));
    page.txt = new TextDecoder().decode(page.txtBytes);
  }
  return page;
}

function quantile(sorted, q) {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const log = (line) => process.stderr.write(`${line}\n`);
log(`bench:quality: ${ids.length} pages of ${shown} (${CREDIT})`);

// The peers log what they find wrong with a page (defuddle: broken JSON-LD)
// on the console; that is no part of the table.
const quiet = () => {};
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'];
const saved = Object.fromEntries(consoleMethods.map((m) => [m, console[m]]));
const silence = (on) => {
  for (const m of consoleMethods) console[m] = on ? quiet : saved[m];
};

const results = [];
for (const system of systems) {
  const label = `${system.name}/${system.input}`;
  const scored = [];
  const meta = new Map();
  const times = [];
  const cpu = [];
  const errors = {};
  const saveDir = values.save ? join(values.save, `${system.name.replace('>=', '-ge-')}-${system.input}`) : null;
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    writeFileSync(`${saveDir}.meta.jsonl`, '');
  }
  const started = performance.now();
  for (const [i, id] of ids.entries()) {
    const page = system.saved ? { id, url: pages[id].url } : load(id, system.input);
    let answer;
    silence(true);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    try {
      answer = await system.run(page);
    } catch (error) {
      answer = { text: '', title: '', author: '', published: '', error: error?.code ?? error?.name ?? 'exception' };
    }
    const c1 = process.cpuUsage(c0);
    // Saved answers bring the times measured when they were made.
    const ms = typeof answer.ms === 'number' ? answer.ms : performance.now() - t0;
    const cpuMs = typeof answer.cpuMs === 'number' ? answer.cpuMs : (c1.user + c1.system) / 1000;
    times.push(ms);
    cpu.push(cpuMs);
    silence(false);
    if (answer.error) errors[answer.error] = (errors[answer.error] ?? 0) + 1;
    scored.push({ id, type: pages[id].page_type, ...scorePage(gold.get(id), answer.text) });
    meta.set(id, { title: answer.title, author: answer.author, published: answer.published });
    if (saveDir) {
      writeFileSync(join(saveDir, `${id}.txt`), answer.text);
      const line = { id, title: answer.title, author: answer.author, published: answer.published, ms, cpuMs };
      if (answer.error) line.error = answer.error;
      appendFileSync(`${saveDir}.meta.jsonl`, `${JSON.stringify(line)}\n`);
    }
    if (process.stderr.isTTY && (i + 1) % 50 === 0) process.stderr.write(`\r${label}: ${i + 1}/${ids.length}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const hasMeta = [...meta.values()].some((m) => m.title || m.author || m.published);
  const result = {
    system: system.name,
    input: system.input,
    target: Boolean(system.target),
    ...aggregate(scored),
    metadata: metaScores(goldPages, meta),
    hasMetadata: hasMeta,
    ms: { median: quantile(times, 0.5), p95: quantile(times, 0.95), cpuMedian: quantile(cpu, 0.5), total: performance.now() - started },
    errors,
  };
  results.push(result);
  log(`${label}: done in ${(result.ms.total / 1000).toFixed(1)} s`);
}

// ---- the table ----
const f3 = (x) => x.toFixed(3);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const types = [...new Set(results.flatMap((r) => Object.keys(r.byType)))].sort(
  (a, b) => (results[0].byType[b]?.pages ?? 0) - (results[0].byType[a]?.pages ?? 0) || a.localeCompare(b),
);
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
const errorText = (errors) =>
  Object.entries(errors)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${n} ${code}`)
    .join(', ') || '-';

const out = [];
out.push(`Quality on ${ids.length} pages of ${shown}`);
out.push(`Pages and gold: ${CREDIT}.`);
out.push('');
out.push(
  table(
    ['system', 'input', 'shingle F1', '(P', 'R)', 'word F1', 'ms median', 'p95', 'cpu ms median', 'refused / failed'],
    results.map((r) => [r.system, r.input, f3(r.f1), f3(r.precision), f3(r.recall), f3(r.wordF1), r.ms.median.toFixed(2), r.ms.p95.toFixed(2), r.ms.cpuMedian.toFixed(2), errorText(r.errors)]),
  ),
);
out.push('');
out.push('Per page type: word F1 / shingle F1 (pages)');
out.push(
  table(
    ['system', 'input', ...types.map((t) => `${t} (${results[0].byType[t]?.pages ?? 0})`)],
    results.map((r) => [r.system, r.input, ...types.map((t) => (r.byType[t] ? `${f3(r.byType[t].wordF1)} / ${f3(r.byType[t].f1)}` : '-'))]),
  ),
);
out.push('');
out.push('Metadata: title exact (token F1), author hit (false), date hit (false)');
out.push(
  table(
    ['system', 'input', 'title', '(token F1)', 'author', '(false)', 'date', '(false)'],
    results.map((r) => {
      const m = r.metadata;
      if (!r.hasMetadata && !r.target) return [r.system, r.input, '-', '', '-', '', '-', ''];
      return [r.system, r.input, f3(m.titleExact), `(${f3(m.titleTokenF1)})`, f3(m.authorHit), `(${pct(m.authorFalse)})`, f3(m.dateHit), `(${pct(m.dateFalse)})`];
    }),
  ),
);
const targeted = results.filter((r) => r.target);
const checks = targeted.flatMap((r) => checkTargets(r));
if (checks.length) {
  out.push('');
  out.push('Targets (declutter):');
  const rows = checks.map((c) => [c.input, c.what, c.measured, c.want, c.ok ? 'ok' : 'MISSED']);
  out.push(table(['input', 'target', 'measured', 'wanted', ''], rows));
  const missed = checks.filter((c) => !c.ok).length;
  out.push(`${checks.length - missed} of ${checks.length} targets met${ids.length < Object.keys(pages).length ? ` (on ${ids.length} of ${Object.keys(pages).length} pages)` : ''}.`);
}
process.stdout.write(`${out.join('\n')}\n`);

if (values.json) {
  const selection = { ids: values.ids ?? null, holdout: values.holdout, train: values.train, limit: values.limit ? Number(values.limit) : null };
  const json = { corpus: shown, credit: CREDIT, pages: ids.length, selection, results, targets: checks, targetDefinitions: TARGETS };
  writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
}
