// The held-out part of a corpus laid out like WCXB (Web Content eXtraction
// Benchmark, CC-BY-4.0): a deterministic split by domain, so that a page and
// its siblings from the same site are always on the same side. Tuning and
// model training use the rest; `npm run bench:quality -- --holdout` scores
// only the held-out pages.
import { createHash } from 'node:crypto';

/** The share of domains held out. */
export const HOLDOUT_SHARE = 0.3;

// Second-level labels under which a country code's registrable names sit
// (example.co.uk, example.com.au), as the common public suffixes have them.
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'go', 'gob', 'gov', 'gv', 'ltd', 'ne', 'net', 'nic', 'or', 'org', 'plc', 'sch']);

/**
 * The registrable host of a URL: lower case, without `www.` and other
 * subdomains: the last two labels, or three under a country code's second
 * level (`news.bbc.co.uk` → `bbc.co.uk`). An IP address or a one-label host
 * stays whole; an unparsable URL gives the text itself, lower-cased.
 */
export function registrableHost(url) {
  let host;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return String(url ?? '').toLowerCase();
  }
  host = host.replace(/\.$/u, '');
  if (/^[0-9.]+$/u.test(host) || host.startsWith('[')) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const last = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const keep = last.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Whether pages of this URL's domain are held out: the first 32 bits of SHA-256 of the registrable host, below the share. */
export function isHeldOut(url, share = HOLDOUT_SHARE) {
  const digest = createHash('sha256').update(registrableHost(url)).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < share;
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
