import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleaners, createRegistry, InlineRunner, runBatch, type BatchEvent, type Cleaner, type FileTask } from '../../../src/index.js';

/** A cleaner of a user's own, not rule-based: the first line is the title, the others the body. */
const plain: Cleaner = {
  id: 'plain',
  site: 'Plain text notes',
  version: '1.0.0',
  recognizes: 'a first line starting with "NOTE:"',
  timeZone: 'UTC',
  dateFormats: [],
  printedZones: {},
  bylineAgencies: [],
  clutterMarkers: [],
  fingerprints: [{ name: 'NOTE: heading', weight: 0.9 }],
  score: (lines) => ({ confidence: lines[0]?.text.startsWith('NOTE:') ? 0.9 : 0, evidence: [] }),
  label: (lines) =>
    lines.map((line, i) => ({ ...line, label: line.text === '' ? 'dropped' : i === 0 ? 'title' : 'body', rule: i === 0 ? 'first-line' : 'rest', zone: 'page' })),
};

describe('runBatch from the library', () => {
  it('cleans pages with cleaners of its own in this thread, from an async generator, in input order', async () => {
    async function* notes(): AsyncGenerator<FileTask> {
      for (let i = 0; i < 5; i++) {
        const text = i === 3 ? 'not a note\n' : `NOTE: number ${i}\nIts body ${i}.\n`;
        yield { index: i, path: `note-${i}.txt`, target: null, bytes: new TextEncoder().encode(text) };
      }
    }
    const seen: string[] = [];
    const onEvent = (event: BatchEvent) => {
      if (event.type === 'done') seen.push(JSON.parse(event.result.text!).title);
      if (event.type === 'failed') seen.push(`failed: ${event.result.errorCode}`);
    };
    const totals = await runBatch(notes(), { runner: new InlineRunner({ format: 'ndjson' }, createRegistry([plain])), concurrency: 1, onEvent });
    expect(seen).toEqual(['NOTE: number 0', 'NOTE: number 1', 'NOTE: number 2', 'failed: unrecognized', 'NOTE: number 4']);
    expect(totals).toMatchObject({ inputs: 5, ok: 4, failed: 1, bySource: { plain: 4 } });
  });

  // The library's own HTML reader is the default here too: a batch takes no per-page reader option.
  it('reads HTML pages with the library\'s reader, as clean() does', async () => {
    const html = readFileSync('fixtures/devdiscourse/canal-solar.html');
    const expected = JSON.parse(readFileSync('fixtures/devdiscourse/canal-solar.html.expected.json', 'utf8'));
    const texts: string[] = [];
    const totals = await runBatch([{ index: 0, path: 'canal-solar.html', target: null, bytes: new Uint8Array(html) }], {
      runner: new InlineRunner({ format: 'ndjson' }, cleaners),
      concurrency: 1,
      onEvent: (event) => {
        if (event.type === 'done') texts.push(event.result.text!);
      },
    });
    expect(totals).toMatchObject({ ok: 1, failed: 0 });
    const article = JSON.parse(texts[0]!);
    expect({ title: article.title, body: article.body, source: article.source }).toEqual({ title: expected.title, body: expected.body, source: 'devdiscourse' });
  });
});
