#!/usr/bin/env node
// Trains the generic cleaner's line model on the shared corpus (WCXB
// development split, CC-BY-4.0) and writes it to src/cleaners/generic/.
//   node scripts/generic/train.mjs [--corpus DIR] [--input text|html] [--trees N] [--write]
// Pages whose domain the split holds out (see corpus.mjs) are never used
// for training or tuning; the figures printed for them are the honest ones.
// Needs a build first (npm run build): it uses the cleaner's compiled features.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { DEFAULT_CORPUS, loadPages, readTxt, readHtml, readGold, goldIndex, goldShare, hostOf, aggregate, tokens, option } from './corpus.mjs';
import { train, predict } from './gbdt-train.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = join(root, 'dist', 'lib', 'cleaners', 'generic');
const { toBlocks } = await import(join(lib, 'blocks.js'));
const { blockFeatures, TEXT_FEATURES, MARKUP_FEATURES } = await import(join(lib, 'features.js'));
const { contextFeatures, CONTEXT_FEATURES, decode } = await import(join(lib, 'decode.js'));
const { titleFeatures, TITLE_FEATURES, norm, tokenF1 } = await import(join(lib, 'meta.js'));

const args = process.argv.slice(2);
const corpus = option('--corpus', DEFAULT_CORPUS);
const input = option('--input', 'text');
const nTrees = Number(option('--trees', '150'));
const write = args.includes('--write');
const stage2 = args.includes('--stage2');
const weighting = option('--weight', 'sqrt');
const withMarkup = input === 'html';
let parseHtml = null;
if (withMarkup) ({ parseHtml } = await import(join(root, 'dist', 'lib', 'input', 'html', 'index.js')));

const t0 = Date.now();
const pages = loadPages(corpus);
const data = [];
for (const page of pages) {
  let lines;
  let metadata = null;
  if (withMarkup) ({ lines, metadata } = parseHtml(readHtml(corpus, page.id)));
  else lines = readTxt(corpus, page.id).split('\n').map((text, i) => ({ n: i + 1, text }));
  const blocks = toBlocks(lines);
  const { rows, stats } = blockFeatures(blocks, withMarkup);
  const gold = readGold(corpus, page.id);
  const gi = goldIndex(gold);
  const y = blocks.map((b) => (goldShare(gi, b.bare) >= 0.5 ? 1 : 0));
  const w = stats.map((s) => (weighting === 'page' ? (s.words + 2) / (gi.ntok + 30) : Math.sqrt(s.words + 1)));
  const host = hostOf(page.url);
  const fold = parseInt(createHash('sha1').update('fold:' + host).digest('hex').slice(0, 8), 16) % 2;
  data.push({ page, blocks, rows, stats, y, w, gold, fold, metadata });
}
console.log(`features for ${data.length} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const trainSet = data.filter((d) => !d.page.held);
const heldSet = data.filter((d) => d.page.held);
const flat = (set, key) => set.flatMap((d) => d[key]);
function fit(set, rowsKey, names, trees) {
  const rows = flat(set, rowsKey), y = flat(set, 'y'), w0 = flat(set, 'w');
  const mean = w0.reduce((a, b) => a + b, 0) / w0.length;
  const w = w0.map((v) => v / mean);
  const t = Date.now();
  const m = train(rows, y, w, { trees, depth: 5, lr: 0.1, lambda: 2, minHess: 3, subsample: 0.5, features: names });
  console.log(`  trained ${trees} trees on ${rows.length} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return m;
}
const names1 = [...TEXT_FEATURES, ...(withMarkup ? MARKUP_FEATURES : [])];
// stage 1: out-of-fold probabilities for the training pages, full model for the rest
const m1 = [0, 1].map((f) => fit(trainSet.filter((d) => d.fold !== f), 'rows', names1, nTrees));
for (const d of trainSet) d.p1 = d.rows.map((r) => predict(m1[d.fold], r));
const M1 = fit(trainSet, 'rows', names1, nTrees);
for (const d of heldSet) d.p1 = d.rows.map((r) => predict(M1, r));
// stage 2 (optional): the first stage's probabilities in context
let M2 = null;
if (stage2) {
  for (const d of data) d.rows2 = contextFeatures(d.rows, d.p1, d.stats);
  const names2 = [...names1, ...CONTEXT_FEATURES];
  const m2 = [0, 1].map((f) => fit(trainSet.filter((d) => d.fold !== f), 'rows2', names2, nTrees));
  for (const d of trainSet) d.p2 = d.rows2.map((r) => predict(m2[d.fold], r));
  M2 = fit(trainSet, 'rows2', names2, nTrees);
  for (const d of heldSet) d.p2 = d.rows2.map((r) => predict(M2, r));
} else for (const d of data) d.p2 = d.p1;

