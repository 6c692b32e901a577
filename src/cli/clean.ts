import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { DeclutterError, isDeclutterError } from '../core/errors.js';
import { commonBase, outputPathFor } from '../core/outputs.js';
import { clean } from '../core/pipeline.js';
import { readInputFile, readStdin } from '../core/read.js';
import type { Article, Format } from '../core/types.js';
import { writeFileAtomic } from '../core/write.js';
import { EXTENSIONS, render } from '../render/index.js';
import { printError, printWarning, UsageError } from './diagnostics.js';

export interface CleanCommandOptions {
  format: Format;
  source?: string;
  outDir?: string;
  tz?: string;
  encoding?: string;
  strict?: boolean;
  quiet?: boolean;
  maxBytes?: number;
}

/** `declutter [inputs...]`: cleans each input in order; returns the exit code. */
export async function runClean(inputs: string[], options: CleanCommandOptions): Promise<number> {
  if (inputs.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no input: give files, or pipe a page to standard input (see --help)');
    inputs = ['-'];
  }
  if (inputs.filter((input) => input === '-').length > 1) throw new UsageError('standard input (-) can be read only once');

  const sink = options.outDir ? new DirectorySink(inputs, options.outDir, options.format) : new StdoutSink(options.format, inputs.length);
  let failed = 0;
  for (const input of inputs) {
    try {
      const bytes = input === '-' ? await readStdin(options.maxBytes) : readInputFile(input, options.maxBytes);
      const article = clean(bytes, {
        path: input,
        ...(options.source !== undefined && { source: options.source }),
        ...(options.tz !== undefined && { tz: options.tz }),
        ...(options.encoding !== undefined && { encoding: options.encoding }),
        ...(options.strict !== undefined && { strict: options.strict }),
      });
      if (!options.quiet) for (const warning of article.warnings) printWarning(input, warning);
      await sink.write(input, article);
    } catch (error) {
      if (!isDeclutterError(error)) throw error;
      failed++;
      printError(input, error.message);
    }
  }
  await sink.end();
  return failed > 0 ? 1 : 0;
}

interface Sink {
  write(input: string, article: Article): Promise<void>;
  end(): Promise<void>;
}

/**
 * Standard output: one input gives one document; several give a JSON array,
 * NDJSON lines, or Markdown/text documents one after another.
 */
class StdoutSink implements Sink {
  private written = 0;

  constructor(
    private readonly format: Format,
    private readonly expected: number,
  ) {}

  async write(_input: string, article: Article): Promise<void> {
    let chunk = render(article, this.format);
    if (this.format === 'json' && this.expected > 1) {
      chunk = `${this.written === 0 ? '[\n' : ',\n'}${indent(chunk.trimEnd())}`;
    } else if ((this.format === 'md' || this.format === 'text') && this.written > 0) {
      chunk = `\n${chunk}`;
    }
    this.written++;
    await writeStdout(chunk);
  }

  async end(): Promise<void> {
    if (this.format === 'json' && this.expected > 1) await writeStdout(this.written === 0 ? '[]\n' : '\n]\n');
  }
}

/** One file per input under the out dir, mirroring the inputs' layout, each written atomically. */
class DirectorySink implements Sink {
  private readonly base: string;
  private readonly inputFiles: Set<string>;

  constructor(
    inputs: readonly string[],
    private readonly outDir: string,
    private readonly format: Format,
  ) {
    const files = inputs.filter((input) => input !== '-');
    this.base = commonBase(files);
    this.inputFiles = new Set(files.map(canonical));
  }

  async write(input: string, article: Article): Promise<void> {
    const target = outputPathFor(input, this.base, this.outDir, EXTENSIONS[this.format]);
    if (this.inputFiles.has(canonical(target))) {
      throw new DeclutterError('io', `output ${target} would overwrite an input file; choose another --out-dir`);
    }
    writeFileAtomic(target, render(article, this.format));
  }

  async end(): Promise<void> {}
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

/** Writes to stdout, waiting when the pipe is full so memory stays flat. */
export function writeStdout(chunk: string): Promise<void> {
  return new Promise((done) => {
    if (process.stdout.write(chunk)) done();
    else process.stdout.once('drain', done);
  });
}
