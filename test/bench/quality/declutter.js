// declutter as a system of the quality benchmark (scored on WCXB, the Web
// Content eXtraction Benchmark, CC-BY-4.0).
//
// Contract: `extract(bytes, { id, input })` takes the raw bytes of one page
// (`input` is `'html'` for the page's HTML, `'txt'` for its text dump) and
// returns `{ text, title, author, published, error }`:
// - `text`: the article's body as plain text, its blocks (paragraphs, and
//   the headings, list items, quotes and tables that are part of the body,
//   in the order the library gives them) joined with blank lines; the title
//   is not part of it (the corpus's gold content leaves it out);
// - `title`, `author` (the byline), `published` (the normalized date, which
//   keeps the page's own zone offset and so the calendar day it printed; the
//   date as printed when there is no normalized one): strings, `''` when absent;
// - `error`: `null`, or the library's error code (`unrecognized`, `empty`,
//   …) when it refused the page, which then counts as an empty answer.
// The library gets the bytes as they are, with `{ path: '<id>.html' }` or
// `{ path: '<id>.txt' }`, so that it picks its reader from the path as the
// CLI does; `options` passes more (`{ source: 'generic' }` to force one).
// It imports the built library, so run `npm run build` first.
import { DeclutterError, clean } from '../../../dist/lib/index.js';

export const name = 'declutter';

/** The plain text of one body block, whatever shape the library gives it. */
function blockText(block) {
  if (typeof block === 'string') return block;
  if (block && typeof block === 'object') {
    if (typeof block.text === 'string') return block.text;
    if (Array.isArray(block.items)) return block.items.map(blockText).join('\n');
    if (Array.isArray(block.rows)) return block.rows.map((row) => (Array.isArray(row) ? row.map(blockText).join('\t') : blockText(row))).join('\n');
  }
  return '';
}

function str(value) {
  return typeof value === 'string' ? value : '';
}

export function extract(bytes, { id, input }, options = {}) {
  let article;
  try {
    article = clean(bytes, { ...options, path: `${id}.${input}` });
  } catch (error) {
    const code = error instanceof DeclutterError ? error.code : 'exception';
    return { text: '', title: '', author: '', published: '', error: code };
  }
  const body = Array.isArray(article.body) ? article.body : [];
  return {
    text: body.map(blockText).filter((t) => t.trim() !== '').join('\n\n'),
    title: str(article.title),
    author: str(article.byline),
    published: str(article.published) || str(article.extraction?.dates?.published),
    error: null,
  };
}
