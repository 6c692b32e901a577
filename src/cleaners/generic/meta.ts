/**
 * Title, byline and dates of a page, found among the blocks around the
 * start of the main content. The title is chosen by a small learned model
 * over candidate blocks; byline and dates by their printed shape near it.
 */
import type { DocumentMetadata } from '../../input/types.js';
import type { Block } from './blocks.js';
import type { BlockStats } from './features.js';

const WORD = /[\p{L}\p{N}_]+/gu;
const UPPER = /^\p{Lu}/u;
const LETTER = /\p{L}/u;
const ASCII = /^[\x00-\x7f]*$/;
const UPPER_CH = /\p{Lu}/u;
const DIGIT = /\d/u;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Dates as pages print them; the first match is the date as printed. */
export const PRINTED_DATE = new RegExp(
  [
    '\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?',
    `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+\\d{4}\\b`,
    '\\b\\d{1,2}[./]\\d{1,2}[./]\\d{4}\\b',
  ].join('|'),
  'iu',
);
const UPDATED = /\b(updated|modified|last edited|edited|revised|aktualisiert|mis à jour|actualizado)\b/iu;
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const INNER_BY = new RegExp(`\\bby\\s+(${NAME_WORD}(?:\\s+(?:(?:de|van|von|der|da|di|le|la)\\s+)?${NAME_WORD}){1,3})`, 'u');
/** A person's name on a line of its own: two to four capitalised words. */
const NAME = new RegExp(`^${NAME_WORD}(?:\\s+(?:(?:de|van|von|der|da|di|le|la)\\s+)?${NAME_WORD}){1,3}$`, 'u');
const NOT_NAME =
  /\b(home|news|menu|share|search|login|log in|sign|subscribe|contact|about|privacy|terms|cookies?|blog|read|more|comments?|posted|updated|published|by|the|and|of|for|in|on|to|our|your|all|new|latest|top|best|how|what|why)\b/iu;
const BY = /^(?:by:?|written by:?|posted by:?|words by:?|story by:?|authors?:|contributors?:|von|par|por|di|door)\s+(.+)$/iu;
/** A byline's label on a block of its own, the name on the next ("Written by" / "Jane Doe"). */
const BY_LABEL = /^(?:by|written by|posted by|words by|story by|authors?|contributors?|reviewed by|edited by)\s*:?$/iu;

export const TITLE_FEATURES = [
  'words', 'logChars', 'capRatio', 'endsSentence', 'endsColon', 'bullet', 'repeat', 'date', 'byline', 'blankBefore',
  'blankAfter', 'distFirst', 'distStrong', 'relIndex', 'p', 'kept', 'nextMeta', 'prevMeta', 'bodyOverlap', 'candRank',
  'heading', 'h1', 'metaMatch', 'metaExact', 'separators', 'digitRatio', 'upperRatio', 'firstOfType',
] as const;

