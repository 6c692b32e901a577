// `npm run bench [-- --files N] [-- --runs R] [-- --keep] [-- --dir D]`
//
// Times declutter on a synthetic corpus (test/bench/corpus.js) side by side
// with a floor that only copies the files (test/bench/floor.js), -j 1
// against the default -j, and a single page against bare `node -e 0`; prints
// files/s, MB/s and peak memory, and the ratios against the targets. First
// of all it checks that every page was cleaned, by the right cleaner, into
// the right title. Corpora live in .bench/ (git-ignored) and are reused;
// `--dir` puts corpus and outputs on another file system (a memory one, such
// as /dev/shm, shows declutter's own costs without the disk's). Then, when
// the shared HTML corpus (WCXB, CC-BY-4.0) is present at `--html-corpus`
// (default ../shared/corpora/wcxb-dev), the HTML rows of test/bench/html.js:
// ms per page for HTML → lines, median and p95, beside Readability on linkedom.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCorpus } from './corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
    dir: { type: 'string' },
    'html-corpus': { type: 'string', default: join('..', 'shared', 'corpora', 'wcxb-dev') },
  },
});
const files = Number(values.files);
const startupRuns = Number(values.runs);
const jobs = availableParallelism();
const bin = join(root, 'bin', 'declutter.js');
const work = values.dir ? join(values.dir, 'declutter-bench') : join(root, '.bench');
const corpus = join(work, `corpus-${files}`);
const pages = join(corpus, 'pages');
let runs = 0;
const report = join(work, 'report.json');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * A fresh out dir for each run: deleting thousands of files just before a
 * timed run makes the file system slow to create new ones for a while, so
 * out dirs are removed only at the end, and pending writes are flushed
 * (sync) before each run.
 */
function freshOut() {
  return join(work, `out-${runs++}`);
}

