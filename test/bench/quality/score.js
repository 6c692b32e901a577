// The quality metrics of a corpus laid out like WCXB, the Web Content
// eXtraction Benchmark (Murrough-Foley/web-content-extraction-benchmark,
// CC-BY-4.0), as pure functions. The corpus README defines them; the details
// (what a word is, which quotes and dashes are unified, how averages are taken)
// follow the reference scorer shipped beside the corpus, so that on the same
// answers the two agree to 3 decimals:
//
// - shingle F1: 4-token windows as multisets, per-page tp/fp/fn normalized so
//   every page weighs the same, precision averaged over the pages whose answer
//   has shingles, recall over the pages whose gold has shingles, F1 the
//   harmonic mean of the two averages;
// - word F1: bag of lower-case words, per-page F1, mean over pages;
// - metadata: title exact after normalization (and token F1), author hit with
//   at most twice the gold's tokens, date hit on the calendar day as printed,
//   and for author and date a false rate over the pages whose gold has none.
//
// A word is a maximal run of word characters as Python's `re` sees them in a
// str pattern: letters, numbers and `_` (combining marks are not word
// characters there, so they split words; JavaScript's `\w` is ASCII-only).

const WORD_CHAR = '[\\p{L}\\p{N}_]';
const WORD = new RegExp(`${WORD_CHAR}+`, 'gu');
// Python's str.isspace(), which str.split() and str.strip() use.
const SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const SPACES = new RegExp(`${SPACE}+`, 'gu');
const TRIM = new RegExp(`^${SPACE}+|${SPACE}+$`, 'gu');

/** The words of a text, case kept. */
export function words(text) {
  return (text ?? '').match(WORD) ?? [];
}

/** Python's str.strip(). */
export function strip(text) {
  return (text ?? '').replace(TRIM, '');
}

/**
 * Full case folding as far as JavaScript offers it: upper then lower case
 * folds ß to ss, final sigma to sigma, and title-case letters as casefold does.
 */
export function casefold(text) {
  return text.toUpperCase().toLowerCase();
}

/**
 * The multiset of n-token shingles of a token list, as a Map from key to
 * count: all windows of n tokens; a list of 1..n tokens gives one shorter
 * shingle, an empty list none.
 */
export function shingles(tokens, n = 4) {
  const out = new Map();
  if (tokens.length === 0) return out;
  if (tokens.length <= n) {
    out.set(tokens.join('\u0000'), 1);
    return out;
  }
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0000');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** tp, fp, fn of two multisets (Maps from key to count). */
function overlap(gold, pred) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, p] of pred) {
    const g = gold.get(key) ?? 0;
    tp += Math.min(g, p);
    fp += Math.max(p - g, 0);
  }
  for (const [key, g] of gold) fn += Math.max(g - (pred.get(key) ?? 0), 0);
  return { tp, fp, fn };
}

/**
 * One page's shingle counts, each divided by tp+fp+fn (all 0 when neither
 * text has a shingle), so that every page weighs the same in the averages.
 */
export function shingleCounts(gold, pred) {
  const { tp, fp, fn } = overlap(shingles(words(gold)), shingles(words(pred)));
  const total = tp + fp + fn;
  return total ? { tp: tp / total, fp: fp / total, fn: fn / total } : { tp: 0, fp: 0, fn: 0 };
}

function mean(xs) {
  let sum = 0;
  for (const x of xs) sum += x;
  return xs.length ? sum / xs.length : 0;
}

/** A page's precision, or null when its answer has no shingle. */
export function pagePrecision({ tp, fp, fn }) {
  if (tp + fp <= 0) return null;
  return fp === 0 && fn === 0 ? 1 : tp / (tp + fp);
}

/** A page's recall, or null when its gold has no shingle. */
export function pageRecall({ tp, fp, fn }) {
  if (tp + fn <= 0) return null;
  return fp === 0 && fn === 0 ? 1 : tp / (tp + fn);
}

/**
 * Corpus shingle F1 from per-page counts: precision averaged over the pages
 * whose answer has shingles, recall over the pages whose gold has shingles,
 * F1 the harmonic mean of the two averages.
 */
