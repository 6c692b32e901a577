/**
 * Per-block features for the generic cleaner: what a block's text looks
 * like, where it sits, how often it repeats on the page, what its
 * neighbours look like, and for HTML what the markup says about it.
 * Every feature is a number; names are kept for `explain`.
 */
import type { Block } from './blocks.js';

const WORD = /[\p{L}\p{N}_]+/gu;
const ASCII = /^[\x00-\x7f]*$/;
/** [A-Za-z0-9_] */
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

const STOP = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i me him her them us our your their his my not no so than then there here which who whom whose what when ' +
    'where why how all any each more most other some such can could will would shall should may might must do does did has have had ' +
    'about into over after before under between through during up down out off again also just only very one two new said says ' +
    'le la les un une des et ou de du en dans sur pour par avec est sont il elle ils nous vous que qui ne pas au aux ce cette ' +
    'der die das ein eine und oder zu im am ist sind mit von für auf nicht es sie wir ich den dem des bei auch sich ' +
    'el los las y o del en con por para es son que se no lo su al como más una ' +
    'il lo gli e di da per con che non è sono una ' +
    'o os as um uma e do da dos das em com por para não que é ' +
    'de het een en van op te dat niet is zijn met voor'
  ).split(' '),
);
/** The longest stop word. */
const STOP_MAX = Math.max(...[...STOP].map((w) => w.length));

const BOILER =
  /\b(share|tweet|pin it|subscribe|newsletter|cookies?|log ?in|sign ?(in|up)|register|privacy|terms( of (use|service))?|copyright|all rights reserved|related|read more|more stories|advertisement|sponsored|follow us|comments?|reply|menu|search|skip to|home|contact|about us|next|previous|prev|back to top|load more|show more|view all|see all|download|cart|checkout|posted in|tags?|categor(y|ies)|trending|popular|recommended|you may also like)\b/iu;
const DATE =
  /\b(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4}|\d+ (minutes?|hours?|days?|weeks?|months?|years?) ago)\b/iu;
