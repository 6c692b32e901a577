// Gradient-boosted trees for binary labels (log loss), histogram-based,
// level-wise growth. Small and dependency-free: enough for a few hundred
// thousand rows of a few dozen features. Output format: src/cleaners/generic/gbdt.ts.

/** Quantile cut points per feature, at most `maxBins - 1` each. */
export function makeCuts(rows, nf, maxBins = 64, sample = 40000) {
  const step = Math.max(1, Math.floor(rows.length / sample));
  const cuts = [];
  for (let f = 0; f < nf; f++) {
    const vals = [];
    for (let i = 0; i < rows.length; i += step) vals.push(rows[i][f]);
    vals.sort((a, b) => a - b);
    const uniq = [];
    for (const v of vals) if (uniq.length === 0 || uniq[uniq.length - 1] !== v) uniq.push(v);
    let c;
    if (uniq.length <= maxBins) c = uniq.slice(0, -1);
    else {
      c = [];
      for (let b = 1; b < maxBins; b++) {
        const v = vals[Math.floor((b * vals.length) / maxBins)];
        if (c.length === 0 || c[c.length - 1] < v) c.push(v);
      }
      if (c.length && c[c.length - 1] >= uniq[uniq.length - 1]) c.pop();
    }
    cuts.push(Float64Array.from(c));
  }
  return cuts;
}

export function binRows(rows, cuts) {
  const nf = cuts.length;
  const out = new Uint8Array(rows.length * nf);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let f = 0; f < nf; f++) {
      const c = cuts[f];
      const v = r[f];
      let lo = 0, hi = c.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= c[mid]) hi = mid;
        else lo = mid + 1;
      }
      out[i * nf + f] = lo;
    }
  }
  return out;
}

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function train(rows, y, w, opts = {}) {
  const { trees = 200, depth = 5, lr = 0.1, lambda = 1, minHess = 2, subsample = 0.8, seed = 1, features } = opts;
  const n = rows.length, nf = rows[0].length;
  const cuts = makeCuts(rows, nf);
  const X = binRows(rows, cuts);
  const nb = 64;
  let sw = 0, sy = 0;
  for (let i = 0; i < n; i++) { sw += w[i]; sy += w[i] * y[i]; }
  const p0 = Math.min(0.99, Math.max(0.01, sy / sw));
  const base = Math.log(p0 / (1 - p0));
  const F = new Float64Array(n).fill(base);
  const g = new Float64Array(n), h = new Float64Array(n);
  const node = new Int32Array(n);
  const rand = rng(seed);
  const model = { features, base, trees: [] };
  for (let t = 0; t < trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-F[i]));
      const use = rand() < subsample ? 1 : 0;
      g[i] = use * w[i] * (p - y[i]);
      h[i] = use * w[i] * Math.max(p * (1 - p), 1e-6);
      node[i] = 0;
    }
    // tree as arrays; grow level by level
    const tf = [-1], tt = [0], tl = [-1], tr = [-1];
    let level = [0];
    for (let d = 0; d < depth && level.length; d++) {
      const slot = new Map(level.map((id, k) => [id, k]));
      const hg = new Float64Array(level.length * nf * nb), hh = new Float64Array(level.length * nf * nb);
      const G = new Float64Array(level.length), H = new Float64Array(level.length);
      for (let i = 0; i < n; i++) {
        if (h[i] === 0) continue;
        const k = slot.get(node[i]);
        if (k === undefined) continue;
        G[k] += g[i]; H[k] += h[i];
        const off = k * nf * nb, xo = i * nf;
        for (let f = 0; f < nf; f++) {
          const idx = off + f * nb + X[xo + f];
          hg[idx] += g[i]; hh[idx] += h[i];
        }
      }
      const next = [];
      for (let k = 0; k < level.length; k++) {
        const id = level[k];
        const parent = (G[k] * G[k]) / (H[k] + lambda);
        let bestGain = 1e-9, bf = -1, bb = -1;
        for (let f = 0; f < nf; f++) {
          let gl = 0, hl = 0;
          const off = k * nf * nb + f * nb;
          const nc = cuts[f].length;
          for (let b = 0; b < nc; b++) {
            gl += hg[off + b]; hl += hh[off + b];
            const gr = G[k] - gl, hr = H[k] - hl;
            if (hl < minHess || hr < minHess) continue;
            const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
            if (gain > bestGain) { bestGain = gain; bf = f; bb = b; }
          }
        }
        if (bf < 0) { tt[id] = (-G[k] / (H[k] + lambda)) * lr; continue; }
        const L = tf.length, R = L + 1;
        tf[id] = bf; tt[id] = cuts[bf][bb]; tl[id] = L; tr[id] = R;
        tf.push(-1, -1); tt.push(0, 0); tl.push(-1, -1); tr.push(-1, -1);
        next.push(L, R);
        // remember bin split for routing
        tt[id] = cuts[bf][bb];
        level[k] = { id, f: bf, b: bb, L, R };
      }
      // route rows
      const route = new Map();
      for (const s of level) if (typeof s === 'object') route.set(s.id, s);
      for (let i = 0; i < n; i++) {
        const s = route.get(node[i]);
        if (s) node[i] = X[i * nf + s.f] <= s.b ? s.L : s.R;
      }
      level = next;
    }
    // leaves at max depth
    if (level.length) {
      const G = new Map(), H = new Map();
      for (let i = 0; i < n; i++) {
        if (h[i] === 0) continue;
        G.set(node[i], (G.get(node[i]) ?? 0) + g[i]);
        H.set(node[i], (H.get(node[i]) ?? 0) + h[i]);
      }
      for (const id of level) tt[id] = (-(G.get(id) ?? 0) / ((H.get(id) ?? 0) + lambda)) * lr;
    }
    const tree = { f: tf, t: tt.map((v, i) => (tf[i] < 0 ? Number(v.toPrecision(6)) : v)), l: tl, r: tr };
    model.trees.push(tree);
    for (let i = 0; i < n; i++) F[i] += predictTree(tree, rows[i]);
  }
  return model;
}

export function predictTree(tree, row) {
  let nd = 0;
  for (;;) {
    const f = tree.f[nd];
    if (f < 0) return tree.t[nd];
    nd = row[f] <= tree.t[nd] ? tree.l[nd] : tree.r[nd];
  }
}

export function predict(model, row) {
  let s = model.base;
  for (const tree of model.trees) s += predictTree(tree, row);
  return 1 / (1 + Math.exp(-s));
}
