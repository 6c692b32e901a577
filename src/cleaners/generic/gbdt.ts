/**
 * Gradient-boosted trees, prediction only. A model is plain JSON: for each
 * tree, parallel arrays of nodes; a node with feature -1 is a leaf whose
 * threshold holds its value. Trained by scripts/generic/train.mjs.
 */
export interface TreeModel {
  /** Feature names, in the order the rows hold them. */
  features: string[];
  /** Log-odds before the first tree. */
  base: number;
  trees: { f: number[]; t: number[]; l: number[]; r: number[] }[];
}

/**
 * A model's trees laid out once as complete trees of the model's depth in
 * flat typed arrays (node i's children at 2i+1 and 2i+2; a leaf above the
 * last level is copied down both sides), so that a row walks a fixed number
 * of steps with no branch on the tree's shape. Same sums, same order.
 */
interface FlatModel {
  base: number;
  trees: number;
  depth: number;
  inner: number;
  f: Int32Array;
  t: Float64Array;
  v: Float64Array;
}

const flat = new WeakMap<TreeModel, FlatModel>();

function flatten(model: TreeModel): FlatModel {
  let depth = 0;
  for (const tree of model.trees) {
    const walk = (i: number, d: number): number => (tree.f[i]! < 0 ? d : Math.max(walk(tree.l[i]!, d + 1), walk(tree.r[i]!, d + 1)));
    depth = Math.max(depth, walk(0, 0));
  }
  const inner = (1 << depth) - 1, leaves = 1 << depth, nt = model.trees.length;
  const out: FlatModel = {
    base: model.base,
    trees: nt,
    depth,
    inner,
    f: new Int32Array(nt * inner),
    t: new Float64Array(nt * inner),
    v: new Float64Array(nt * leaves),
  };
  model.trees.forEach((tree, k) => {
    const put = (node: number, pos: number, d: number): void => {
      const leaf = tree.f[node]! < 0;
      if (d === depth) {
        out.v[k * leaves + pos - inner] = tree.t[node]!;
        return;
      }
      out.f[k * inner + pos] = leaf ? 0 : tree.f[node]!;
      out.t[k * inner + pos] = leaf ? 0 : tree.t[node]!;
      put(leaf ? node : tree.l[node]!, 2 * pos + 1, d + 1);
      put(leaf ? node : tree.r[node]!, 2 * pos + 2, d + 1);
    };
    put(0, 0, 0);
  });
  flat.set(model, out);
  return out;
}

/** Log-odds of one row: a row goes left when its value is at most the node's threshold. */
export function margin(model: TreeModel, row: ArrayLike<number>): number {
  const m = flat.get(model) ?? flatten(model);
  const { f, t, v, depth, inner } = m;
  const leaves = inner + 1;
  let s = m.base;
  for (let k = 0, o = 0, lo = -inner; k < m.trees; k++, o += inner, lo += leaves) {
    let node = 0;
    for (let d = 0; d < depth; d++) node = 2 * node + (row[f[o + node]!]! <= t[o + node]! ? 1 : 2);
    s += v[lo + node]!;
  }
  return s;
}

/**
 * Log-odds of many rows, the same sums in the same order as `margin`; tree by
 * tree over all rows, so that the rows' walks overlap and the tree stays in cache.
 */
export function margins(model: TreeModel, rows: ArrayLike<number>[]): Float64Array {
  const m = flat.get(model) ?? flatten(model);
  const { f, t, v, depth, inner } = m;
  const leaves = inner + 1, n = rows.length;
  const out = new Float64Array(n).fill(m.base);
  for (let k = 0, o = 0, lo = -inner; k < m.trees; k++, o += inner, lo += leaves) {
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      let node = 0;
      for (let d = 0; d < depth; d++) node = 2 * node + (row[f[o + node]!]! <= t[o + node]! ? 1 : 2);
      out[i] = out[i]! + v[lo + node]!;
    }
  }
  return out;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
