import { parentPort, workerData } from 'node:worker_threads';
import { cleaners } from '../cleaners/registry.js';
import { cancelled, cleanFile, type FileSettings, type FileTask } from './task.js';

/**
 * Worker thread entry (built as dist/cli/worker.js): cleans each group of
 * tasks it is sent, reading and writing the files itself, and answers with
 * the small results only, one message per group. Workers clean with the
 * built-in cleaners: settings sent to a thread are plain data.
 */
const { settings, stop } = workerData as { settings: FileSettings; stop: Int32Array };
parentPort!.on('message', (tasks: FileTask[]) => {
  parentPort!.postMessage(tasks.map((task) => (Atomics.load(stop, 0) === 1 ? cancelled(task) : cleanFile(task, settings, cleaners))));
});
