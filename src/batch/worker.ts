import { parentPort, workerData } from 'node:worker_threads';
import { findCleanerFiles, loadCleanerFile } from '../cleaners/file.js';
import { cleaners as builtins, registryWithFiles } from '../cleaners/registry.js';
import { cleanFile, type FileSettings, type FileTask } from './task.js';
import { useBundledHtmlReader } from '../cli/html-reader.js';

/**
 * Worker thread entry (built as dist/cli/worker.js): cleans each group of
 * tasks it is sent, reading and writing the files itself, and answers with
 * the small results only, one message per group. Settings sent to a thread
 * are plain data, so a worker loads the `--cleaners` files itself.
 */
const settings = workerData as FileSettings;
useBundledHtmlReader();
const cleaners = settings.cleanerFiles?.length
  ? registryWithFiles(findCleanerFiles(settings.cleanerFiles).map((file) => loadCleanerFile(file)))
  : builtins;
parentPort!.on('message', (tasks: FileTask[]) => {
  parentPort!.postMessage(tasks.map((task) => cleanFile(task, settings, cleaners)));
});
