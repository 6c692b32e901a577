// The shared corpus (WCXB development split, CC-BY-4.0), its domain split,
// gold alignment and the two metrics of its README.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

export const DEFAULT_CORPUS = '../shared/corpora/wcxb-dev';

/** The value after `--name` in the script's arguments, or the default. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokens(s) {
  return s.match(WORD) ?? [];
}

/** Held out when the first 8 hex digits of sha1(host without www.) mod 10 < 3. */
export function heldOut(url) {
  let host = '';
  try { host = new URL(url).hostname; } catch {}
  host = host.replace(/^www\./, '');
  return parseInt(createHash('sha1').update(host).digest('hex').slice(0, 8), 16) % 10 < 3;
}

export function hostOf(url) {
  try { return new URL(url).hostname.replace(/^www\./, ''); } catch { return ''; }
}

export function loadPages(dir) {
  const pages = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8'));
  return Object.keys(pages).sort().map((id) => ({ id, ...pages[id], held: heldOut(pages[id].url) }));
}

export function readTxt(dir, id) {
  return readFileSync(join(dir, 'txt', `${id}.txt`), 'utf8');
}
export function readHtml(dir, id) {
  const p = join(dir, 'html', `${id}.html.gz`);
  return existsSync(p) ? gunzipSync(readFileSync(p)).toString('utf8') : '';
}
export function readGold(dir, id) {
  return readFileSync(join(dir, 'gold', `${id}.txt`), 'utf8');
}

function shingleList(toks) {
  if (toks.length === 0) return [];
  if (toks.length < 4) return [toks.join(' ')];
  const out = [];
  for (let i = 0; i + 4 <= toks.length; i++) out.push(toks.slice(i, i + 4).join(' '));
  return out;
}
function multiset(list) {
  const m = new Map();
  for (const s of list) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

/** Gold index for aligning blocks: its shingle set and its token string. */
export function goldIndex(gold) {
  const toks = tokens(gold);
  const set = new Set(shingleList(toks));
  return { set, joined: ' ' + toks.join(' ') + ' ', ntok: toks.length };
}

/** Share of a block's shingles that occur in the gold (short blocks: whether they occur as a run). */
export function goldShare(index, blockText) {
  const toks = tokens(blockText);
  if (toks.length === 0) return 0;
  if (toks.length < 4) return index.joined.includes(' ' + toks.join(' ') + ' ') ? 1 : 0;
  const sh = shingleList(toks);
  let hit = 0;
  for (const s of sh) if (index.set.has(s)) hit++;
  return hit / sh.length;
}

/** Per-page counts for shingle F1 and the page's word F1. */
export function pageScore(gold, pred) {
  const g = multiset(shingleList(tokens(gold))), p = multiset(shingleList(tokens(pred)));
  let tp = 0, gn = 0, pn = 0;
  for (const [k, c] of g) { gn += c; tp += Math.min(c, p.get(k) ?? 0); }
  for (const c of p.values()) pn += c;
  const fp = pn - tp, fn = gn - tp;
  const gw = multiset(tokens(gold).map((t) => t.toLowerCase())), pw = multiset(tokens(pred).map((t) => t.toLowerCase()));
  let wtp = 0, wg = 0, wp = 0;
  for (const [k, c] of gw) { wg += c; wtp += Math.min(c, pw.get(k) ?? 0); }
  for (const c of pw.values()) wp += c;
  let wf1;
  if (wg === 0 && wp === 0) wf1 = 1;
  else if (wtp === 0) wf1 = 0;
  else { const P = wtp / wp, R = wtp / wg; wf1 = (2 * P * R) / (P + R); }
  return { tp, fp, fn, wf1 };
}

export function aggregate(scores) {
  let ps = 0, pn = 0, rs = 0, rn = 0, w = 0;
  for (const { tp, fp, fn, wf1 } of scores) {
    w += wf1;
    const tot = tp + fp + fn;
    if (tot === 0) continue;
    if (fp === 0 && fn === 0) { ps += 1; pn++; rs += 1; rn++; continue; }
    if (tp + fp > 0) { ps += tp / (tp + fp); pn++; }
    if (tp + fn > 0) { rs += tp / (tp + fn); rn++; }
  }
  const P = pn ? ps / pn : 0, R = rn ? rs / rn : 0;
  return { f1: P + R ? (2 * P * R) / (P + R) : 0, precision: P, recall: R, wordF1: scores.length ? w / scores.length : 0 };
}