export function shingleF1(counts) {
  const ps = counts.map(pagePrecision).filter((x) => x !== null);
  const rs = counts.map(pageRecall).filter((x) => x !== null);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

function bag(tokens) {
  const out = new Map();
  for (const t of tokens) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** F1 of two bags of tokens (0 when nothing is shared). */
function bagF1(a, b) {
  const A = bag(a);
  const B = bag(b);
  const { tp } = overlap(A, B);
  return tp ? (2 * tp) / (a.length + b.length) : 0;
}

/** One page's word F1: bag of lower-case words; 1 when both are empty. */
export function wordF1(gold, pred) {
  const g = words((gold ?? '').toLowerCase());
  const p = words((pred ?? '').toLowerCase());
  if (g.length === 0 && p.length === 0) return 1;
  return bagF1(g, p);
}

/**
 * Scores of one page's body: its normalized shingle counts and word F1.
 * `pages` lists `{ id, type, counts, wordF1 }` for `aggregate`.
 */
export function scorePage(gold, pred) {
  return { counts: shingleCounts(gold, pred), wordF1: wordF1(gold, pred) };
}

/**
 * The corpus figures from per-page scores `{ type, counts, wordF1 }`:
 * shingle F1 (P, R) and mean word F1, overall and per page type (sorted).
 */
export function aggregate(pages) {
  const byType = new Map();
  for (const page of pages) {
    const type = page.type || 'unknown';
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(page);
  }
  const one = (list) => ({
    pages: list.length,
    ...shingleF1(list.map((p) => p.counts)),
    wordF1: mean(list.map((p) => p.wordF1)),
  });
  const types = {};
  for (const type of [...byType.keys()].sort()) types[type] = one(byType.get(type));
  return { ...one(pages), byType: types };
}

/** A title for exact comparison: NFKC, case folding, one quote and dash of each kind, collapsed spaces. */
export function normTitle(text) {
  let s = casefold((text ?? '').normalize('NFKC'));
  s = s.replace(/[\u2018\u2019\u201b\u2032]/gu, "'").replace(/[\u201c\u201d\u201e\u2033]/gu, '"');
  s = s.replace(/[\u2010-\u2015\u2212]/gu, '-');
  return strip(s).split(SPACES).filter(Boolean).join(' ');
}

/** Metadata tokens: the words after NFKC, case-folded. */
export function metaTokens(text) {
  return words((text ?? '').normalize('NFKC')).map(casefold);
}

/** Mean token F1 of a title. */
export function titleTokenF1(pred, gold) {
  return bagF1(metaTokens(pred), metaTokens(gold));
}

/** An author is found when every gold token is in the answer and the answer has at most twice as many tokens. */
export function authorHit(pred, gold) {
  const g = metaTokens(gold);
  const p = metaTokens(pred);
  const have = new Set(p);
  return g.length > 0 && g.every((t) => have.has(t)) && p.length <= 2 * Math.max(g.length, 1);
}

const MONTHS = new Map('jan feb mar apr may jun jul aug sep oct nov dec'.split(' ').map((m, i) => [m, i + 1]));
// Python's \d and \b in a str pattern are Unicode-aware; so are these.
const D = '\\p{Nd}';
const B0 = `(?<!${WORD_CHAR})`;
const B1 = `(?!${WORD_CHAR})`;
const ISO = new RegExp(`(${D}{4})-(${D}{2})-(${D}{2})`, 'u');
const MDY = new RegExp(`${B0}([a-z]{3})[a-z]*\\.?${SPACE}+(${D}{1,2})(?:st|nd|rd|th)?,?${SPACE}+(${D}{4})${B1}`, 'iu');
const DMY = new RegExp(`${B0}(${D}{1,2})(?:st|nd|rd|th)?${SPACE}+([a-z]{3})[a-z]*\\.?,?${SPACE}+(${D}{4})${B1}`, 'iu');

/** A day number as two digits; digits other than ASCII stay as printed (they never equal a gold day). */
function dd(digits) {
  return /^[0-9]+$/u.test(digits) ? String(Number(digits)).padStart(2, '0') : digits;
}

/** The first calendar day in a text as YYYY-MM-DD (ISO, 'Month D, YYYY' or 'D Month YYYY'), as printed; null when none. */
export function day(text) {
  const s = text ?? '';
  const iso = ISO.exec(s);
  if (iso) return iso[0];
  for (const [rx, mdy] of [
    [MDY, true],
    [DMY, false],
  ]) {
    const m = rx.exec(s);
    if (m) {
      const [mon, d, y] = mdy ? [m[1], m[2], m[3]] : [m[2], m[1], m[3]];
      const month = MONTHS.get(mon.toLowerCase().slice(0, 3));
      if (month) return `${y}-${String(month).padStart(2, '0')}-${dd(d)}`;
    }
  }
  return null;
}

/** A date is found when the answer's first calendar day is the gold day. */
export function dateHit(pred, gold) {
  const d = day(pred);
  return d !== null && d === day(gold);
}

/**
 * Metadata scores over `pages` (id → `{ title, author, publish_date }`, the
 * gold) and `meta` (id → `{ title, author, published }`, the answers; a
 * missing page or field is no answer). Each field is scored over the pages
 * whose gold has it; the false rates over the pages whose gold lacks it.
 */
export function metaScores(pages, meta) {
  const get = (id, field) => {
    const v = meta.get ? meta.get(id)?.[field] : meta[id]?.[field];
    return typeof v === 'string' ? v : v == null ? '' : String(v);
  };
  const ids = Object.keys(pages);
  const has = (field) => ids.filter((id) => strip(pages[id][field] ?? '') !== '');
  const lacks = (field) => ids.filter((id) => strip(pages[id][field] ?? '') === '');
  const rate = (list, test) => mean(list.map((id) => (test(id) ? 1 : 0)));
  return {
    titleExact: rate(has('title'), (id) => normTitle(get(id, 'title')) === normTitle(pages[id].title)),
    titleTokenF1: mean(has('title').map((id) => titleTokenF1(get(id, 'title'), pages[id].title))),
    authorHit: rate(has('author'), (id) => authorHit(get(id, 'author'), pages[id].author)),
    authorFalse: rate(lacks('author'), (id) => strip(get(id, 'author')) !== ''),
    dateHit: rate(has('publish_date'), (id) => dateHit(get(id, 'published'), pages[id].publish_date)),
    dateFalse: rate(lacks('publish_date'), (id) => strip(get(id, 'published')) !== ''),
  };
}
