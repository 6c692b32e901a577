import type { Cleaner } from './cleaner.js';
import type { DocumentMetadata } from '../input/types.js';
import { normalizeDate, normalizeIsoDate } from './dates/index.js';
import type {
  Article,
  Captures,
  Extraction,
  FieldName,
  ImageCredit,
  InputInfo,
  LabelledLine,
  MetadataField,
  RelatedStory,
} from './types.js';

export interface AssembleContext {
  cleaner: Cleaner;
  confidence: number;
  input: InputInfo;
  encoding: string;
  /** Zone for dates printed without one; defaults to the cleaner's. */
  timeZone?: string;
  /** Warnings from earlier stages (decoding, reading the markup). */
  warnings?: readonly string[];
  /** Which reader read the page (default `text`). */
  reader?: 'text' | 'html';
  /** What an HTML document states about itself: fills what the visible page leaves empty. */
  metadata?: DocumentMetadata | null;
}

/** Builds the article from labelled lines. Pure: the same labels give the same article. */
export function assemble(lines: readonly LabelledLine[], context: AssembleContext): Article {
  const { cleaner } = context;
  const timeZone = context.timeZone ?? cleaner.timeZone;
  const provenance = new Provenance();
  const warnings = [...(context.warnings ?? [])];

  let title: string | null = null;
  const summary: string[] = [];
  const body: string[] = [];
  const notes: string[] = [];
  const countries: string[] = [];
  const countrySet = new Set<string>();
  const captured: Partial<Record<'byline' | 'agency' | 'dateline' | 'published' | 'updated', string>> = {};
  let image: ImageCredit | null = null;
  const related = new RelatedList();

  for (const line of lines) {
    const captures: Captures = line.captures ?? {};
    const text = captures.text ?? line.text;
    for (const field of ['byline', 'agency', 'dateline', 'published', 'updated'] as const) {
      const value = captures[field];
      if (value !== undefined && captured[field] === undefined) {
        captured[field] = value;
        provenance.add(field, line.n);
      }
    }
    switch (line.label) {
      case 'title':
        if (title === null) {
          title = text;
          provenance.add('title', line.n);
        }
        break;
      case 'summary':
        summary.push(text);
        provenance.add('summary', line.n);
        break;
      case 'body':
        if (!line.continues) body.push(text);
        provenance.add('body', line.n);
        break;
      case 'note':
        notes.push(text);
        provenance.add('notes', line.n);
        break;
      case 'countries':
        // A set beside the list: an `includes` per line made 200,000 country lines quadratic (a minute).
        if (captures.country !== undefined && !countrySet.has(captures.country)) {
          countrySet.add(captures.country);
          countries.push(captures.country);
        }
        provenance.add('countries', line.n);
        break;
      case 'image':
        if (image === null && captures.credit !== undefined) {
          image = { caption: captures.caption ?? null, credit: captures.credit };
          provenance.add('image', line.n);
        }
        break;
      case 'related':
        if (!line.continues && related.add(line)) provenance.add('related', line.n);
        break;
      default:
        break;
    }
  }

  let byline = captured.byline ?? null;
  let agency = captured.agency ?? null;
  if (agency === null && byline !== null && cleaner.bylineAgencies.includes(byline)) {
    agency = byline;
    provenance.copy('byline', 'agency');
  }

  const date = (printed: string | undefined): string | null => {
    if (printed === undefined) return null;
    const normalized = normalizeDate(printed, cleaner.dateFormats, timeZone, cleaner.printedZones);
    if (normalized.warning) warnings.push(normalized.warning);
    return normalized.iso;
  };
  let published = date(captured.published);
  let updated = date(captured.updated);
  const printedDates = { published: captured.published ?? null, updated: captured.updated ?? null };

  // The cleaner's reading of the visible page wins; the document's own metadata fills what it left empty.
  const metadata = context.metadata ?? null;
  const from: Partial<Record<MetadataField, string>> = {};
  const fill = <K extends keyof Omit<DocumentMetadata, 'from' | 'times'>>(field: MetadataField, keys: K[]): string | null => {
    if (metadata === null) return null;
    for (const key of keys) {
      const value = metadata[key];
      if (value !== null && value.trim() !== '') {
        from[field] = metadata.from[key] ?? 'html';
        return value.trim();
      }
    }
    return null;
  };
  if (metadata !== null) {
    if (title === null) title = fill('title', ['headline', 'ogTitle', 'title']);
    if (byline === null) byline = fill('byline', ['author']);
    const metadataDate = (field: 'published' | 'updated', key: 'published' | 'modified'): string | null => {
      const printed = metadata[key];
      if (printed === null) return null;
      const iso = readStatedDate(printed, timeZone, cleaner.fallback === true && context.timeZone === undefined, cleaner);
      if (iso === null) {
        warnings.push(`could not read the document's ${key} date "${printed}"`);
        return null;
      }
      from[field] = metadata.from[key] ?? 'html';
      printedDates[field] = printed;
      return iso;
    };
    if (published === null && captured.published === undefined) published = metadataDate('published', 'published');
    if (updated === null && captured.updated === undefined) updated = metadataDate('updated', 'modified');
  }
  const url = fill('url', ['url']);
  const language = fill('language', ['language']);

  const missing = cleaner.missingParts?.(lines) ?? [];
  if (missing.length > 0) warnings.push(`layout not as expected: ${missing.map((part) => `no ${part}`).join(', ')}`);
  if (title === null) warnings.push('no title found');
  if (published === null && updated === null && captured.published === undefined && captured.updated === undefined) warnings.push('no date found');
  if (body.length === 0) warnings.push('empty body');

  const extraction: Extraction = {
    cleaner: cleaner.id,
    version: cleaner.version,
    confidence: context.confidence,
    reader: context.reader ?? 'text',
    encoding: context.encoding,
    timeZone,
    dates: printedDates,
    lines: countLines(lines),
    fields: provenance.fields(),
    from: orderedFrom(from),
  };

  return {
    source: cleaner.id,
    url,
    title: title ?? '',
    summary: summary.length > 0 ? summary.join(' ') : null,
    byline,
    agency,
    dateline: captured.dateline ?? null,
    published,
    updated,
    language,
    countries,
    image,
    body,
    notes,
    related: related.stories,
    wordCount: countWords(body),
    input: context.input,
    extraction,
    warnings,
  };
}

