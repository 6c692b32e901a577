// Deterministic synthetic corpus for the benchmark: pages of both sources
// recombined from the fixtures' parts (headlines, standfirsts, paragraphs,
// related headlines) with varied dates, places, countries and agencies,
// laid out as each site prints its pages, spread over nested folders.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bumped when the pages generated change, so an old corpus is not reused. */
const GENERATOR_VERSION = 2;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PLACES = ['Moscow', 'New Delhi', 'Rio de Janeiro, Brazil', 'Washington DC', 'Geneva', 'Nairobi', 'Mumbai', 'Sao Paulo', 'London', 'Tokyo'];
const COUNTRIES = ['Russia', 'India', 'Brazil', 'United States', 'China', 'Kenya', 'Japan', 'United Kingdom', 'Mexico', 'Syria'];
const DESKS = ['Devdiscourse News Desk', 'Reuters', 'PTI', 'Ananya Rao'];
const SECTIONS = ['Global', 'Australia', 'India', 'Business'];
const DASHES = [' – ', ' — ', ' - ', ' '];
const AGENCIES = ['AP', 'PTI'];

/** Small, fast, seedable: the same seed gives the same corpus on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The parts of every fixture page of each source, cleaned by the built library. */
async function harvest(root) {
  const { clean } = await import(join(root, 'dist', 'lib', 'index.js'));
  const parts = {};
  for (const source of ['devdiscourse', 'editorji']) {
    const dir = join(root, 'fixtures', source);
    const pool = { titles: [], summaries: [], paragraphs: [], related: [] };
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.txt') && !/\.expected\./.test(file)).sort()) {
      const article = clean(readFileSync(join(dir, name)), { path: name });
      pool.titles.push(article.title);
      if (article.summary) pool.summaries.push(article.summary);
      // Paragraphs that are plain prose in any position (no list markers, no parentheses at the ends).
      pool.paragraphs.push(...article.body.filter((text) => text.length > 40 && /^[A-Z"'“]/.test(text) && !/^\(|\)$/.test(text)));
      pool.related.push(...article.related.map((story) => story.title));
    }
    parts[source] = pool;
  }
  return parts;
}

const pick = (next, list) => list[Math.floor(next() * list.length)];
const pad = (value) => String(value).padStart(2, '0');

function someOf(next, list, min, max) {
  const count = min + Math.floor(next() * (max - min + 1));
  return Array.from({ length: count }, () => pick(next, list));
}

function devdiscoursePage(next, pool, n) {
  const title = `${pick(next, pool.titles)} (${n})`;
  const day = 1 + Math.floor(next() * 28);
  const month = 1 + Math.floor(next() * 12);
  const hour = Math.floor(next() * 23);
  const date = (minute) => `${pad(day)}-${pad(month)}-2025 ${pad(hour)}:${pad(minute)} IST`;
  const countries = [...new Set(someOf(next, COUNTRIES, 1, 3))];
  const trending = someOf(next, pool.related, 4, 4);
  const lines = [
    'Left Menu',
    '',
    title,
    '',
    pick(next, pool.summaries),
    '',
    `${pick(next, DESKS)} | ${pick(next, PLACES)} | Updated: ${date(30 + Math.floor(next() * 29))} | Created: ${date(Math.floor(next() * 29))}`,
    title,
    'Representative Image Image Credit: Reuters',
    '  • Country:',
    ...countries.map((country) => `  • ${country}`),
    '',
    ...someOf(next, pool.paragraphs, 2, 7).flatMap((text) => [text, '']),
    '(With inputs from agencies.)',
    '',
    'TRENDING',
    '',
    ...trending.flatMap((headline, i) => [String(i + 1), headline, '', headline, '', ` ${pick(next, SECTIONS)}`]),
    '',
    'OPINION / BLOG / INTERVIEW',
    '',
    ...someOf(next, pool.related, 2, 4).flatMap((headline) => [headline, '']),
    'DevShots',
    '',
    'Latest News',
    '',
    'VisionRI | Disclaimer | Terms of use | Privacy Policy',
    '',
    '© Copyright 2025',
  ];
  return { title, text: lines.join('\n') };
}

function editorjiPage(next, pool, n) {
  const title = `${pick(next, pool.titles)} (${n})`;
  const month = Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const agency = pick(next, AGENCIES);
  const [first, ...rest] = someOf(next, pool.paragraphs, 1, 5);
  const lines = [
    title,
    '',
    `Updated : ${MONTHS[month]} ${pad(day)}, 2025 ${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}`,
    '|',
    agency === 'PTI' ? 'PTI' : 'Editorji News Desk',
    '',
    `${pick(next, PLACES)}, ${MONTHS[month]} ${day} (${agency})${pick(next, DASHES)}${first}`,
    '',
    ...rest.flatMap((text) => [text, '']),
    `(${agency}) RD RD`,
    '',
    '(Only the headline of this report may have been reworked by Editorji; the rest of the content is auto-generated from a syndicated feed.)',
    '',
    'Recommended For You',
    '',
    ...someOf(next, pool.related, 3, 5).flatMap((headline) => ['editorji | World', '', headline, '']),
  ];
  return { title, text: lines.join('\n') };
}

/**
 * Makes (or reuses) `<dir>` holding `files` pages under `<dir>/pages/NN/NN/`,
 * and `<dir>/expected.ndjson`: per page its path, source and title.
 */
export async function ensureCorpus(root, dir, files) {
  const done = join(dir, 'complete.json');
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, files });
  if (existsSync(done) && readFileSync(done, 'utf8') === stamp) return { reused: true };
  rmSync(dir, { recursive: true, force: true });
  const fresh = `${dir}.partial`;
  rmSync(fresh, { recursive: true, force: true });
  const parts = await harvest(root);
  const next = random(20250129);
  const expected = [];
  for (let n = 0; n < files; n++) {
    const source = n % 2 === 0 ? 'devdiscourse' : 'editorji';
    const page = source === 'devdiscourse' ? devdiscoursePage(next, parts[source], n) : editorjiPage(next, parts[source], n);
    const folder = join('pages', pad(Math.floor(n / 1000) % 100), pad(Math.floor(n / 10) % 100));
    mkdirSync(join(fresh, folder), { recursive: true });
    const path = join(folder, `${source === 'devdiscourse' ? 'dd' : 'ej'}-${String(n).padStart(6, '0')}.txt`);
    writeFileSync(join(fresh, path), page.text);
    expected.push(JSON.stringify({ path, source, title: page.title }));
  }
  writeFileSync(join(fresh, 'expected.ndjson'), `${expected.join('\n')}\n`);
  writeFileSync(join(fresh, 'complete.json'), stamp);
  renameSync(fresh, dir);
  return { reused: false };
}
