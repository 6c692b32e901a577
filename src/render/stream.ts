import type { Format } from '../pipeline/types.js';

/**
 * Many documents on one stream: one input gives one document; several give
 * a JSON array, NDJSON lines, or Markdown/text documents one after another
 * (a blank line between them), in the order they are written.
 *
 * Output is gathered and written in chunks: the documents handed over in
 * one turn of the event loop leave in one write (at most `chunkBytes` each),
 * not one write and one wake-up per page. Memory stays bounded: once a write
 * is waiting on a full pipe, `write` waits for it too.
 */
export class DocumentStream {
  private written = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  private flushQueued = false;
  private inFlight: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly format: Format,
    private readonly several: boolean,
    /** Writes a chunk; resolves when it may be followed by another (the pipe drained). */
    private readonly sink: (chunk: string) => Promise<void>,
    private readonly chunkBytes = 64 * 1024,
  ) {}

  async write(document: string): Promise<void> {
    this.rethrow();
    this.push(this.frame(document));
    if (this.pendingLength >= this.chunkBytes) await this.flush();
    else if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => {
        this.flushQueued = false;
        this.flush().catch((error) => (this.failure ??= { error }));
      });
    }
    // A full pipe holds the writer back, so what waits here stays one chunk.
    if (this.inFlight) await this.inFlight;
    this.rethrow();
  }

  /** Closes the frame (a JSON array's `]`) and writes everything still gathered. */
  async end(): Promise<void> {
    if (this.format === 'json' && this.several) this.push(this.written === 0 ? '[]\n' : '\n]\n');
    await this.flush();
    this.rethrow();
  }

  private frame(document: string): string {
    let chunk = document;
    if (this.format === 'json' && this.several) {
      chunk = `${this.written === 0 ? '[\n' : ',\n'}${indent(chunk.trimEnd())}`;
    } else if ((this.format === 'md' || this.format === 'text') && this.written > 0) {
      chunk = `\n${chunk}`;
    }
    this.written++;
    return chunk;
  }

  private push(chunk: string): void {
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
  }

  private async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    const writing = this.sink(chunk);
    this.inFlight = writing;
    try {
      await writing;
    } finally {
      this.inFlight = null;
    }
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
