// The benchmark's floor: the least any batch converter must do. Finds every
// *.txt under a folder, then reads each file and writes it unchanged into an
// out dir mirroring the folders, with the same number of worker threads as
// declutter uses.
//
//   node test/bench/floor.js <in-dir> <out-dir> <jobs>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { findPages, inWorkers } from './floors.js';

function copyAll({ files, inDir, outDir }) {
  const made = new Set();
  for (const file of files) {
    const target = join(outDir, relative(inDir, file));
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, readFileSync(file));
  }
  return files.length;
}

if (isMainThread) {
  const [inDir, outDir, jobsText] = process.argv.slice(2);
  const jobs = Number(jobsText);
  const files = findPages(inDir);
  const counts = await inWorkers(fileURLToPath(import.meta.url), files, jobs, { inDir, outDir });
  process.stdout.write(`${counts.reduce((a, b) => a + b, 0)}\n`);
} else {
  parentPort.postMessage(copyAll(workerData));
}
