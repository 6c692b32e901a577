// The held-out part of a corpus laid out like WCXB (Web Content eXtraction
// Benchmark, CC-BY-4.0): a deterministic split by domain, so that a page and
// its siblings from the same site are always on the same side. Tuning and
// model training use the rest; `npm run bench:quality -- --holdout` scores
// only the held-out pages.
import { createHash } from 'node:crypto';

/** The share of domains held out. */
export const HOLDOUT_SHARE = 0.3;

/**
 * The host a page is split by: its URL's host name, lower case, without a
 * leading `www.`; an unparsable URL gives the text itself, lower-cased.
 * The generic cleaner's training script (scripts/generic/corpus.mjs) splits
 * by the same rule, so that held-out figures are of pages it never saw.
 */
export function splitHost(url) {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./u, '');
  } catch {
    return String(url ?? '').toLowerCase();
  }
}

/** Whether pages of this URL's host are held out: the first 8 hex digits of SHA-1 of the host, modulo 10, below ten times the share. */
export function isHeldOut(url, share = HOLDOUT_SHARE) {
  const bucket = parseInt(createHash('sha1').update(splitHost(url)).digest('hex').slice(0, 8), 16) % 10;
  return bucket < share * 10;
}

/** The held-out ids of a pages.json object (id → `{ url }`), sorted. */
export function holdoutIds(pages, share = HOLDOUT_SHARE) {
  return Object.keys(pages)
    .filter((id) => isHeldOut(pages[id].url, share))
    .sort();
}

/** The ids left for tuning and training: every id not held out, sorted. */
export function trainIds(pages, share = HOLDOUT_SHARE) {
  return Object.keys(pages)
    .filter((id) => !isHeldOut(pages[id].url, share))
    .sort();
}