function words(s: string): string[] {
  return (s.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** Token F1 of two texts (lower-cased words). */
export function tokenF1(a: string, b: string): number {
  const A = words(a), B = words(b);
  if (!A.length || !B.length) return 0;
  const m = new Map<string, number>();
  for (const w of A) m.set(w, (m.get(w) ?? 0) + 1);
  let tp = 0;
  for (const w of B) {
    const c = m.get(w) ?? 0;
    if (c > 0) {
      tp++;
      m.set(w, c - 1);
    }
  }
  return (2 * tp) / (A.length + B.length);
}

export function isMetaLine(text: string): boolean {
  // every printed date shape has a digit
  return (DIGIT.test(text) && PRINTED_DATE.test(text) && words(text).length <= 14) || BY.test(text);
}

/** Blocks that may be the title: short, not a list item, around the start of the content. */
export function titleCandidates(blocks: Block[], stats: BlockStats[], keep: boolean[]): { idx: number[]; first: number; strong: number } {
  const n = blocks.length;
  let first = keep.indexOf(true);
  if (first < 0) first = 0;
  let strong = first;
  for (let i = first; i < n; i++) {
    if (keep[i] && stats[i]!.words >= 15) {
      strong = i;
      break;
    }
  }
  const idx: number[] = [];
  for (let i = Math.max(0, Math.min(first - 25, strong - 40)); i < Math.min(n, strong + 4); i++) {
    const w = stats[i]!.words;
    if (w < 1 || w > 40) continue;
    if (blocks[i]!.markup?.hidden) continue;
    idx.push(i);
  }
  return { idx, first, strong };
}

export function titleFeatures(
  blocks: Block[],
  stats: BlockStats[],
  p: number[],
  keep: boolean[],
  metadata: DocumentMetadata | null | undefined,
): { idx: number[]; rows: Float64Array[] } {
  const { idx, first, strong } = titleCandidates(blocks, stats, keep);
  const body: string[] = [];
  for (let i = strong; i < blocks.length && body.length < 300; i++) if (keep[i]) body.push(...words(blocks[i]!.bare));
  const bodySet = new Set(body);
  const metaTitles = metadata ? [metadata.headline, metadata.ogTitle, metadata.title].filter((t): t is string => !!t) : [];
  const metaNorm = metaTitles.map(norm);
  const seen = new Set<string>();
  let firstH1 = -1;
  const rows = idx.map((i, r) => {
    const b = blocks[i]!, s = stats[i]!, t = b.bare;
    const ws = words(t);
    let caps = 0, digits = 0, letters = 0, upper = 0;
    // an ASCII block's capitalised words are the ones counted with its features
    if (ASCII.test(t)) caps = s.caps;
    else for (const tok of t.match(WORD) ?? []) if (UPPER.test(tok)) caps++;
    for (const ch of t) {
      const c = ch.charCodeAt(0);
      if (c < 128) {
        if (c >= 48 && c <= 57) digits++;
        else if (c >= 97 && c <= 122) letters++;
        else if (c >= 65 && c <= 90) {
          letters++;
          upper++;
        }
      } else if (LETTER.test(ch)) {
        letters++;
        if (UPPER_CH.test(ch)) upper++;
      }
    }
    let overlap = 0;
    for (const w of ws) if (bodySet.has(w)) overlap++;
    const heading = b.markup?.heading ?? 0;
    if (heading === 1 && firstH1 < 0) firstH1 = i;
    let metaMatch = 0, metaExact = 0;
    const nt = metaTitles.length ? norm(t) : '';
    metaTitles.forEach((m, j) => {
      metaMatch = Math.max(metaMatch, tokenF1(m, t));
      if (metaNorm[j] === nt) metaExact = 1;
      else if (metaNorm[j]!.startsWith(nt) && ws.length >= 3) metaExact = Math.max(metaExact, 0.5);
    });
    const shape = (b.bullet ? 'b' : '') + (heading ? 'h' + heading : '');
    const firstOfType = seen.has(shape) ? 0 : 1;
    seen.add(shape);
    const row = Float64Array.from([
      s.words,
      Math.log1p(t.length),
      s.words ? caps / s.words : 0,
      s.endsSentence ? 1 : 0,
      /:$/u.test(t) ? 1 : 0,
      b.bullet ? 1 : 0,
      Math.min(s.repeat, 5),
      DIGIT.test(t) && PRINTED_DATE.test(t) ? 1 : 0,
      BY.test(t) ? 1 : 0,
      b.blankBefore ? 1 : 0,
      b.blankAfter ? 1 : 0,
      i - first,
      i - strong,
      blocks.length > 1 ? i / (blocks.length - 1) : 0,
      p[i] ?? 0,
      keep[i] ? 1 : 0,
      i + 1 < blocks.length && isMetaLine(blocks[i + 1]!.bare) ? 1 : 0,
      i > 0 && isMetaLine(blocks[i - 1]!.bare) ? 1 : 0,
      ws.length ? overlap / ws.length : 0,
      r / Math.max(1, idx.length),
      heading,
      heading === 1 ? (firstH1 === i ? 2 : 1) : 0,
      metaMatch,
      metaExact,
      (t.match(/\s[|·»›]\s|\s[-–—]\s/gu) ?? []).length,
      t.length ? digits / t.length : 0,
      letters ? upper / letters : 0,
      firstOfType,
    ]);
    return row;
  });
  return { idx, rows };
}

export function norm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/gu, '"')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The document's own title without a trailing or leading site name ("Story | Site", "Site - Story"). */
export function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—•·»:-]\s+/u);
  if (parts.length < 2) return title.trim();
  if (siteName) {
    const sn = norm(siteName);
    const kept = parts.filter((p) => norm(p) !== sn && tokenF1(p, siteName) < 0.8);
    if (kept.length && kept.length < parts.length) return kept.join(' - ').trim();
  }
  // keep the longest part
  return parts.reduce((a, b) => (words(b).length > words(a).length ? b : a)).trim();
}

