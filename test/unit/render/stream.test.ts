import { describe, expect, it } from 'vitest';
import { DocumentStream } from '../../../src/render/stream.js';
import type { Format } from '../../../src/pipeline/types.js';

/** A sink that records each chunk written, and can be made slow (a full pipe). */
function sink(delayMs = 0) {
  const chunks: string[] = [];
  let writing = 0;
  let overlapped = false;
  const write = async (chunk: string) => {
    if (writing > 0) overlapped = true;
    writing++;
    chunks.push(chunk);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    writing--;
  };
  return { chunks, write, overlapped: () => overlapped };
}

async function framed(format: Format, several: boolean, documents: string[]): Promise<string> {
  const out = sink();
  const stream = new DocumentStream(format, several, out.write);
  for (const document of documents) await stream.write(document);
  await stream.end();
  return out.chunks.join('');
}

describe('DocumentStream', () => {
  it('frames several JSON documents as one indented array, and none as []', async () => {
    expect(await framed('json', true, ['{\n  "a": 1\n}\n', '{\n  "b": 2\n}\n'])).toBe('[\n  {\n    "a": 1\n  },\n  {\n    "b": 2\n  }\n]\n');
    expect(await framed('json', true, [])).toBe('[]\n');
  });

  it('writes one document as it is, NDJSON lines one after another, Markdown with a blank line between', async () => {
    expect(await framed('json', false, ['{\n  "a": 1\n}\n'])).toBe('{\n  "a": 1\n}\n');
    expect(await framed('ndjson', true, ['{"a":1}\n', '{"b":2}\n'])).toBe('{"a":1}\n{"b":2}\n');
    expect(await framed('md', true, ['# A\n', '# B\n'])).toBe('# A\n\n# B\n');
  });

  it('gathers the documents of one turn into one write', async () => {
    const out = sink();
    const stream = new DocumentStream('ndjson', true, out.write);
    await Promise.all(Array.from({ length: 100 }, (_, i) => stream.write(`{"n":${i}}\n`)));
    await stream.end();
    expect(out.chunks).toHaveLength(1);
    expect(out.chunks[0]!.split('\n')).toHaveLength(101);
  });

  it('never has two writes under way, and holds the writer back while one waits', async () => {
    const out = sink(5);
    const stream = new DocumentStream('ndjson', true, out.write, 100);
    const line = `${JSON.stringify({ text: 'x'.repeat(60) })}\n`;
    for (let i = 0; i < 20; i++) await stream.write(line);
    await stream.end();
    expect(out.overlapped()).toBe(false);
    expect(out.chunks.join('')).toBe(line.repeat(20));
    // Each write waited for the slow one before it: no chunk gathered more than the threshold and one more line.
    expect(Math.max(...out.chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(100 + line.length);
  });

  it('fails the next write, or the end, when the sink failed', async () => {
    const stream = new DocumentStream('ndjson', true, () => Promise.reject(new Error('EPIPE')));
    await stream.write('{"a":1}\n');
    await new Promise((resolve) => setImmediate(resolve));
    await expect(stream.write('{"b":2}\n').then(() => stream.end())).rejects.toThrow('EPIPE');
  });
});
