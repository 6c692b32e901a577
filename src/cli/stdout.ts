import { DeclutterError, fromSystemError } from '../pipeline/errors.js';
import { printError } from './diagnostics.js';

/**
 * Writes to stdout, waiting when the pipe is full so memory stays flat. A
 * file or device (`> /dev/full`) fails synchronously, a pipe through the
 * callback; either way the promise rejects with a StdoutError.
 */
export function writeStdout(chunk: string): Promise<void> {
  return new Promise((done, fail) => {
    try {
      const flushed = process.stdout.write(chunk, (error) => {
        if (error) fail(new StdoutError(error));
      });
      if (flushed) done();
      else process.stdout.once('drain', done);
    } catch (error) {
      fail(new StdoutError(error));
    }
  });
}

/** Standard output could not be written: the disk is full, or the reader went away. */
export class StdoutError extends DeclutterError {
  /** The reader closed the pipe (`declutter … | head`): not worth a message. */
  readonly readerGone: boolean;

  constructor(cause: unknown) {
    const reason = fromSystemError(cause);
    super(reason.code, reason.message);
    this.readerGone = (cause as NodeJS.ErrnoException | null)?.code === 'EPIPE';
  }
}

let reported = false;

/** Says once, however many writes failed, that standard output failed. */
export function reportStdoutFailure(error: StdoutError): void {
  if (reported || error.readerGone) return;
  reported = true;
  printError('standard output', error.message);
}
