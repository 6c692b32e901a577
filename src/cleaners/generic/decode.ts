/**
 * The second stage and the smoothing of the generic cleaner. The first
 * model scores each block alone (with its neighbours' shallow features);
 * the second sees the first one's scores in context (a window of
 * neighbours, the page's densest run of likely content); a two-state
 * Viterbi pass then keeps content in runs, so that a lone short line
 * inside the story stays and a lone long line inside the footer goes.
 */
import type { BlockStats } from './features.js';
import type { TreeModel } from './gbdt.js';

export interface DecodeParams {
  /** Probability above which a block is content on its own. */
  threshold: number;
  /** Log-odds it costs to switch between content and boilerplate. */
  switchCost: number;
}

export interface LineModel {
  input: string;
  stage1: TreeModel;
  /** The context stage, when the model has one. */
  stage2: TreeModel | null;
  decode: DecodeParams;
}

export const CONTEXT_FEATURES = [
  'p', 'logit', 'pWin1', 'pWin2', 'pWin5', 'pWin15', 'pPrev', 'pNext', 'pPrev2', 'pNext2', 'pMax3',
  'pPage', 'pPageWeighted', 'keptBefore', 'keptAfter', 'strongBefore', 'strongAfter', 'pRank', 'pInRegion', 'pRegionDist',
] as const;

const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

export function contextFeatures(rows: Float64Array[], p: number[], stats: BlockStats[]): Float64Array[] {
  const n = rows.length;
  const pre = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) pre[i + 1] = pre[i]! + p[i]!;
  const win = (a: number, b: number) => {
    const lo = Math.max(0, a), hi = Math.min(n - 1, b);
    return hi < lo ? 0 : (pre[hi + 1]! - pre[lo]!) / (hi - lo + 1);
  };
  let total = 0, wsum = 0, kept = 0;
  for (let i = 0; i < n; i++) {
    total += stats[i]!.words;
    wsum += p[i]! * stats[i]!.words;
    if (p[i]! >= 0.5) kept += stats[i]!.words;
  }
  const keptBefore = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    keptBefore[i] = acc;
    if (p[i]! >= 0.5) acc += stats[i]!.words;
  }
  const strongPrev = new Float64Array(n), strongNext = new Float64Array(n);
  let last = -1e9;
  for (let i = 0; i < n; i++) {
    strongPrev[i] = i - last;
    if (p[i]! >= 0.5 && stats[i]!.words >= 15) last = i;
  }
  last = 1e9;
  for (let i = n - 1; i >= 0; i--) {
    strongNext[i] = last - i;
    if (p[i]! >= 0.5 && stats[i]!.words >= 15) last = i;
  }
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const rank = new Float64Array(n);
  order.forEach(([, i], r) => (rank[i] = n > 1 ? r / (n - 1) : 0));
  // densest run by probability
  let best = -Infinity, bestA = 0, bestB = -1, run = 0, runA = 0;
  for (let i = 0; i < n; i++) {
    if (run <= 0) {
      run = 0;
      runA = i;
    }
    run += (p[i]! - 0.5) * Math.log1p(stats[i]!.words);
    if (run > best) {
      best = run;
      bestA = runA;
      bestB = i;
    }
  }
  const out: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const base = rows[i]!;
    const row = new Float64Array(base.length + CONTEXT_FEATURES.length);
    row.set(base);
    let k = base.length;
    let max3 = 0;
    for (let d = -3; d <= 3; d++) if (d !== 0 && i + d >= 0 && i + d < n) max3 = Math.max(max3, p[i + d]!);
    row[k++] = p[i]!;
    row[k++] = logit(p[i]!);
    row[k++] = win(i - 1, i + 1);
    row[k++] = win(i - 2, i + 2);
    row[k++] = win(i - 5, i + 5);
    row[k++] = win(i - 15, i + 15);
    row[k++] = p[i - 1] ?? 0;
    row[k++] = p[i + 1] ?? 0;
    row[k++] = p[i - 2] ?? 0;
    row[k++] = p[i + 2] ?? 0;
    row[k++] = max3;
    row[k++] = n ? pre[n]! / n : 0;
    row[k++] = total ? wsum / total : 0;
    row[k++] = kept ? keptBefore[i]! / kept : 0;
    row[k++] = kept ? (kept - keptBefore[i]! - (p[i]! >= 0.5 ? stats[i]!.words : 0)) / kept : 0;
    row[k++] = Math.log1p(Math.min(strongPrev[i]!, 1000));
    row[k++] = Math.log1p(Math.min(strongNext[i]!, 1000));
    row[k++] = rank[i]!;
    row[k++] = i >= bestA && i <= bestB ? 1 : 0;
    row[k++] = i < bestA ? Math.log1p(bestA - i) : i > bestB ? -Math.log1p(i - bestB) : 0;
    out.push(row);
  }
  return out;
}

/** Two-state Viterbi over the blocks: which are content. */
export function decode(p: number[], _stats: BlockStats[], params: DecodeParams): boolean[] {
  const n = p.length;
  if (n === 0) return [];
  const t = logit(params.threshold);
  const c = params.switchCost;
  // score[s] = best total ending in state s; back[i][s] = previous state
  const back = new Uint8Array(n * 2);
  let s0 = 0, s1 = logit(p[0]!) - t;
  for (let i = 1; i < n; i++) {
    const e = logit(p[i]!) - t;
    const from0to0 = s0, from1to0 = s1 - c;
    const n0 = Math.max(from0to0, from1to0);
    back[i * 2] = from1to0 > from0to0 ? 1 : 0;
    const from0to1 = s0 - c, from1to1 = s1;
    const n1 = Math.max(from0to1, from1to1) + e;
    back[i * 2 + 1] = from1to1 >= from0to1 ? 1 : 0;
    s0 = n0;
    s1 = n1;
  }
  const keep = new Array<boolean>(n).fill(false);
  let s = s1 > s0 ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) {
    keep[i] = s === 1;
    s = back[i * 2 + s]!;
  }
  return keep;
}
