// The quality slice: 30 pages of WCXB (the Web Content eXtraction Benchmark,
// CC-BY-4.0), held out from the generic cleaner's training, scored by the
// benchmark's own scorer on both inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract } from '../bench/quality/declutter.js';
import { aggregate, metaScores, scorePage } from '../bench/quality/score.js';

export const SLICE_DIR = join('test', 'quality', 'wcxb');

export interface SlicePage {
  url: string;
  page_type: string;
  title: string;
  author: string;
  publish_date: string;
}

export function slicePages(): Record<string, SlicePage> {
  return JSON.parse(readFileSync(join(SLICE_DIR, 'pages.json'), 'utf8'));
}

/** declutter on every page of the slice from one input: the corpus figures and the metadata scores. */
export function scoreSlice(input: 'txt' | 'html') {
  const pages = slicePages();
  const scored = [];
  const meta: Record<string, { title: string; author: string; published: string }> = {};
  for (const [id, page] of Object.entries(pages)) {
    const raw = readFileSync(join(SLICE_DIR, input, input === 'html' ? `${id}.html.gz` : `${id}.txt`));
    const bytes = input === 'html' ? gunzipSync(raw) : raw;
    const answer = extract(bytes, { id, input });
    const gold = readFileSync(join(SLICE_DIR, 'gold', `${id}.txt`), 'utf8');
    scored.push({ id, type: page.page_type, ...scorePage(gold, answer.text), error: answer.error });
    meta[id] = { title: answer.title, author: answer.author, published: answer.published };
  }
  return { corpus: aggregate(scored), meta: metaScores(pages, meta), errors: scored.filter((page) => page.error !== null) };
}
