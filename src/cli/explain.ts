import type { ChalkInstance } from 'chalk';
import { isDeclutterError } from '../pipeline/errors.js';
import { explain, explainUnrecognized } from '../pipeline/explain.js';
import { layoutExplanation, layoutUnrecognized, type Palette } from './explain-layout.js';
import { cleanersFor } from './cleaner-files.js';
import { articleFrom, labelReading, readPage, type PipelineOptions } from '../pipeline/analyze.js';
import { readInputFile, readStdin } from '../io/read.js';
import type { Label } from '../pipeline/types.js';
import { colorsFor } from './colors.js';
import { printError, UsageError, withAdvice } from './diagnostics.js';
import { writeStdout } from './stdout.js';

export interface ExplainCommandOptions {
  format: 'text' | 'json';
  source?: string;
  tz?: string;
  encoding?: string;
  maxBytes?: number;
  sitesOnly?: boolean;
  cleaners?: string[];
}

/** `declutter explain <file>`: every line with its label and rule; returns the exit code. */
export async function runExplain(input: string | undefined, options: ExplainCommandOptions): Promise<number> {
  if (input === undefined) {
    if (process.stdin.isTTY) throw new UsageError('explain: give a page file, or - to read standard input');
    input = '-';
  }
  const cleaners = await cleanersFor(options, 'explain');
  try {
    const bytes = input === '-' ? await readStdin(options.maxBytes) : readInputFile(input, options.maxBytes);
    const cleanOptions: PipelineOptions = {
      cleaners,
      path: input,
      ...(options.source !== undefined && { source: options.source }),
      ...(options.tz !== undefined && { tz: options.tz }),
      ...(options.encoding !== undefined && { encoding: options.encoding }),
      ...(options.sitesOnly === true && { sitesOnly: true }),
    };
    const reading = readPage(bytes, cleanOptions);
    const tty = process.stdout.isTTY === true;
    const width = tty && process.stdout.columns > 0 ? { width: process.stdout.columns } : {};
    let analysis;
    try {
      analysis = labelReading(reading, cleanOptions);
    } catch (error) {
      if (!isDeclutterError(error) || error.code !== 'unrecognized') throw error;
      // No cleaner may clean it (--sites-only): the scores say why, then the error as for clean.
      const unrecognized = explainUnrecognized(reading, input, error.message);
      await writeStdout(options.format === 'json' ? `${JSON.stringify(unrecognized, null, 2)}\n` : layoutUnrecognized(unrecognized, width));
      throw error;
    }
    // The article is built from the same labels, for the dates and field line numbers in the header.
    const explanation = explain(analysis, articleFrom(analysis, cleanOptions), input, options.source !== undefined);
    if (options.format === 'json') {
      await writeStdout(`${JSON.stringify(explanation, null, 2)}\n`);
    } else {
      await writeStdout(layoutExplanation(explanation, { palette: paletteFor(colorsFor(process.stdout)), ...width }));
    }
    return 0;
  } catch (error) {
    if (!isDeclutterError(error)) throw error;
    printError(input, withAdvice(error));
    return 1;
  }
}

/** Kept lines in colour by what they became; dropped lines and rule names faint. */
function paletteFor(colors: ChalkInstance): Palette {
  const byLabel: Record<Label, ChalkInstance> = {
    title: colors.bold.magenta,
    summary: colors.magenta,
    byline: colors.cyan,
    meta: colors.cyan,
    image: colors.blue,
    countries: colors.blue,
    body: colors.green,
    note: colors.yellow,
    related: colors.yellow.dim,
    dropped: colors.red.dim,
  };
  return { label: (label, text) => byLabel[label](text), muted: (text) => colors.dim(text) };
}