/** The name in a byline block ("By Jane Doe and John Roe, Reporter | May 4, 2025" → "Jane Doe and John Roe"). */
export function bylineName(text: string): string | null {
  const m = BY.exec(text.trim());
  let s = m ? m[1]! : text.trim();
  s = s.replace(PRINTED_DATE, '|').split(/\s*[|•·,;]\s*|\s+[-–—]\s+|\s+(?:on|updated|published)\s+/iu)[0]!.trim();
  s = s.replace(/^(?:by)\s+/iu, '').trim();
  const ws = s.split(/\s+/u).filter(Boolean);
  if (ws.length < 1 || ws.length > 8) return null;
  if (!UPPER.test(s)) return null;
  return s;
}

export interface FoundMeta {
  byline: string | null;
  bylineAt: number;
  published: string | null;
  updated: string | null;
  dateAt: number[];
  /** The blocks the published and updated dates are on (-1 when none). */
  publishedAt: number;
  updatedAt: number;
}

/**
 * Byline and dates printed within a few blocks of the title. `stamps` gives
 * the `<time datetime>` shown on a block (block index → datetime): a block
 * shows that date whatever words it prints it in (`3 days ago`, `Dec 3`); of
 * a numeric date that may be either of two days (`04/05/2025`), it says which.
 */
