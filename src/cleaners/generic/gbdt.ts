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

/** Log-odds of one row: a row goes left when its value is at most the node's threshold. */
export function margin(model: TreeModel, row: ArrayLike<number>): number {
  let s = model.base;
  for (const tree of model.trees) {
    let node = 0;
    for (;;) {
      const f = tree.f[node]!;
      if (f < 0) {
        s += tree.t[node]!;
        break;
      }
      node = row[f]! <= tree.t[node]! ? tree.l[node]! : tree.r[node]!;
    }
  }
  return s;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