/**
 * A date as a document states it: ISO 8601 as `normalizeIsoDate` reads it;
 * else the same with what templates wrap around it taken off (quotes,
 * `2025-12-17UTC07:30:00+00:00`, `2025-12-13 00:00:00 +0000 UTC`); else a
 * printed date in one of the cleaner's formats (`Feb 08, 2022`).
 */
function readStatedDate(printed: string, timeZone: string, keepStatedOffset: boolean, cleaner: Cleaner): string | null {
  const iso = normalizeIsoDate(printed, timeZone, keepStatedOffset);
  if (iso !== null) return iso;
  const text = printed
    .trim()
    .replace(/^["'\s]+|["'\s]+$/gu, '')
    .replace(/^(\d{4}-\d{2}-\d{2})\s*UTC\s*(?=\d{2}:)/u, '$1T')
    .replace(/\s+(?:UTC|GMT)$/u, '')
    .replace(/(\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s+(?:UTC|GMT)?\s*([+-]\d{2}:?\d{2})$/u, '$1$2');
  if (text !== printed) {
    const cleaned = normalizeIsoDate(text, timeZone, keepStatedOffset);
    if (cleaned !== null) return cleaned;
  }
  if (/^\d{4}-\d{2}-\d{2}/u.test(text)) return null;
  const shaped = text.replace(/(\d)(?:st|nd|rd|th)\b/giu, '$1').replace(/\s+/gu, ' ');
  return normalizeDate(shaped, cleaner.dateFormats, timeZone, cleaner.printedZones).iso;
}

const METADATA_ORDER: MetadataField[] = ['url', 'title', 'byline', 'published', 'updated', 'language'];

/** In the article's key order, for stable output. */
function orderedFrom(from: Partial<Record<MetadataField, string>>): Partial<Record<MetadataField, string>> {
  const ordered: Partial<Record<MetadataField, string>> = {};
  for (const field of METADATA_ORDER) if (from[field] !== undefined) ordered[field] = from[field];
  return ordered;
}

/** Words in the paragraphs: runs of characters other than white space (as `\s` defines it). */
export function countWords(paragraphs: readonly string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) {
    // Counted in place: splitting allocated an array of every word of every page.
    let inWord = false;
    for (let i = 0; i < paragraph.length; i++) {
      const space = isWhiteSpace(paragraph.charCodeAt(i));
      if (!space && !inWord) words++;
      inWord = !space;
    }
  }
  return words;
}

/** The code units JavaScript's `\s` matches. */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function countLines(lines: readonly LabelledLine[]): Extraction['lines'] {
  let blank = 0;
  let dropped = 0;
  for (const line of lines) {
    if (line.rule === 'blank') blank++;
    else if (line.label === 'dropped') dropped++;
  }
  return { total: lines.length, kept: lines.length - blank - dropped, dropped, blank };
}

/** Headlines listed on the page, each once, with the section printed beside them. */
class RelatedList {
  readonly stories: RelatedStory[] = [];
  private readonly seen = new Set<string>();
  private pendingSection: string | null = null;
  private last: RelatedStory | null = null;

  /** Takes a related line; true when it contributed to the list. */
  add(line: LabelledLine): boolean {
    const section = line.captures?.section;
    if (section !== undefined) {
      if (line.attach === 'next') {
        this.pendingSection = section;
        return true;
      }
      if (this.last && this.last.section === null) this.last.section = section;
      return this.last !== null;
    }
    const title = line.captures?.text ?? line.text;
    const story: RelatedStory = { title, section: this.pendingSection };
    this.pendingSection = null;
    if (this.seen.has(title)) {
      this.last = null;
      return false;
    }
    this.seen.add(title);
    this.stories.push(story);
    this.last = story;
    return true;
  }
}

/** Which input lines each field came from. */
class Provenance {
  private readonly map = new Map<FieldName, number[]>();

  add(field: FieldName, lineNumber: number): void {
    const numbers = this.map.get(field);
    if (!numbers) this.map.set(field, [lineNumber]);
    else if (numbers[numbers.length - 1] !== lineNumber) numbers.push(lineNumber);
  }

  copy(from: FieldName, to: FieldName): void {
    const numbers = this.map.get(from);
    if (numbers) this.map.set(to, [...numbers]);
  }

  /** In the article's key order, for stable output. */
  fields(): Extraction['fields'] {
    const order: FieldName[] = ['title', 'summary', 'byline', 'agency', 'dateline', 'published', 'updated', 'countries', 'image', 'body', 'notes', 'related'];
    const fields: Extraction['fields'] = {};
    for (const field of order) {
      const numbers = this.map.get(field);
      if (numbers) fields[field] = numbers;
    }
    return fields;
  }
}