export function findMeta(
  blocks: Block[],
  stats: BlockStats[],
  titleAt: number,
  firstBody: number,
  stamps: ReadonlyMap<number, string> = new Map(),
): FoundMeta {
  const out: FoundMeta = { byline: null, bylineAt: -1, published: null, updated: null, dateAt: [], publishedAt: -1, updatedAt: -1 };
  const anchor = titleAt >= 0 ? titleAt : firstBody;
  if (anchor < 0) return out;
  const lo = Math.max(0, anchor - 6), hi = Math.min(blocks.length - 1, Math.max(anchor + 8, firstBody + 2));
  const order: number[] = [];
  for (let d = 0; d <= hi - lo; d++) {
    if (anchor + d <= hi) order.push(anchor + d);
    if (d > 0 && anchor - d >= lo) order.push(anchor - d);
  }
  for (const i of order) {
    const t = blocks[i]!.bare;
    if (stats[i]!.words > 30 || i === titleAt) continue;
    const dm = DIGIT.test(t) ? PRINTED_DATE.exec(t) : null; // every printed date shape has a digit
    let date = dm ? dm[0] : null;
    const stamp = stamps.get(i);
    if (stamp !== undefined) {
      const day = daysOf(stamp)[0];
      if (day !== undefined && (date === null || (daysOf(date).length > 1 && daysOf(date).includes(day)))) date = stamp;
    }
    if (date !== null) {
      if (UPDATED.test(t.slice(0, dm ? dm.index + 1 : t.length))) {
        if (!out.updated) {
          out.updated = date;
          out.updatedAt = i;
        }
      } else if (!out.published) {
        out.published = date;
        out.publishedAt = i;
      }
      out.dateAt.push(i);
    }
    if (!out.byline && BY.test(t)) {
      const name = bylineName(t);
      if (name) {
        out.byline = name;
        out.bylineAt = i;
      }
    }
  }
  if (!out.byline) {
    // "Posted on May 4, 2025 by Jane Doe", or a bare name next to the date
    for (const i of order) {
      const t = blocks[i]!.bare;
      if (i === titleAt || stats[i]!.words > 14) continue;
      const m = INNER_BY.exec(t);
      if (m) {
        out.byline = m[1]!;
        out.bylineAt = i;
        break;
      }
    }
  }
  if (!out.byline) {
    // "Written by" on a block of its own, the name on the next one or two
    for (const i of order) {
      if (i === titleAt || !BY_LABEL.test(blocks[i]!.bare)) continue;
      for (const j of [i + 1, i + 2]) {
        if (j >= blocks.length || j === titleAt) continue;
        const t = blocks[j]!.bare;
        if (NAME.test(t) && !NOT_NAME.test(t)) {
          out.byline = t;
          out.bylineAt = j;
          break;
        }
      }
      if (out.byline) break;
    }
  }
  if (!out.byline) {
    // a name that starts the date's own block: "Jane Doe | Senior Writer | May 4, 2025", "Jane Doe 4 May 2025"
    for (const d of out.dateAt) {
      const t = blocks[d]!.bare;
      if (d === titleAt || stats[d]!.words > 14) continue;
      const first = t.replace(PRINTED_DATE, '|').split(/\s*[|•·,;]\s*|\s+[-–—]\s+/u)[0]!.trim();
      if (first && NAME.test(first) && !NOT_NAME.test(first)) {
        out.byline = first;
        out.bylineAt = d;
        break;
      }
    }
  }
  if (!out.byline) {
    for (const d of out.dateAt) {
      for (const i of [d - 1, d + 1, d - 2, d + 2]) {
        if (i < 0 || i >= blocks.length || i === titleAt) continue;
        const t = blocks[i]!.bare;
        if (NAME.test(t) && !NOT_NAME.test(t)) {
          out.byline = t;
          out.bylineAt = i;
          break;
        }
      }
      if (out.byline) break;
    }
  }
  if (!out.published && out.updated) {
    out.published = out.updated;
    out.publishedAt = out.updatedAt;
    out.updated = null;
    out.updatedAt = -1;
  }
  return out;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const pad = (x: number | string) => String(x).padStart(2, '0');

/** The calendar days a printed date may mean (`2025-01-29`; both readings of `04/05/2025`). */
export function daysOf(text: string): string[] {
  let m = /(\d{4})-(\d{2})-(\d{2})/u.exec(text);
  if (m) return [`${m[1]}-${m[2]}-${m[3]}`];
  m = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/iu.exec(text);
  if (m && MONTHS[m[1]!.toLowerCase()]) return [`${m[3]}-${pad(MONTHS[m[1]!.toLowerCase()]!)}-${pad(m[2]!)}`];
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3})[a-z]*\.?,?\s+(\d{4})/iu.exec(text);
  if (m && MONTHS[m[2]!.toLowerCase()]) return [`${m[3]}-${pad(MONTHS[m[2]!.toLowerCase()]!)}-${pad(m[1]!)}`];
  m = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})/u.exec(text);
  if (m) return [`${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`, `${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}`];
  return printedDays(text);
}

/** How many blocks print a date (in a shape of PRINTED_DATE), counting up to `limit`. */
export function datedBlocks(blocks: Block[], limit: number): number {
  let n = 0;
  for (const b of blocks) {
    if (DIGIT.test(b.bare) && PRINTED_DATE.test(b.bare) && ++n >= limit) break;
  }
  return n;
}

/**
 * Month names and their usual abbreviations in the languages pages are most
 * often written in (English, German, French, Spanish, Italian, Portuguese,
 * Dutch), lower case, for reading the day a page prints.
 */
const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
  const names: string[][] = [
    ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari'],
    ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fév', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari'],
    ['march', 'mar', 'märz', 'maerz', 'mär', 'mars', 'marzo', 'março', 'marco', 'maart', 'mrt'],
    ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
    ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
    ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
    ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
    ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus'],
    ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro'],
    ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
    ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
    ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro'],
  ];
  const map = new Map<string, number>();
  names.forEach((list, i) => {
    for (const name of list) map.set(name, i + 1);
  });
  return map;
})();
const MONTH_WORD = '(\\p{L}{3,10})\\.?';
const YEAR = '((?:19|20)\\d{2})(?!\\d(?!\\d?:\\d{2}))';
/**
 * Every shape of a printed day that `printedDays` reads, one alternative each:
 * `March 3rd, 2024`, `3 March 2024`, `3. März 2024`, `3 de marzo de 2024`,
 * `Sun Mar 3, 2024`, `2024年3月3日` / `2024년 3월 3일`, `2024-03-03`,
 * `2024/3/3`, `2024.03.03`, `03.03.2024`, `3/3/2024`, `03-03-2024`,
 * `2024 Mar 3`. A year
 * runs into a time printed right after it (`March 3, 20246:01 PM`).
 */
