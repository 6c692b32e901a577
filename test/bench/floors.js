// What the two floors (floor.js, tight.js) share: finding the pages, and
// splitting them between worker threads the way declutter's pool does.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Every *.txt below a folder, hidden entries skipped, sorted. */
export function findPages(dir) {
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.txt')) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/** Runs `script` in `jobs` worker threads, each on every jobs-th file; resolves to what each posts back. */
export function inWorkers(script, files, jobs, data) {
  const shares = Array.from({ length: jobs }, (_, worker) => files.filter((_, i) => i % jobs === worker));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(script, { workerData: { ...data, files: share } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
}
