import { parentPort, workerData } from 'node:worker_threads';
import { findCleanerFiles, loadCleanerFile } from '../cleaners/file.js';
import { cleaners as builtins, registryWithFiles } from '../cleaners/registry.js';
import { cancelled, cleanFile, type FileResult, type FileSettings, type FileTask } from './task.js';
import { useBundledHtmlReader } from '../cli/html-reader.js';

/**
 * Worker thread entry (built as dist/cli/worker.js): cleans each group of
 * tasks it is sent, reading and writing the files itself, and answers with
 * the small results only, one message per group. Settings sent to a thread
 * are plain data, so a worker loads the `--cleaners` files itself: without
 * the backtracking check, which takes seconds on long patterns and which the
 * main thread ran on these files before starting any worker.
 */
const { settings, stop } = workerData as { settings: FileSettings; stop: Int32Array };
useBundledHtmlReader();
const cleaners = settings.cleanerFiles?.length
  ? registryWithFiles(findCleanerFiles(settings.cleanerFiles).map((file) => loadCleanerFile(file, undefined, { checkBacktracking: false })))
  : builtins;
parentPort!.on('message', (tasks: FileTask[]) => {
  let results: FileResult[] = [];
  for (const task of tasks) {
    const result = Atomics.load(stop, 0) === 1 ? cancelled(task) : cleanFile(task, settings, cleaners);
    results.push(result);
    // A failure goes at once, not with the rest of its group: --fail-fast then stops the others sooner.
    if (result.status === 'failed') {
      parentPort!.postMessage(results);
      results = [];
    }
  }
  if (results.length > 0) parentPort!.postMessage(results);
});