function prepareFast(d) {
  const ids = new Map();
  const id = (t) => { let v = ids.get(t); if (v === undefined) { v = ids.size + 1; ids.set(t, v); } return v; };
  const key = (a, i, n) => (n === 4 ? a[i] + ',' + a[i + 1] + ',' + a[i + 2] + ',' + a[i + 3] : a.slice(i, i + n).join(','));
  const shingles = (a) => { const m = new Map(); if (!a.length) return m; const n = Math.min(4, a.length);
    for (let i = 0; i + n <= a.length; i++) { const k = key(a, i, n); m.set(k, (m.get(k) ?? 0) + 1); } return m; };
  const gt = tokens(d.gold).map(id);
  const lower = new Map();
  const lid = (t) => { const l = t.toLowerCase(); let v = lower.get(l); if (v === undefined) { v = lower.size + 1; lower.set(l, v); } return v; };
  const gw = new Map(); for (const t of tokens(d.gold)) { const v = lid(t); gw.set(v, (gw.get(v) ?? 0) + 1); }
  d.fast = { g: shingles(gt), gn: gt.length ? Math.max(1, gt.length - 3) : 0, gw, gwn: gt.length,
    bt: d.blocks.map((b) => tokens(b.bare)).map((ts) => ({ ids: ts.map(id), lw: ts.map(lid) })), shingles };
}
function fastScore(d, keep) {
  if (!d.fast) prepareFast(d);
  const f = d.fast, a = [], lw = new Map();
  let wn = 0;
  d.blocks.forEach((_, i) => { if (keep[i]) { a.push(...f.bt[i].ids); for (const v of f.bt[i].lw) { lw.set(v, (lw.get(v) ?? 0) + 1); wn++; } } });
  const p = f.shingles(a);
  let tp = 0, pn = 0, gn = 0;
  for (const c of f.g.values()) gn += c;
  for (const [k, c] of p) { pn += c; tp += Math.min(c, f.g.get(k) ?? 0); }
  let wtp = 0; for (const [k, c] of lw) wtp += Math.min(c, f.gw.get(k) ?? 0);
  const wf1 = f.gwn === 0 && wn === 0 ? 1 : wtp === 0 ? 0 : (2 * wtp) / (f.gwn + wn);
  return { tp, fp: pn - tp, fn: gn - tp, wf1 };
}
function evaluate(set, pick) {
  const all = [], byType = {};
  for (const d of set) {
    const keep = pick(d);
    const s = fastScore(d, keep);
    all.push(s);
    (byType[d.page.page_type] ??= []).push(s);
  }
  const r = aggregate(all);
  r.byType = Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, aggregate(v)]));
  return r;
}
const fmt = (r) => `shingle F1 ${r.f1.toFixed(3)} (P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}) word F1 ${r.wordF1.toFixed(3)}`;
const thr = (key, t) => (d) => d[key].map((p) => p >= t);
console.log('oracle   train', fmt(evaluate(trainSet, (d) => d.y.map(Boolean))), '| held', fmt(evaluate(heldSet, (d) => d.y.map(Boolean))));
console.log('stage1   train(oof)', fmt(evaluate(trainSet, thr('p1', 0.5))), '| held', fmt(evaluate(heldSet, thr('p1', 0.5))));
if (stage2) console.log('stage2   train(oof)', fmt(evaluate(trainSet, thr('p2', 0.5))), '| held', fmt(evaluate(heldSet, thr('p2', 0.5))));
// decoding parameters, tuned on the training pages' out-of-fold probabilities
let best = null;
for (const threshold of [0.3, 0.4, 0.5]) {
  for (const switchCost of [0, 1, 2, 4]) {
    const params = { threshold, switchCost };
    const r = evaluate(trainSet, (d) => decode(d.p2, d.stats, params));
    if (!best || r.f1 + r.wordF1 > best.r.f1 + best.r.wordF1) best = { params, r };
  }
}
console.log('decode', JSON.stringify(best.params), 'train(oof)', fmt(best.r));
const heldR = evaluate(heldSet, (d) => decode(d.p2, d.stats, best.params));
console.log('held out', fmt(heldR));
for (const [k, v] of Object.entries(heldR.byType)) console.log(`  ${k.padEnd(14)} ${fmt(v)}`);

