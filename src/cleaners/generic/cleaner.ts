/**
 * The generic cleaner as the registry's last resort: the pipeline calls it
 * for a page that no site cleaner recognizes. It judges each page instead of
 * recognizing a site, so it never wins detection (`fallback`) and labels
 * through `labelPage`, which also says how sure it is and what looked wrong.
 */
import type { DocumentMetadata } from '../../input/types.js';
import type { Cleaner, PageLabelling } from '../../pipeline/cleaner.js';
import type { Captures, Label, LabelledLine, Line } from '../../pipeline/types.js';
import { toBlocks, type Block } from './blocks.js';
import { cleanGeneric, type GenericLabel } from './index.js';

export const GENERIC_ID = 'generic';

/** The warning every generic article carries, so a reader knows no site's rules were applied. */
export const GENERIC_WARNING = 'no site cleaner recognizes this page; used the generic cleaner';

/**
 * Dates as pages print them near a title, for `normalizeDate` (date-fns
 * patterns, tried in order). Ordinals and "of" are taken out first.
 */
const DATE_FORMATS = [
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm",
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd',
  'MMMM d, yyyy',
  'MMMM d yyyy',
  'MMM d, yyyy',
  'MMM d yyyy',
  'MMM. d, yyyy',
  'd MMMM yyyy',
  'd MMMM, yyyy',
  'd MMM yyyy',
  'd MMM, yyyy',
  'd MMM. yyyy',
  'dd.MM.yyyy',
  'd.M.yyyy',
  'dd/MM/yyyy',
];

export const genericCleaner: Cleaner = {
  id: GENERIC_ID,
  site: 'any site',
  version: '1.0.0',
  recognizes:
    'any page, as text dump or HTML: main content found by a line model (boosted trees over per-block features, smoothed along the page); title, byline and dates near the title; the document\'s own metadata for HTML',
  timeZone: 'UTC',
  dateFormats: DATE_FORMATS,
  printedZones: { UTC: 'UTC', GMT: 'UTC' },
  bylineAgencies: [],
  clutterMarkers: [],
  fingerprints: [],
  fallback: true,
  score: () => ({ confidence: 0, evidence: [] }),
  label: (lines) => labelGeneric(lines, null).lines,
  labelPage: labelGeneric,
};

function labelGeneric(lines: readonly Line[], document: DocumentMetadata | null): PageLabelling {
  const page = [...lines];
  const result = cleanGeneric(page, document);
  // The model labels blocks (a paragraph wrapped over several lines is one):
  // a block's first line carries the block's text, the others continue it.
  const blockOf = new Map<number, Block>();
  for (const block of toBlocks(page)) for (const index of block.lines) blockOf.set(index, block);
  const labelled = lines.map((line, index): LabelledLine => {
    const markup = line.markup ? { markup: line.markup } : {};
    if (line.text === '') return { n: line.n, text: '', label: 'dropped', rule: 'blank', zone: 'page', ...markup };
    const verdict = result.labels[index]!;
    const entry: LabelledLine = {
      n: line.n,
      text: line.text,
      label: verdict.label as Label,
      rule: ruleName(verdict),
      zone: 'page',
      signals: verdict.signals,
      ...markup,
    };
    if (verdict.label === 'dropped' && verdict.reason) entry.reason = verdict.reason;
    const block = blockOf.get(index);
    const captures = capturesFor(verdict, line.text, result) ?? {};
    if (block && block.lines[0] !== index) entry.continues = true;
    else if (block && (block.lines.length > 1 || block.bare !== line.text)) captures.text = block.bare;
    if (Object.keys(captures).length > 0) entry.captures = captures;
    return entry;
  });
  // An empty body is the pipeline's own warning; "very short" would say it twice.
  const warnings = result.body.length === 0 ? result.warnings.filter((warning) => !warning.startsWith('very short body')) : result.warnings;
  return { lines: labelled, confidence: result.confidence, warnings: [GENERIC_WARNING, ...warnings], metadata: vouched(document, result) };
}

function ruleName(verdict: GenericLabel): string {
  if (verdict.label === 'body') return `generic-${verdict.kind ?? 'paragraph'}`;
  if (verdict.label === 'dropped') return 'generic-boilerplate';
  return `generic-${verdict.label}`;
}

function capturesFor(verdict: GenericLabel, text: string, result: ReturnType<typeof cleanGeneric>): Captures | null {
  if (verdict.label === 'byline' || verdict.label === 'meta') {
    // a byline's block may carry the date too ("Jane Doe | May 4, 2025")
    const captures: Captures = verdict.label === 'byline' && result.byline ? { byline: result.byline } : {};
    const on = (date: string | null, line: number | null) => date !== null && (text.includes(date) || line === verdict.n);
    if (on(result.published, result.publishedLine)) captures.published = printedDate(result.published!);
    if (on(result.updated, result.updatedLine)) captures.updated = printedDate(result.updated!);
    return Object.keys(captures).length > 0 ? captures : null;
  }
  return null;
}

/** `4th of September, 2025` → `4 September, 2025`: the shape the date formats read. */
function printedDate(printed: string): string {
  return printed
    .replace(/(\d)(?:st|nd|rd|th)\b/giu, '$1')
    .replace(/\s+of\s+/giu, ' ')
    .replace(/(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/u, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The document's metadata less the author and dates the model did not take:
 * it uses a stated author or date only where the page bears it out.
 */
function vouched(document: DocumentMetadata | null, result: ReturnType<typeof cleanGeneric>): DocumentMetadata | null {
  if (document === null) return null;
  const keep = (value: string | null, chosen: string | null) => (value !== null && value === chosen ? value : null);
  const author = keep(document.author, result.byline);
  const published = keep(document.published, result.published);
  const modified = keep(document.modified, result.updated);
  const from = { ...document.from };
  if (author === null) delete from.author;
  if (published === null) delete from.published;
  if (modified === null) delete from.modified;
  return { ...document, author, published, modified, from };
}
