#!/usr/bin/env node
// For tuning when the generic cleaner trusts the HTML document's stated author and date:
// writes one JSON line per page (training domains only unless --held) with the gold author and
// date of ../shared/corpora/wcxb-dev (WCXB, CC-BY-4.0), the stated metadata and what the
// cleaner finds printed near the title when it is given no stated author or date.
//   node scripts/generic/meta-dump.mjs [--corpus DIR] [--held] > OUT.jsonl
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CORPUS, loadPages, readHtml, option } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const corpus = resolve(option('--corpus', DEFAULT_CORPUS));
const { cleanGeneric } = await import(join(root, 'dist', 'lib', 'cleaners', 'generic', 'index.js'));
const { parseHtml } = await import(join(root, 'dist', 'lib', 'input', 'html', 'index.js'));
const { toBlocks } = await import(join(root, 'dist', 'lib', 'cleaners', 'generic', 'blocks.js'));
const { pagePrintsDay, pagePrintsName } = await import(join(root, 'dist', 'lib', 'cleaners', 'generic', 'meta.js'));
const held = args.includes('--held');
for (const page of loadPages(corpus).filter((p) => p.held === held)) {
  const { lines, metadata } = parseHtml(readHtml(corpus, page.id));
  const bare = { ...metadata, author: null, published: null, modified: null };
  const r = cleanGeneric(lines, bare);
  const stated = cleanGeneric(lines, metadata);
  const blocks = toBlocks(lines);
  process.stdout.write(
    JSON.stringify({
      id: page.id,
      type: page.page_type,
      goldAuthor: page.author ?? '',
      goldDate: page.publish_date ?? '',
      title: stated.title ?? '',
      author: metadata.author,
      authorFrom: metadata.from.author ?? null,
      published: metadata.published,
      publishedFrom: metadata.from.published ?? null,
      modified: metadata.modified,
      metaType: metadata.type,
      siteName: metadata.siteName,
      namePrinted: metadata.author ? pagePrintsName(blocks, metadata.author) : null,
      dayPrinted: metadata.published ? pagePrintsDay(blocks, metadata.published) : null,
      printedAuthor: r.byline,
      printedDate: r.published,
      printedUpdated: r.updated,
    }) + '\n',
  );
}