// title: a model over the candidate blocks near the start of the content
for (const d of data) {
  d.keep = decode(d.p2, d.stats, best.params);
  const metadata = withMarkup ? d.metadata : null;
  const tf = titleFeatures(d.blocks, d.stats, d.p2, d.keep, metadata);
  d.tIdx = tf.idx;
  d.tRows = tf.rows;
  const gt = norm(d.page.title ?? '');
  d.tY = tf.idx.map((i) => (gt && (norm(d.blocks[i].bare) === gt || tokenF1(d.blocks[i].bare, gt) >= 0.85) ? 1 : 0));
  d.tW = tf.idx.map(() => 1);
}
const tRows = trainSet.flatMap((d) => d.tRows), tY = trainSet.flatMap((d) => d.tY), tW = trainSet.flatMap((d) => d.tW);
const TM = train(tRows, tY, tW, { trees: 80, depth: 4, lr: 0.1, lambda: 2, minHess: 2, subsample: 0.8, features: [...TITLE_FEATURES] });
const titleHit = (set) => {
  let hit = 0, reach = 0;
  for (const d of set) {
    let bi = -1, bp = -1;
    d.tRows.forEach((r, k) => { const q = predict(TM, r); if (q > bp) { bp = q; bi = d.tIdx[k]; } });
    if (bi >= 0 && norm(d.blocks[bi].bare) === norm(d.page.title)) hit++;
    if (d.tY.some((v, k) => v && norm(d.blocks[d.tIdx[k]].bare) === norm(d.page.title))) reach++;
  }
  return `title exact ${(hit / set.length).toFixed(3)} (candidates reach ${(reach / set.length).toFixed(3)})`;
};
console.log('title train', titleHit(trainSet), '| held', titleHit(heldSet));

if (write) {
  writeFileSync(
    join(root, 'src', 'cleaners', 'generic', withMarkup ? 'model-title-html.ts' : 'model-title.ts'),
    `// Generated by scripts/generic/train.mjs (trained on the WCXB development split, CC-BY-4.0, without the\n` +
      `// domains it holds out). Do not edit; retrain instead.\nimport type { TreeModel } from './gbdt.js';\nimport { lazyJson } from './lazy-json.js';\n\n` +
      `export const ${withMarkup ? 'titleHtmlModel' : 'titleModel'} = lazyJson<TreeModel>(${JSON.stringify(JSON.stringify(TM))});\n`,
  );
}
if (write) {
  const model = { input, stage1: M1, stage2: M2, decode: best.params };
  const name = withMarkup ? 'model-html' : 'model-text';
  const json = JSON.stringify(model);
  const constName = withMarkup ? 'htmlModel' : 'textModel';
  writeFileSync(
    join(root, 'src', 'cleaners', 'generic', `${name}.ts`),
    `// Generated by scripts/generic/train.mjs (trained on the WCXB development split, CC-BY-4.0,\n` +
      `// without the domains it holds out). Do not edit; retrain instead.\nimport type { LineModel } from './decode.js';\nimport { lazyJson } from './lazy-json.js';\n\n` +
      `export const ${constName} = lazyJson<LineModel>(${JSON.stringify(json)});\n`,
  );
  console.log(`wrote ${name}.ts (${(json.length / 1024).toFixed(0)} KB)`);
}
