import { parentPort, workerData } from 'node:worker_threads';
import { cleaners } from '../cleaners/registry.js';
import { convert, type ConvertSettings, type ConvertTask } from './task.js';

/**
 * Worker thread entry (built as dist/cli/worker.js): converts each group of
 * tasks it is sent, reading and writing the files itself, and answers with
 * the small results only, one message per group. Workers clean with the
 * built-in cleaners: settings sent to a thread are plain data.
 */
const settings = workerData as ConvertSettings;
parentPort!.on('message', (tasks: ConvertTask[]) => {
  parentPort!.postMessage(tasks.map((task) => convert(task, settings, cleaners)));
});
