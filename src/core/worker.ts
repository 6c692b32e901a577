import { parentPort, workerData } from 'node:worker_threads';
import { convert, type ConvertSettings, type ConvertTask } from './convert.js';

/**
 * Worker thread entry (built as dist/cli/worker.js): converts each task it
 * is sent, reading and writing the files itself, and answers with the small
 * result only.
 */
const settings = workerData as ConvertSettings;
parentPort!.on('message', (task: ConvertTask) => {
  parentPort!.postMessage(convert(task, settings));
});