const BYLINE = /^(by|von|par|por|di|door|written by|posted by|author:?)\s+\p{Lu}/iu;
const TERMINAL = /[.!?。！？…:;"”’»)\]]$/u;
const SENTENCE_END = /[.!?。！？…]["”’»)]?$/u;
const SEPARATOR = /\s[|·•»›>\/]\s/gu;
const COPYRIGHT = /©|\(c\)|copyright/iu;
const URL_LIKE = /https?:\/\/|www\.|@\w+\.\w/u;
const DIGIT = /\d/u;
/** Weights of the smoothed density, e^(-d²/8) for d = -6..6. */
const DENS_W = Array.from({ length: 13 }, (_, k) => Math.exp(-((k - 6) * (k - 6)) / 8));

const BOILER_TOKENS =
  /(^|[-_])(nav|navbar|menu|footer|foot|header|masthead|sidebar|side|share|sharing|social|related|recommend|comment|comments|breadcrumb|breadcrumbs|widget|ad|ads|advert|promo|newsletter|cookie|consent|subscribe|signup|login|banner|popup|modal|tags|tag|meta|byline|author|date|toolbar|pagination|pager|copyright|legal|skip|search)([-_]|$)/u;
const CONTENT_TOKENS =
  /(^|[-_])(article|content|post|entry|body|story|text|main|prose|blog|page|single|richtext|rich|markdown|description|detail|details)([-_]|$)/u;

const TAGS = ['p', 'li', 'td', 'th', 'pre', 'blockquote', 'div', 'figcaption', 'dd', 'dt', 'span', 'a', 'section'];
const LANDMARKS = ['nav', 'header', 'footer', 'aside', 'article', 'main', 'form'];

export const TEXT_FEATURES = [
  'words', 'logChars', 'meanWordLen', 'punctPerWord', 'commasPerWord', 'endsTerminal', 'endsSentence',
  'stopRatio', 'capRatio', 'digitRatio', 'upperRatio', 'bullet', 'bulletNested', 'bulletNumber', 'indent',
  'physLines', 'relIndex', 'relWordsBefore', 'logIndex', 'logFromEnd', 'repeat', 'laterRepeat',
  'separators', 'date', 'byline', 'copyright', 'url', 'boiler', 'blankBefore', 'blankAfter', 'sentences',
  'prevWords', 'prev2Words', 'nextWords', 'next2Words', 'win3Words', 'win10Words', 'win5Terminal', 'win3Bullets',
  'win10Stop', 'shortRun', 'inRegion', 'regionDist', 'regionShare', 'regionRelPos', 'longestDist', 'smoothDensity',
  'pageBlocks', 'pageWords', 'pageLongShare', 'bulletRunLen', 'bulletRunMeanWords', 'wordsRank', 'prevSentence', 'nextSentence',
] as const;

export const MARKUP_FEATURES = [
  'heading', ...TAGS.map((t) => `tag_${t}`), 'linkDensity', ...LANDMARKS.map((l) => `lm_${l}`), 'hidden', 'depth',
  'boilerTokens', 'contentTokens', 'parentShare', 'parentTerminal', 'win3Link', 'win10Link', 'ancestorShare',
] as const;

export interface BlockStats {
  words: number;
  /** Words that start with a capital letter. */
  caps: number;
  endsSentence: boolean;
  repeat: number;
}

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Features of every block; `withMarkup` adds the markup features after the text ones. */
export function blockFeatures(blocks: Block[], withMarkup: boolean): { rows: Float64Array[]; stats: BlockStats[] } {
  const n = blocks.length;
  const nf = TEXT_FEATURES.length + (withMarkup ? MARKUP_FEATURES.length : 0);
  const stats: BlockStats[] = [];
  const keyCount = new Map<string, number>();
  const firstAt = new Map<string, number>();
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = blocks[i]!.bare.toLowerCase();
    keys.push(key);
    keyCount.set(key, (keyCount.get(key) ?? 0) + 1);
    if (!firstAt.has(key)) firstAt.set(key, i);
  }
  let totalWords = 0;
  const stopVals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const bare = blocks[i]!.bare;
    let nw = 0, caps = 0, stop = 0;
    if (ASCII.test(bare)) {
      // one pass over the words ([A-Za-z0-9_]+); the lower-cased key has them at the same places
      const key = keys[i]!, len = bare.length;
      for (let c = 0; c < len; ) {
        const c0 = bare.charCodeAt(c);
        if (!isWordCode(c0)) {
          c++;
          continue;
        }
        const start = c;
        c++;
        while (c < len && isWordCode(bare.charCodeAt(c))) c++;
        nw++;
        if (c0 >= 65 && c0 <= 90) caps++;
        if (c - start <= STOP_MAX && STOP.has(key.slice(start, c))) stop++;
      }
    } else {
      const tokens = bare.match(WORD) ?? [];
      nw = tokens.length;
      for (const tok of tokens) {
        if (STOP.has(tok.toLowerCase())) stop++;
        const c0 = tok.charCodeAt(0);
        if (c0 < 128 ? c0 >= 65 && c0 <= 90 : UPPER.test(tok[0]!)) caps++;
      }
    }
    totalWords += nw;
    stats.push({ words: nw, caps, endsSentence: SENTENCE_END.test(bare), repeat: keyCount.get(keys[i]!) ?? 1 });
    stopVals[i] = nw ? stop / nw : 0;
  }
  const words = stats.map((s) => s.words);
  const rows: Float64Array[] = [];
  // main region: the densest contiguous run of blocks (maximum subarray of a text score)
  const score = stats.map((s, i) =>
    s.repeat > 1 ? -6 : Math.max(-6, Math.min(60, s.words - 12 + (s.endsSentence ? 6 : 0) - (blocks[i]!.bullet ? 4 : 0))),
  );
  let best = -Infinity, bestA = 0, bestB = -1, run = 0, runA = 0;
  for (let i = 0; i < n; i++) {
    if (run <= 0) {
      run = 0;
      runA = i;
    }
    run += score[i]!;
    if (run > best) {
      best = run;
      bestA = runA;
      bestB = i;
    }
  }
  let regionWords = 0;
  for (let i = bestA; i <= bestB; i++) regionWords += words[i]!;
  let longest = 0;
  for (let i = 1; i < n; i++) if (words[i]! > words[longest]!) longest = i;
  const sorted = [...words].sort((a, b) => b - a);
  const rankOf = (w: number) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! > w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let longWords = 0;
  for (const w of words) if (w >= 20) longWords += w;
  // prefix sums for windows
  // one element type for every window (mixed arrays made the optimised code bail out)
  const pre = (vals: Float64Array) => {
    const p = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) p[i + 1] = p[i]! + vals[i]!;
    return (a: number, b: number) => {
      const lo = Math.max(0, a), hi = Math.min(n - 1, b);
      return hi < lo ? 0 : (p[hi + 1]! - p[lo]!) / (hi - lo + 1);
    };
  };
  const wWords = pre(Float64Array.from(words, (w) => Math.log1p(w)));
  const wTerm = pre(Float64Array.from(stats, (s) => (s.endsSentence ? 1 : 0)));
  const wBul = pre(Float64Array.from(blocks, (b) => (b.bullet ? 1 : 0)));
  const wStop = pre(stopVals);
  // runs of short blocks and of bullets
  const shortRun = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    if (words[i]! < 6) {
      while (j + 1 < n && words[j + 1]! < 6) j++;
      for (let k = i; k <= j; k++) shortRun[k] = j - i + 1;
    }
    i = j + 1;
  }
  const bulletRun = new Float64Array(n), bulletRunWords = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    if (blocks[i]!.bullet) {
      let sw = words[i]!;
      while (j + 1 < n && blocks[j + 1]!.bullet) sw += words[++j]!;
      for (let k = i; k <= j; k++) {
        bulletRun[k] = j - i + 1;
        bulletRunWords[k] = sw / (j - i + 1);
      }
    }
    i = j + 1;
  }
  // smoothed density: gaussian-weighted log words
  const dens = new Float64Array(n);
  const logWords = new Float64Array(n), repFactor = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    logWords[j] = Math.log1p(words[j]!);
    repFactor[j] = stats[j]!.repeat > 1 ? 0.3 : 1;
  }
  for (let i = 0; i < n; i++) {
    let s = 0, z = 0;
    for (let d = -6; d <= 6; d++) {
      const j = i + d;
      if (j < 0 || j >= n) continue;
      const w = DENS_W[d + 6]!;
      s += w * logWords[j]! * repFactor[j]!;
      z += w;
    }
    dens[i] = s / z;
  }
  // markup: words per parent element and per grand-parent
  const parentWords = new Map<string, number>(), parentTerm = new Map<string, number>(), ancWords = new Map<string, number>();
  const parentKey: string[] = [], ancKey: string[] = [];
  if (withMarkup) {
    for (let i = 0; i < n; i++) {
      const m = blocks[i]!.markup;
      const path = m ? m.path : [];
      const pk = path.slice(0, -1).join('/') + '|' + (m ? m.tokens.slice(1, 4).join(' ') : '');
      const ak = path.slice(0, -2).join('/');
      parentKey.push(pk);
      ancKey.push(ak);
      parentWords.set(pk, (parentWords.get(pk) ?? 0) + words[i]!);
      parentTerm.set(pk, (parentTerm.get(pk) ?? 0) + (stats[i]!.endsSentence ? words[i]! : 0));
      ancWords.set(ak, (ancWords.get(ak) ?? 0) + words[i]!);
    }
  }
  const linkD = Float64Array.from(blocks, (b) => (b.markup && b.bare.length ? Math.min(1, b.markup.linkChars / b.bare.length) : 0));
  const wLink = pre(linkD);
  // class and id tokens repeat over a page: test each once
  const tokenKind = new Map<string, number>();
  let before = 0;
  const buf = new Float64Array(n * nf);
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!, s = stats[i]!, t = b.bare;
    const row = buf.subarray(i * nf, (i + 1) * nf);
    const nw = s.words;
    let letters = 0, upper = 0, digits = 0, caps = 0;
    let spaces = 0, punct = 0, commas = 0, ends = 0;
    for (let c = 0; c < t.length; c++) {
      const code = t.charCodeAt(c);
      if (code === 32 || (code >= 9 && code <= 13)) spaces++;
      else if (code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63) {
        punct++;
        if (code === 44) commas++;
        else if (code === 46 || code === 33 || code === 63) {
          const nx = c + 1 < t.length ? t.charCodeAt(c + 1) : 32;
          if (nx === 32 || (nx >= 9 && nx <= 13) || (nx > 127 && /\s/u.test(t[c + 1]!))) ends++;
        }
      } else if (code === 0x3002 || code === 0xff0c || code === 0x3001) {
        punct++;
        if (code !== 0x3002) commas++;
        else {
          const nx = c + 1 < t.length ? t[c + 1]! : ' ';
          if (/\s/u.test(nx)) ends++;
        }
      } else if (code === 0xff01 || code === 0xff1f) {
        const nx = c + 1 < t.length ? t[c + 1]! : ' ';
        if (/\s/u.test(nx)) ends++;
      } else if (code > 127 && /\s/u.test(t[c]!)) spaces++;
      if (code < 128) {
        if (code >= 97 && code <= 122) letters++;
        else if (code >= 65 && code <= 90) {
          letters++;
          upper++;
        } else if (code >= 48 && code <= 57) digits++;
      } else if (code < 0xd800 || code > 0xdfff) {
        const ch = t[c]!;
        if (LETTER.test(ch)) {
          letters++;
          if (UPPER.test(ch)) upper++;
        }
      }
    }
    caps = s.caps;
    let k = 0;
    row[k++] = nw;
    row[k++] = Math.log1p(t.length);
    row[k++] = nw ? (t.length - spaces) / nw : 0;
    row[k++] = punct / (nw + 1);
    row[k++] = commas / (nw + 1);
    row[k++] = TERMINAL.test(t) ? 1 : 0;
    row[k++] = s.endsSentence ? 1 : 0;
    row[k++] = stopVals[i]!;
    row[k++] = nw ? caps / nw : 0;
    row[k++] = t.length ? digits / t.length : 0;
    row[k++] = letters ? upper / letters : 0;
    row[k++] = b.bullet === '•' || b.bullet === '*' || b.bullet === '-' ? 1 : b.bullet ? 0.5 : 0;
    row[k++] = b.bullet && b.indent >= 4 ? 1 : 0;
    row[k++] = DIGIT.test(b.bullet) ? 1 : 0;
    row[k++] = Math.min(b.indent, 20);
    row[k++] = b.lines.length;
    row[k++] = n > 1 ? i / (n - 1) : 0;
    row[k++] = totalWords ? before / totalWords : 0;
    row[k++] = Math.log1p(i);
    row[k++] = Math.log1p(n - 1 - i);
    row[k++] = Math.min(s.repeat, 10);
    row[k++] = (firstAt.get(keys[i]!) ?? i) < i ? 1 : 0;
    row[k++] = count(SEPARATOR, t);
    row[k++] = t.length <= 300 && digits > 0 && DATE.test(t) ? 1 : 0; // every date shape has a digit
    row[k++] = BYLINE.test(t) ? 1 : 0;
    row[k++] = COPYRIGHT.test(t) ? 1 : 0;
    row[k++] = URL_LIKE.test(t) ? 1 : 0;
    row[k++] = t.length > 400 ? 0 : BOILER.test(t) ? (nw <= 12 ? 1 : 0.5) : 0;
    row[k++] = b.blankBefore ? 1 : 0;
    row[k++] = b.blankAfter ? 1 : 0;
    row[k++] = ends;
    row[k++] = Math.log1p(words[i - 1] ?? 0);
    row[k++] = Math.log1p(words[i - 2] ?? 0);
    row[k++] = Math.log1p(words[i + 1] ?? 0);
    row[k++] = Math.log1p(words[i + 2] ?? 0);
    row[k++] = wWords(i - 3, i + 3);
    row[k++] = wWords(i - 10, i + 10);
    row[k++] = wTerm(i - 5, i + 5);
    row[k++] = wBul(i - 3, i + 3);
    row[k++] = wStop(i - 10, i + 10);
    row[k++] = Math.min(shortRun[i]!, 50);
    row[k++] = i >= bestA && i <= bestB ? 1 : 0;
    row[k++] = i < bestA ? (i - bestA) / Math.max(1, n) : i > bestB ? (i - bestB) / Math.max(1, n) : 0;
    row[k++] = totalWords ? regionWords / totalWords : 0;
    row[k++] = bestB >= bestA ? (i - bestA) / Math.max(1, bestB - bestA + 1) : 0;
    row[k++] = Math.sign(i - longest) * Math.log1p(Math.abs(i - longest));
    row[k++] = dens[i]!;
    row[k++] = Math.log1p(n);
    row[k++] = Math.log1p(totalWords);
    row[k++] = totalWords ? longWords / totalWords : 0;
    row[k++] = Math.min(bulletRun[i]!, 50);
    row[k++] = bulletRunWords[i]!;
    row[k++] = Math.log1p(rankOf(nw));
    row[k++] = i > 0 && stats[i - 1]!.endsSentence ? 1 : 0;
    row[k++] = i + 1 < n && stats[i + 1]!.endsSentence ? 1 : 0;
    if (withMarkup) {
      const m = b.markup;
      row[k++] = m ? m.heading : 0;
      for (const tag of TAGS) row[k++] = m && m.tag === tag ? 1 : 0;
      row[k++] = linkD[i]!;
      for (const lm of LANDMARKS) row[k++] = m && m.landmarks.includes(lm) ? 1 : 0;
      row[k++] = m && m.hidden ? 1 : 0;
      row[k++] = m ? m.path.length : 0;
      let boilerT = 0, contentT = 0;
      if (m) {
        for (const x of m.tokens) {
          let kind = tokenKind.get(x);
          if (kind === undefined) {
            kind = (BOILER_TOKENS.test(x) ? 1 : 0) + (CONTENT_TOKENS.test(x) ? 2 : 0);
            tokenKind.set(x, kind);
          }
          boilerT += kind & 1;
          contentT += kind >> 1;
        }
      }
      row[k++] = boilerT;
      row[k++] = contentT;
      row[k++] = totalWords ? (parentWords.get(parentKey[i]!) ?? 0) / totalWords : 0;
      const pw = parentWords.get(parentKey[i]!) ?? 0;
      row[k++] = pw ? (parentTerm.get(parentKey[i]!) ?? 0) / pw : 0;
      row[k++] = wLink(i - 3, i + 3);
      row[k++] = wLink(i - 10, i + 10);
      row[k++] = totalWords ? (ancWords.get(ancKey[i]!) ?? 0) / totalWords : 0;
    }
    rows.push(row);
    before += nw;
  }
  return { rows, stats };
}
