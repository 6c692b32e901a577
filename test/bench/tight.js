// The benchmark's second floor: a tight program doing declutter's essential
// work per page, and nothing else, in Node. Per page: read the file, decode
// it (one TextDecoder), split it into lines, test each line against the same
// regular expressions declutter's cleaners use (the fingerprints of every
// cleaner, then the chosen cleaner's rules zone by zone until one matches,
// as the labelling does), hash the bytes (input.sha256), build an object of
// the article's shape and JSON.stringify it, then write it to a temporary
// file renamed into place, in an out dir mirroring the folders (each folder
// made once); or, with `-` as out dir, as NDJSON to stdout in 64 KB writes.
// The same number of worker threads as declutter uses.
//
//   node test/bench/tight.js <in-dir> <out-dir|-> <jobs>
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { findPages, inWorkers } from './floors.js';
import { BUILTIN_DEFINITIONS } from '../../dist/lib/cleaners/builtins.js';

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

/** The essential work on one page: the article object. */
function article(path, bytes) {
  const text = decoder.decode(bytes);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    lines[i] = line.trim();
  }
  let best = null;
  let bestScore = 0;
  for (const definition of BUILTIN_DEFINITIONS) {
    let doubt = 1;
    for (const fingerprint of definition.fingerprints) {
      for (const line of lines) {
        if (fingerprint.pattern.test(line)) {
          doubt *= 1 - fingerprint.weight;
          break;
        }
      }
    }
    if (1 - doubt > bestScore) {
      bestScore = 1 - doubt;
      best = definition;
    }
  }
  const fields = { title: null, summary: null, byline: null, dateline: null, published: null, body: [], notes: [], related: [], countries: [] };
  let zone = best.start;
  let kept = 0;
  let dropped = 0;
  let blank = 0;
  for (const line of lines) {
    if (line === '') {
      blank++;
      continue;
    }
    const rules = best.zones[zone];
    let label = 'dropped';
    for (const rule of rules) {
      const match = rule.match.exec(line);
      if (!match) continue;
      label = rule.label;
      if (rule.then) zone = rule.then;
      break;
    }
    if (label === 'dropped') dropped++;
    else kept++;
    if (label === 'title') fields.title ??= line;
    else if (label === 'summary') fields.summary ??= line;
    else if (label === 'byline') fields.byline ??= line;
    else if (label === 'meta') fields.published ??= line;
    else if (label === 'body') fields.body.push(line);
    else if (label === 'note') fields.notes.push(line);
    else if (label === 'related') fields.related.push({ title: line, section: null });
    else if (label === 'countries') fields.countries.push(line);
  }
  let words = 0;
  for (const paragraph of fields.body) words += paragraph.split(' ').length;
  return {
    source: best.id,
    title: fields.title,
    summary: fields.summary,
    byline: fields.byline,
    agency: null,
    dateline: fields.dateline,
    published: fields.published,
    updated: null,
    countries: fields.countries,
    image: null,
    body: fields.body,
    notes: fields.notes,
    related: fields.related,
    wordCount: words,
    input: { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    extraction: {
      cleaner: best.id,
      version: best.version,
      confidence: Math.round(bestScore * 1000) / 1000,
      encoding: 'utf-8',
      timeZone: best.timeZone,
      dates: { published: fields.published, updated: null },
      lines: { total: lines.length, kept, dropped, blank },
      fields: { title: [1], body: [2] },
    },
    warnings: [],
  };
}

function cleanAll({ files, inDir, outDir }) {
  const made = new Set();
  let pending = '';
  for (const file of files) {
    const result = article(file, readFileSync(file));
    if (outDir === '-') {
      pending += `${JSON.stringify(result)}\n`;
      if (pending.length >= 65536) {
        writeSync(1, pending);
        pending = '';
      }
      continue;
    }
    const target = join(outDir, relative(inDir, file)).replace(/\.txt$/, '.json');
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const temporary = `${target}.tmp`;
    const fd = openSync(temporary, 'w');
    writeSync(fd, `${JSON.stringify(result, null, 2)}\n`);
    closeSync(fd);
    renameSync(temporary, target);
  }
  if (pending) writeSync(1, pending);
  return files.length;
}

if (isMainThread) {
  const [inDir, outDir, jobsText] = process.argv.slice(2);
  const jobs = Number(jobsText);
  const files = findPages(inDir);
  if (jobs === 1) {
    cleanAll({ files, inDir, outDir });
  } else {
    await inWorkers(fileURLToPath(import.meta.url), files, jobs, { inDir, outDir });
  }
} else {
  parentPort.postMessage(cleanAll(workerData));
}