/** Runs a command to its end; wall time, and peak RSS of the process with all its threads. */
function measure(command, args) {
  spawnSync('sync');
  const started = performance.now();
  const result = TIME
    ? spawnSync(TIME, ['-f', 'peak-rss-kb=%M', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  const rss = /peak-rss-kb=(\d+)/.exec(result.stderr ?? '');
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: result.stdout };
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Every page in the report, ok, by the cleaner its name says, with its title in the output. */
function verify() {
  const expected = readFileSync(join(corpus, 'expected.ndjson'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
  const written = JSON.parse(readFileSync(report, 'utf8'));
  const byPath = new Map(written.files.map((entry) => [entry.path, entry]));
  const problems = [];
  for (const page of expected) {
    const entry = byPath.get(join(pages, page.path.replace(/^pages\//, '')));
    if (!entry) problems.push(`${page.path}: not in the report`);
    else if (entry.status !== 'ok') problems.push(`${page.path}: ${entry.status} ${entry.error ?? ''}`);
    else if (entry.source !== page.source) problems.push(`${page.path}: cleaned as ${entry.source}, is ${page.source}`);
    else if (JSON.parse(readFileSync(entry.output, 'utf8')).title !== page.title) problems.push(`${page.path}: wrong title`);
  }
  const totals = written.totals;
  if (totals.inputs !== expected.length || totals.ok !== expected.length) problems.push(`totals ${JSON.stringify(totals)}`);
  if (problems.length > 0) {
    console.error(`bench: ${problems.length} pages wrong, e.g.\n  ${problems.slice(0, 10).join('\n  ')}`);
    process.exit(1);
  }
  return expected.length;
}

function corpusBytes() {
  const expected = readFileSync(join(corpus, 'expected.ndjson'), 'utf8').trimEnd().split('\n');
  let bytes = 0;
  for (const line of expected) bytes += statSync(join(corpus, JSON.parse(line).path)).size;
  return bytes;
}

const row = (name, run, count, bytes) =>
  `${name.padEnd(34)} ${run.seconds.toFixed(2).padStart(7)} s ${Math.round(count / run.seconds).toString().padStart(8)} files/s ${(bytes / 1048576 / run.seconds).toFixed(1).padStart(7)} MB/s ${run.rssMb.toFixed(0).padStart(6)} MB peak RSS`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

// Out dirs left by an interrupted earlier run.
for (const name of existsSync(work) ? readdirSync(work) : []) if (/^out-\d+$/.test(name)) rmSync(join(work, name), { recursive: true, force: true });
const generated = await ensureCorpus(root, corpus, files);
const bytes = corpusBytes();
console.log(`corpus: ${files} pages, ${(bytes / 1048576).toFixed(1)} MB in ${values.dir ? corpus : corpus.slice(root.length + 1)} (${generated.reused ? 'reused' : 'generated'}); ${jobs} cores, node ${process.version}`);

// Warm the page cache so the first timed run is not the only one reading from disk.
const floorRun = () => measure(process.execPath, [join(root, 'test', 'bench', 'floor.js'), pages, freshOut(), String(jobs)]);
floorRun();

// Floor and batch alternate, and each counts its best of two, so a burst of other load on a shared machine hurts neither alone.
const best = (a, b) => (a.seconds <= b.seconds ? a : b);
const floorFirst = floorRun();
const batch = measure(process.execPath, [bin, pages, '-o', freshOut(), '-f', 'json', '--quiet', '--report', report]);
const checked = verify();
const floor = best(floorFirst, floorRun());
// -j 1 is also the best of two, alternating with the default, so neither side of the speed-up has an extra draw.
const singleRun = () => measure(process.execPath, [bin, pages, '-o', freshOut(), '-f', 'json', '--quiet', '-j', '1']);
const singleFirst = singleRun();
const batchAgain = measure(process.execPath, [bin, pages, '-o', freshOut(), '-f', 'json', '--quiet']);
const single = best(singleFirst, singleRun());
const batchBest = best(batch, batchAgain);

const page = join(pages, '00', '00', 'dd-000000.txt');
const startup = [];
const bare = [];
const startupHtml = [];
// An HTML fixture: the run that loads the HTML reader, which a text page must not pay for.
const htmlPage = join(root, 'fixtures', 'devdiscourse', 'canal-solar.html');
for (let i = 0; i < startupRuns; i++) {
  bare.push(measure(process.execPath, ['-e', '0']));
  startup.push(measure(process.execPath, [bin, page]));
  startupHtml.push(measure(process.execPath, [bin, htmlPage]));
}
const startupSeconds = median(startup.map((run) => run.seconds));
const bareSeconds = median(bare.map((run) => run.seconds));

console.log(`verified: ${checked} pages cleaned by the right cleaner into the right title\n`);
console.log(row(`floor (read + write, ${jobs} threads)`, floor, files, bytes));
console.log(row(`declutter -j ${jobs} (default)`, batchBest, files, bytes));
console.log(row('declutter -j 1', single, files, bytes));
console.log(
  `${'single page: declutter page.txt'.padEnd(34)} ${(startupSeconds * 1000).toFixed(0).padStart(5)} ms median of ${startupRuns}, ${median(startup.map((run) => run.rssMb)).toFixed(0)} MB peak RSS`,
);
console.log(
  `${'single page: declutter page.html'.padEnd(34)} ${(median(startupHtml.map((run) => run.seconds)) * 1000).toFixed(0).padStart(5)} ms median of ${startupRuns}, ${median(startupHtml.map((run) => run.rssMb)).toFixed(0)} MB peak RSS`,
);
console.log(`${'single page: node -e 0'.padEnd(34)} ${(bareSeconds * 1000).toFixed(0).padStart(5)} ms median of ${startupRuns}, ${median(bare.map((run) => run.rssMb)).toFixed(0)} MB peak RSS`);

const vsFloor = batchBest.seconds / floor.seconds;
const speedup = single.seconds / batchBest.seconds;
const peakRss = Math.max(batch.rssMb, batchAgain.rssMb);
const vsNode = startupSeconds / bareSeconds;
console.log('\ntargets:');
console.log(`  batch / floor            ${vsFloor.toFixed(2)}x   (target <= 1.5x)  ${verdict(vsFloor <= 1.5)}`);
console.log(`  -j 1 / -j ${jobs}              ${speedup.toFixed(2)}x   (target >= 1.6x on 2 cores)  ${verdict(speedup >= 1.6)}`);
console.log(`  peak RSS, -j ${jobs}           ${peakRss.toFixed(0)} MB  (target < 200 MB at 100,000 files, flat with the count)  ${verdict(peakRss < 200)}`);
console.log(`  single page / node -e 0  ${vsNode.toFixed(2)}x   (target <= 1.5x)  ${verdict(vsNode <= 1.5)}`);

for (let run = 0; run < runs; run++) rmSync(join(work, `out-${run}`), { recursive: true, force: true });
rmSync(report, { force: true });
if (!values.keep && files > 10000) rmSync(corpus, { recursive: true, force: true });

// HTML → lines on the shared corpus, when it is there (test/bench/html.js says what it times).
const htmlCorpus = join(root, values['html-corpus']);
if (existsSync(htmlCorpus)) {
  console.log(`\nHTML input (${values['html-corpus']}, WCXB, CC-BY-4.0):`);
  const html = spawnSync(process.execPath, [join(root, 'test', 'bench', 'html.js'), values['html-corpus']], { stdio: 'inherit' });
  if (html.status !== 0) process.exitCode = html.status ?? 1;
} else {
  console.log(`\nHTML input: ${values['html-corpus']} not found; HTML rows left out`);
}
