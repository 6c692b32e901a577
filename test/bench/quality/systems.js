// The systems the quality benchmark runs side by side, each on one input of a
// WCXB page (Web Content eXtraction Benchmark, CC-BY-4.0): `html` (the page's
// HTML as a string, its bytes and URL) or `txt` (the text dump). Each
// `run(page)` returns `{ text, title, author, published, error }` (strings,
// `''` when absent; `error` null or a short code) and may be async.
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { parseHTML } from 'linkedom';
import * as declutter from './declutter.js';
import { htmlText } from './html-text.js';

const none = { title: '', author: '', published: '', error: null };
const str = (v) => (typeof v === 'string' ? v : '');

/** Number of `\w+`-like words of a line, as the scorer counts them. */
function wordCount(line) {
  return (line.match(/[\p{L}\p{N}_]+/gu) ?? []).length;
}

/** Baseline: the whole text dump. */
export function keepEveryLine(page) {
  return { ...none, text: page.txt };
}

/** Baseline: the lines of the text dump with at least `n` words. */
export function keepLongLines(n) {
  return (page) => {
    const kept = [];
    for (const line of page.txt.split('\n')) if (wordCount(line) >= n) kept.push(line);
    return { ...none, text: kept.join('\n') };
  };
}

/** @mozilla/readability on linkedom: the article's textContent, title, byline and publishedTime. */
export function readability(page) {
  const { document } = parseHTML(page.html);
  const article = new Readability(document).parse();
  if (!article) return { ...none, text: '', error: 'no-article' };
  return {
    text: str(article.textContent),
    title: str(article.title),
    author: str(article.byline),
    published: str(article.publishedTime),
    error: null,
  };
}

/** defuddle through its Node entry point (its own linkedom set-up): the content as plain text, title, author, published. */
export async function defuddle(page) {
  const result = await Defuddle(page.html, page.url);
  const { document } = parseHTML(`<!doctype html><html><body>${result.content ?? ''}</body></html>`);
  return {
    text: htmlText(document.body),
    title: str(result.title),
    author: str(result.author),
    published: str(result.published),
    error: null,
  };
}

/**
 * All systems, in table order; `minWords` lists the N of the keep-long-lines
 * baselines.
 */
export function systems({ minWords = [10], declutterOptions = {} } = {}) {
  return [
    { name: 'declutter', input: 'html', target: true, run: (p) => declutter.extract(p.htmlBytes, { id: p.id, input: 'html' }, declutterOptions) },
    { name: 'readability', input: 'html', run: readability },
    { name: 'defuddle', input: 'html', run: defuddle },
    { name: 'declutter', input: 'txt', target: true, run: (p) => declutter.extract(p.txtBytes, { id: p.id, input: 'txt' }, declutterOptions) },
    { name: 'every-line', input: 'txt', run: keepEveryLine },
    ...minWords.map((n) => ({ name: `lines>=${n}`, input: 'txt', run: keepLongLines(n) })),
  ];
}
