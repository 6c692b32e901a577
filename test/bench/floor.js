// The benchmark's floor: the least any batch converter must do. Finds every
// *.txt under a folder, then reads each file and writes it unchanged into an
// out dir mirroring the folders, with the same number of worker threads as
// declutter uses.
//
//   node test/bench/floor.js <in-dir> <out-dir> <jobs>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

function findPages(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findPages(path, found);
    else if (entry.isFile() && entry.name.endsWith('.txt')) found.push(path);
  }
  return found;
}

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
  const files = findPages(inDir).sort();
  const shares = Array.from({ length: jobs }, (_, worker) => files.filter((_, i) => i % jobs === worker));
  const counts = await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { files: share, inDir, outDir } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  process.stdout.write(`${counts.reduce((a, b) => a + b, 0)}\n`);
} else {
  parentPort.postMessage(copyAll(workerData));
}
