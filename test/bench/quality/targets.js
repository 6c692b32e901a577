// declutter's quality targets on the WCXB development split (Web Content
// eXtraction Benchmark, CC-BY-4.0). The per-type word F1 floors are the
// figures WCXB publishes for rs-trafilatura, the best published system on
// that split, HTML in.
export const RS_TRAFILATURA = {
  article: 0.932,
  documentation: 0.932,
  service: 0.844,
  forum: 0.808,
  collection: 0.716,
  listing: 0.707,
  product: 0.641,
};

/**
 * Each target: the input it is for, what is measured (a path into one
 * result of run.js), and the bound (`min` or `max`).
 */
export const TARGETS = [
  { input: 'html', what: 'shingle F1', path: ['f1'], min: 0.88 },
  { input: 'html', what: 'shingle F1, articles', path: ['byType', 'article', 'f1'], min: 0.95 },
  { input: 'html', what: 'word F1', path: ['wordF1'], min: 0.87 },
  ...Object.entries(RS_TRAFILATURA).map(([type, min]) => ({
    input: 'html',
    what: `word F1, ${type} (rs-trafilatura)`,
    path: ['byType', type, 'wordF1'],
    min,
  })),
  { input: 'html', what: 'title exact', path: ['metadata', 'titleExact'], min: 0.8 },
  { input: 'html', what: 'author hit', path: ['metadata', 'authorHit'], min: 0.75 },
  { input: 'html', what: 'author false', path: ['metadata', 'authorFalse'], max: 0.1 },
  { input: 'html', what: 'date hit', path: ['metadata', 'dateHit'], min: 0.85 },
  { input: 'html', what: 'date false', path: ['metadata', 'dateFalse'], max: 0.05 },
  { input: 'html', what: 'ms per page, median', path: ['ms', 'median'], max: 10, unit: 'ms' },
  { input: 'txt', what: 'shingle F1', path: ['f1'], min: 0.84 },
  { input: 'txt', what: 'shingle F1, articles', path: ['byType', 'article', 'f1'], min: 0.93 },
  { input: 'txt', what: 'word F1', path: ['wordF1'], min: 0.85 },
  { input: 'txt', what: 'title exact', path: ['metadata', 'titleExact'], min: 0.7 },
  { input: 'txt', what: 'ms per page, median', path: ['ms', 'median'], max: 2, unit: 'ms' },
];

function at(result, path) {
  let v = result;
  for (const key of path) v = v == null ? undefined : v[key];
  return typeof v === 'number' ? v : null;
}

function show(x, unit) {
  return unit === 'ms' ? `${x.toFixed(2)} ms` : x.toFixed(3);
}

/**
 * The targets of one result's input, each `{ input, what, value, measured,
 * want, ok }`. A page type not in the selection is left out; any other
 * figure the result lacks is missed.
 */
export function checkTargets(result) {
  const out = [];
  for (const t of TARGETS) {
    if (t.input !== result.input) continue;
    const value = at(result, t.path);
    if (value === null && t.path[0] === 'byType') continue;
    const ok = value !== null && (t.min !== undefined ? value >= t.min : value <= t.max);
    out.push({
      input: t.input,
      what: t.what,
      value,
      measured: value === null ? '-' : show(value, t.unit),
      want: t.min !== undefined ? `>= ${show(t.min, t.unit)}` : `<= ${show(t.max, t.unit)}`,
      ok,
    });
  }
  return out;
}
