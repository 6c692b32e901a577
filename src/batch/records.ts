import { createReadStream } from 'node:fs';
import type { ErrorCode } from '../pipeline/errors.js';
import { fromSystemError } from '../pipeline/errors.js';
import { formatBytes } from '../io/read.js';
import type { FileTask, PageRecord } from './task.js';

/**
 * `--input-format ndjson`: one JSON record a line, each one page:
 * `{"id": …, "text": …}`, `{"id": …, "html": …}` or `{"id": …, "path": …}`,
 * with optional `url` and `source`. Every record becomes exactly one task,
 * so exactly one output line: a record that cannot be used (invalid JSON,
 * missing fields, a line over the size limit) becomes a refused task whose
 * output is its error record. Blank lines are no records.
 *
 * Lines are read as the batch asks for tasks, so an endless stream is read
 * only as fast as its results are written, and at most one line (up to
 * `maxLineBytes`; a longer one is skipped to its end, not kept) is held.
 */

/** Where records come from: a stream (standard input) or a file, and its name in messages. */
export interface RecordSource {
  name: string;
  open(): AsyncIterable<Buffer | string>;
}

export function fileRecords(path: string): RecordSource {
  return { name: path, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
}

export async function* recordTasks(sources: readonly RecordSource[], maxLineBytes: number, firstIndex = 0): AsyncGenerator<FileTask> {
  let index = firstIndex;
  for (const source of sources) {
    let stream: AsyncIterable<Buffer | string>;
    try {
      stream = source.open();
      for await (const line of lines(stream, maxLineBytes)) {
        const where = `${source.name}:${line.n}`;
        const task = line.bytes === null
          ? refused(index, where, null, 'too-large', `too large (a line over the ${formatBytes(maxLineBytes)} limit)`)
          : taskFor(index, where, line.bytes);
        if (task === null) continue;
        index++;
        yield task;
      }
    } catch (error) {
      // A source that cannot be read (missing file) is one failed record, named; the other sources are still read.
      yield refused(index++, source.name, null, fromSystemError(error).code, fromSystemError(error).message);
    }
  }
}

const decoder = new TextDecoder();

/** A record line to a task; null for a blank line. */
function taskFor(index: number, where: string, bytes: Buffer): FileTask | null {
  const text = decoder.decode(bytes);
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refused(index, where, null, 'bad-record', `not a JSON record (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return refused(index, where, null, 'bad-record', 'not a JSON object');
  const fields = value as Record<string, unknown>;
  const id = typeof fields.id === 'string' || (typeof fields.id === 'number' && Number.isFinite(fields.id)) ? fields.id : null;
  if (id === null) return refused(index, where, null, 'bad-record', 'no "id" (a string or a number)');
  const named = `${where} (id ${JSON.stringify(id)})`;
  const pages = (['text', 'html', 'path'] as const).filter((key) => fields[key] !== undefined);
  if (pages.length !== 1) {
    return refused(index, named, id, 'bad-record', pages.length === 0 ? 'no "text", "html" or "path"' : `both ${pages.map((key) => `"${key}"`).join(' and ')}; give one`);
  }
  const key = pages[0]!;
  if (typeof fields[key] !== 'string') return refused(index, named, id, 'bad-record', `"${key}" is not a string`);
  for (const optional of ['url', 'source'] as const) {
    if (fields[optional] !== undefined && typeof fields[optional] !== 'string') return refused(index, named, id, 'bad-record', `"${optional}" is not a string`);
  }
  const record: PageRecord = { id };
  if (fields.url !== undefined) record.url = fields.url as string;
  if (fields.source !== undefined) record.source = fields.source as string;
  if (key === 'path') return { index, path: fields.path as string, target: null, record };
  // An HTML page goes through the same entry as any page's bytes: the pipeline tells HTML by its content.
  record.page = fields[key] as string;
  return { index, path: named, target: null, record };
}

function refused(index: number, where: string, id: PageRecord['id'], code: ErrorCode, message: string): FileTask {
  return { index, path: where, target: null, refuse: message, refuseCode: code, record: { id } };
}

/** The lines of a stream, numbered from 1; `bytes` is null for a line over the limit. */
export async function* lines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<{ n: number; bytes: Buffer | null }> {
  let parts: Buffer[] = [];
  let length = 0;
  let oversized = false;
  let n = 0;
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(10, start);
      const stop = end === -1 ? chunk.length : end;
      if (!oversized) {
        if (length + stop - start > maxLineBytes) {
          oversized = true;
          parts = [];
          length = 0;
        } else if (stop > start) {
          parts.push(chunk.subarray(start, stop));
          length += stop - start;
        }
      }
      if (end === -1) break;
      n++;
      yield { n, bytes: oversized ? null : parts.length === 1 ? parts[0]! : Buffer.concat(parts, length) };
      parts = [];
      length = 0;
      oversized = false;
      start = end + 1;
    }
  }
  if (oversized || length > 0) yield { n: n + 1, bytes: oversized ? null : Buffer.concat(parts, length) };
}