const DAY_SHAPES = new RegExp(
  [
    `(?<!\\p{L})${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}`,
    `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th|\\.|º)?\\s*(?:of\\s+|de\\s+)?${MONTH_WORD},?\\s+(?:de\\s+)?${YEAR}`,
    `(?<!\\d)((?:19|20)\\d{2})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]`,
    `(?<![\\d.:/-])((?:19|20)\\d{2})([-/.•])(\\d{1,2})\\11(\\d{1,2})(?!\\d)`,
    `(?<![\\d.:/-])(\\d{1,2})([-/.])(\\d{1,2})\\15${YEAR}`,
    `(?<!\\d)((?:19|20)\\d{2})\\s+${MONTH_WORD}\\s+(\\d{1,2})(?![\\d:])`,
  ].join('|'),
  'giu',
);

function validDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Every calendar day a text prints, in any shape of DAY_SHAPES, in the
 * order printed; a numeric day whose order is not known (`04/05/2025`)
 * gives both readings.
 */
export function printedDays(text: string): string[] {
  const out: string[] = [];
  const add = (day: string | null) => {
    if (day !== null && !out.includes(day)) out.push(day);
  };
  DAY_SHAPES.lastIndex = 0;
  for (let m = DAY_SHAPES.exec(text); m; m = DAY_SHAPES.exec(text)) {
    if (m[1] !== undefined) {
      const month = MONTH_WORDS.get(m[1].toLowerCase());
      if (month) add(validDay(Number(m[3]), month, Number(m[2])));
    } else if (m[4] !== undefined) {
      const month = MONTH_WORDS.get(m[5]!.toLowerCase());
      if (month) add(validDay(Number(m[6]), month, Number(m[4])));
    } else if (m[7] !== undefined) {
      add(validDay(Number(m[7]), Number(m[8]), Number(m[9])));
    } else if (m[10] !== undefined) {
      add(validDay(Number(m[10]), Number(m[12]), Number(m[13])));
    } else if (m[14] !== undefined) {
      add(validDay(Number(m[17]), Number(m[16]), Number(m[14])));
      add(validDay(Number(m[17]), Number(m[14]), Number(m[16])));
    } else if (m[18] !== undefined) {
      const month = MONTH_WORDS.get(m[19]!.toLowerCase());
      if (month) add(validDay(Number(m[18]), month, Number(m[20])));
    }
  }
  return out;
}

/**
 * Whether the page prints the calendar day of a stated date, in any shape
 * `printedDays` reads, or repeats it as the `datetime` of a `<time>` element
 * (whose text is the date as the page shows it, in whatever words).
 */
export function pagePrintsDay(blocks: Block[], stated: string, times: readonly string[] = []): boolean {
  const want = new Set(daysOf(stated));
  if (!want.size) return false;
  for (const t of times) for (const d of daysOf(t)) if (want.has(d)) return true;
  // every shape prints the year in full: only blocks with one of the wanted years are read
  const years = [...new Set([...want].map((d) => d.slice(0, 4)))];
  for (const b of blocks) {
    const t = b.bare;
    if (!years.some((y) => t.includes(y))) continue;
    for (const d of printedDays(t)) if (want.has(d)) return true;
  }
  return false;
}

/** Whether the page prints a stated author's name (its first name if several), as a run of words within one block. */
export function pagePrintsName(blocks: Block[], stated: string): boolean {
  const first = stated.split(/\s*[,;]\s*|\s+(?:and|&)\s+/u).find((x) => x.trim()) ?? '';
  const want = words(first);
  if (!want.length) return false;
  for (const b of blocks) {
    const t = b.bare;
    if (t.length < first.length) continue;
    const ws = words(t);
    for (let i = 0; i + want.length <= ws.length; i++) {
      let j = 0;
      while (j < want.length && ws[i + j] === want[j]) j++;
      if (j === want.length) return true;
    }
  }
  return false;
}
