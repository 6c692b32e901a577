import { DeclutterError } from '../pipeline/errors.js';
import type { LabelledLine, Line } from '../pipeline/types.js';
import { CONFIDENCE_THRESHOLD } from '../pipeline/detect.js';
import { labelLines, pageChrome } from './label.js';
import { CLEANER_FILE_DEFAULTS, type CleanerDefinition, type Fingerprint, type Rule } from './schema.js';

/*
 * A first cleaner file for a new site, from one sample page: the page's
 * lines as comments (with what the draft makes of each), fingerprints from
 * the lines that look most like the site's furniture (a copyright or
 * contact line, a menu, a section heading), a title rule and a body rule,
 * and a footer zone when a line ends the article. Pure: lines in, YAML text
 * out; `declutter init-cleaner` reads the page and writes the file. The
 * draft loads as it is (cleaners/file.ts) and cleans its sample page into
 * an article with the title it names; the user refines it from there.
 */

export interface DraftOptions {
  /** The cleaner's id: lower-case letters, digits and hyphens. */
  id: string;
  /** The site's name (default: the id); for HTML pages, what the page states (`og:site_name`) is a good start. */
  site?: string | null | undefined;
  /** The sample page's name, for the header comment (a file name, not a path). */
  sample?: string | undefined;
}

/** What kind of site furniture a line looks like; `text` is none. */
export type LineKind = 'copyright' | 'contact' | 'menu' | 'heading' | 'furniture' | 'text';

/** The widest a page line is shown in the draft's comments, in characters. */
export const COMMENT_WIDTH = 100;
/** The longest line taken as a fingerprint or a literal rule: longer ones are article text. */
const MAX_LITERAL = 80;
/** The most lines one rule names by their text. */
const MAX_ALTERNATIVES = 8;
/** How many fingerprints a draft gets at most. */
const MAX_FINGERPRINTS = 3;
/** What the fingerprints found together give, at least: above the detection threshold, so that a page may miss the weakest. */
const TARGET_CONFIDENCE = 0.75;

const WEIGHTS: Record<Exclude<LineKind, 'text'>, number> = { copyright: 0.6, contact: 0.4, menu: 0.4, heading: 0.3, furniture: 0.2 };
const RANK: Record<LineKind, number> = { copyright: 5, contact: 4, menu: 3, heading: 2, furniture: 1, text: 0 };

const WHY: Record<Exclude<LineKind, 'text'>, string> = {
  copyright: 'a copyright line, printed on every page of a site and on no other site',
  contact: 'a contact line (address, e-mail, telephone) of the site',
  menu: 'a menu of the site (short items between separators)',
  heading: 'a section heading of the site (short, in capitals or a usual section name)',
  furniture: 'a usual word of site furniture (share, subscribe, advertisement…)',
};

/** Words that are site furniture when they make up a whole line. */
const FURNITURE_WORDS = new RegExp(
  '^(?:home|menu|search|subscribe|subscribe now|sign in|sign up|log in|login|logout|log out|register|newsletter|' +
    'share|share this|share this story|share this article|follow us|advertisement|advertising|sponsored|' +
    'privacy|privacy policy|cookies|cookie policy|terms|terms of use|terms and conditions|about|about us|' +
    'contact|contact us|careers|back to top|skip to content|read more|comments|print|email|tweet|facebook|twitter|whatsapp|linkedin)$',
  'i',
);
/** Words of a row of share buttons (`Share this article Facebook Twitter Email`). */
const SHARE_WORDS = new Set(['share', 'this', 'article', 'story', 'post', 'on', 'via', 'facebook', 'twitter', 'x', 'email', 'e-mail', 'whatsapp', 'linkedin', 'reddit', 'telegram', 'pinterest', 'print', 'copy', 'link', 'follow', 'us']);
const SECTION_WORDS = /^(?:trending|trending now|popular|most popular|most read|latest|latest news|related|related stories|related articles|more stories|more news|more from \S.*|recommended|you may also like|also read|top stories|editor's picks)$/i;
const COPYRIGHT = /©|\(c\)\s|\bcopyright\b|\ball rights reserved\b/i;
const CONTACT = /^(?:contact|e-?mail|phone|tel|call us|write to us|address)\b\s*:?|[\w.+-]+@[\w-]+\.[\w.-]+|\+\d[\d ()-]{6,}\d/i;
const MENU_SEPARATORS = /\s[|·•»/]\s|\s\|\s?|\s?\|\s/;

/** What kind of site furniture a line looks like, from its text alone. */
export function lineKind(text: string): LineKind {
  const words = text.split(' ').filter((word) => word !== '');
  if (words.length === 0) return 'text';
  if (text.length <= MAX_LITERAL && COPYRIGHT.test(text)) return 'copyright';
  if (text.length <= MAX_LITERAL && CONTACT.test(text) && !/[.!?]$/.test(text)) return 'contact';
  if (MENU_SEPARATORS.test(text)) {
    const items = text.split(/\s*[|·•»/]\s*/).filter((item) => item !== '');
    const short = items.every((item) => item.split(' ').length <= 3 && !/\d/.test(item) && !/^by\s/i.test(item));
    if (items.length >= 2 && short) return 'menu';
  }
  if (SECTION_WORDS.test(text)) return 'heading';
  if (words.length <= 6 && /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && /\p{L}{2}/u.test(text)) return 'heading';
  if (FURNITURE_WORDS.test(text)) return 'furniture';
  if (words.length <= 8 && words.every((word) => SHARE_WORDS.has(word.toLowerCase().replace(/[:,]$/, '')))) return 'furniture';
  return 'text';
}

/** Whether a line reads like a headline: a few words of ordinary text, not furniture, not a list item. */
function isHeadlineLike(text: string): boolean {
  const words = text.split(' ').length;
  return words >= 3 && text.length <= 200 && /\p{Ll}/u.test(text) && !LIST_ITEM.test(text) && lineKind(text) === 'text';
}

const LIST_ITEM = /^(?:[•□■▪◦▸►*·–-]|\d{1,3}[.)])\s/u;

/** A paragraph of article text: a long line that ends a sentence. */
function isParagraph(text: string): boolean {
  return text.split(' ').length >= 20 && /[.!?…"”’)]$/u.test(text);
}

/** A headline and not a byline, dek, menu or a paragraph's continuation: a few words, starting as a title does. */
function isTitleLike(text: string): boolean {
  return (
    isHeadlineLike(text) &&
    /^[\p{Lu}\p{N}"“‘'(]/u.test(text) &&
    !/^by\s/i.test(text) &&
    !/[.,;:|]$/.test(text) &&
    !text.includes(' | ') &&
    !/\blogo\b/i.test(text) &&
    text.split(' ').length <= 25
  );
}

/** How far above the article's first paragraph its headline is looked for, in lines. */
const HEADLINE_REACH = 12;

/**
 * The page's headline: an HTML page's h1; else, above where the article
 * starts (its first paragraph), the nearest
 * line that reads like a headline and not like a byline, dek or menu;
 * else the first line that reads like a headline; else the first line.
 */
function findHeadline(content: readonly Line[]): Line {
  const h1 = content.find((line) => line.markup?.heading === 1);
  if (h1) return h1;
  const start = content.findIndex((line) => isParagraph(line.text));
  for (let i = start - 1; i >= 0 && i >= start - HEADLINE_REACH; i--) {
    const text = content[i]!.text;
    if (isTitleLike(text)) return content[i]!;
  }
  return content.find((line) => isHeadlineLike(line.text)) ?? content[0]!;
}

/** A line's text as a regular expression that matches it and nothing else (for the `u` flag, printable in YAML). */
export function literalPattern(text: string): string {
  return `^${escapeRegExp(text)}$`;
}

/** Regular-expression syntax characters escaped, and characters YAML cannot hold (or people cannot see) written as `\u{…}`. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/**
 * What must not appear as it is in a comment or a plain scalar: controls
 * (a line break would end the comment), format characters (bidirectional
 * overrides, zero-width characters, the byte-order mark), separators,
 * surrogates without their pair, unassigned and private code points, and
 * spaces other than the plain one.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]|(?! )\p{Zs}/gu;

/** Page text made safe and visible in a comment: each unsafe character as `\xHH` or `\u{…}`. */
export function escapeForComment(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.codePointAt(0)!;
    if (char === '\t') return '\\t';
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** At most `width` characters (whole code points), the rest cut with `…`. */
export function cut(text: string, width: number = COMMENT_WIDTH): string {
  const chars = Array.from(text);
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** A YAML scalar for any text: single-quoted when that can hold it, double-quoted with escapes otherwise. */
export function yamlString(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return `'${text.replace(/'/g, "''")}'`;
  UNSAFE.lastIndex = 0;
  const escaped = text
    .replace(/[\\"]/g, '\\$&')
    .replace(UNSAFE, (char) => {
      const code = char.codePointAt(0)!;
      return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
    });
  return `"${escaped}"`;
}

/** An id from a file name: `Harbour Herald (1).html` → `harbour-herald-1`; null when nothing is left. */
export function idFromFileName(name: string): string | null {
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return slug === '' ? null : slug.slice(0, 40).replace(/-+$/, '');
}

/** Why an id cannot be a cleaner's, or null when it can. */
export function idProblem(id: string): string | null {
  return /^[a-z][a-z0-9-]*$/.test(id) ? null : `"${id}" is not an id: lower-case letters, digits and hyphens, starting with a letter`;
}

interface Picked {
  line: Line;
  kind: Exclude<LineKind, 'text'>;
}

interface Draft {
  definition: CleanerDefinition;
  /** Why each fingerprint was picked, in the order of the definition's. */
  reasons: string[][];
  title: Line;
  labels: LabelledLine[];
}

/** The draft as a definition, before it is written: fingerprints, rules and what they make of the sample. */
export function planDraft(lines: readonly Line[], options: DraftOptions): Draft {
  const problem = idProblem(options.id);
  if (problem !== null) throw new DeclutterError('bad-option', problem);
  const chromeOf = (line: Line) => (line.markup ? pageChrome(line.markup) : null);
  const content = lines.filter((line) => line.text !== '' && chromeOf(line) === null);
  if (content.length === 0) {
    const blank = lines.every((line) => line.text === '');
    throw new DeclutterError('empty', blank ? 'the sample page has no text to draft a cleaner from' : "the sample page's text is all in its page chrome (nav, header, footer, aside), which cleaners never see");
  }

  const title = findHeadline(content);
  const titleIndex = content.indexOf(title);
  const masthead = content.slice(0, titleIndex);
  const after = content.slice(titleIndex + 1);
  const footer = after.find((line) => {
    const kind = lineKind(line.text);
    return kind !== 'text' && kind !== 'furniture';
  });
  const article = footer === undefined ? after : after.slice(0, after.indexOf(footer));
  const clutter = unique(article.filter((line) => lineKind(line.text) === 'furniture').map((line) => line.text)).slice(0, MAX_ALTERNATIVES);

  const { fingerprints, reasons } = pickFingerprints(lines, title);

  const start = mastheadRules(masthead, title, { name: 'headline', match: /./u, label: 'title', then: 'body' });
  const zones: Record<string, Rule[]> = { top: start.top, ...(start.headline && { headline: start.headline }) };
  const body: Rule[] = [];
  if (clutter.length > 0) body.push({ name: 'furniture', match: alternation(clutter), label: 'dropped', reason: 'site furniture' });
  if (footer !== undefined) {
    body.push({ name: 'footer', match: new RegExp(literalPattern(footer.text), 'u'), label: 'dropped', reason: 'end of the article', then: 'footer' });
  }
  body.push({ name: 'paragraph', match: /./u, label: 'body' });
  zones.body = body;
  if (footer !== undefined) zones.footer = [{ name: 'rest', match: /./u, label: 'dropped', reason: 'after the article' }];

  const site = options.site?.trim() || options.id;
  const definition: CleanerDefinition = {
    id: options.id,
    site,
    version: '0.1.0',
    recognizes: `pages of ${site}`,
    timeZone: CLEANER_FILE_DEFAULTS.timeZone,
    dateFormats: [...CLEANER_FILE_DEFAULTS.dateFormats],
    agencyFromByline: CLEANER_FILE_DEFAULTS.agencyFromByline,
    fingerprints,
    clutterMarkers: [],
    start: 'top',
    zones,
  };
  return { definition, reasons, title, labels: labelLines(lines, definition) };
}

/** The draft cleaner file (YAML) for a sample page's lines. */
export function draftCleaner(lines: readonly Line[], options: DraftOptions): string {
  const { definition, reasons, title, labels } = planDraft(lines, options);
  const out: string[] = [];
  out.push(`# A draft cleaner for ${escapeForComment(definition.site)}, made by \`declutter init-cleaner\`${options.sample === undefined ? '' : ` from ${escapeForComment(options.sample)}`}.`);
  out.push('# Refine it (the sample page, as this draft labels it, is at the end), then pin what');
  out.push('# it gives: declutter check <pages> --cleaners <this file> --update');
  out.push(`id: ${definition.id}`);
  out.push(`site: ${yamlString(definition.site)}`);
  out.push(`version: ${definition.version}`);
  out.push('# Optional, with their defaults:');
  out.push('# recognizes: pages of <site>');
  out.push(`# timeZone: ${CLEANER_FILE_DEFAULTS.timeZone.padEnd(36)}# the zone the site means when it prints a time without one`);
  out.push(`# dateFormats: ${JSON.stringify(CLEANER_FILE_DEFAULTS.dateFormats).replaceAll(',', ', ')}`);
  out.push('# clutterMarkers: []                            # text that must never survive into an article (check --lint)');
  const together = 1 - definition.fingerprints.reduce((doubt, { weight }) => doubt * (1 - weight), 1);
  out.push(
    `# Fingerprints: lines that tell this site's pages apart. Together they give confidence ${round(together)};`,
    `# a page is recognized from ${CONFIDENCE_THRESHOLD} on (1 - the product of (1 - weight) over those found).`,
  );
  out.push('fingerprints:');
  definition.fingerprints.forEach((fingerprint, i) => {
    for (const reason of reasons[i]!) out.push(`  # ${reason}`);
    out.push(`  - { name: ${yamlString(fingerprint.name)}, pattern: ${yamlString(fingerprint.pattern.source)}, weight: ${fingerprint.weight} }`);
  });
  out.push('start: top');
  out.push('zones:');
  for (const [zone, rules] of Object.entries(definition.zones)) {
    out.push(`  ${zone}:`);
    for (const rule of rules) {
      const parts = [`name: ${rule.name}`, `match: ${yamlString(rule.match.source)}`, `label: ${rule.label}`];
      if (rule.reason !== undefined) parts.push(`reason: ${rule.reason}`);
      if (rule.then !== undefined) parts.push(`then: ${rule.then}`);
      out.push(`    - { ${parts.join(', ')} }`);
    }
  }
  const width = String(lines.length === 0 ? 1 : lines[lines.length - 1]!.n).length;
  out.push('');
  out.push(`# The sample page, line by line, as this draft labels it (headline: line ${title.n}):`);
  for (const line of labels) {
    const what = line.rule === 'blank' ? '' : `${line.label === 'dropped' ? `dropped (${line.rule})` : line.label}`;
    const text = line.text === '' ? '' : `  ${escapeForComment(cut(line.text))}`;
    out.push(`# ${String(line.n).padStart(width)}${what === '' ? '' : `  ${what.padEnd(20)}`}${text}`.trimEnd());
  }
  return `${out.join('\n')}\n`;
}

/**
 * The lines that look most like the site's furniture, surest kind first
 * (copyright, contact, menu, heading, usual word), longer (more particular)
 * first within a kind; weights by kind, raised together when they would
 * reach less than TARGET_CONFIDENCE. A page without any furniture gets its
 * shortest lines other than the headline, with a comment saying so.
 */
function pickFingerprints(lines: readonly Line[], title: Line): { fingerprints: Fingerprint[]; reasons: string[][] } {
  const seen = new Set<string>();
  const candidates: Picked[] = [];
  const plain: Line[] = [];
  for (const line of lines) {
    if (line.text === '' || line.text === title.text || seen.has(line.text) || line.text.length > MAX_LITERAL) continue;
    seen.add(line.text);
    const kind = lineKind(line.text);
    if (kind === 'text') plain.push(line);
    else candidates.push({ line, kind });
  }
  candidates.sort((a, b) => RANK[b.kind] - RANK[a.kind] || Math.min(b.line.text.length, 40) - Math.min(a.line.text.length, 40) || a.line.n - b.line.n);
  let picked: { line: Line; why: string; weight: number; name: string }[] = candidates.slice(0, MAX_FINGERPRINTS).map(({ line, kind }) => ({
    line,
    why: WHY[kind],
    weight: WEIGHTS[kind],
    name: `${kind} (line ${line.n})`,
  }));
  if (picked.length === 0) {
    const shortest = (plain.length > 0 ? plain : [title]).slice().sort((a, b) => a.text.length - b.text.length || a.n - b.n);
    picked = shortest.slice(0, 2).map((line) => ({
      line,
      why: line === title ? 'the headline itself, as no other line could be: this matches this page only; write a line every page of the site has' : 'no line looks like site furniture; one of the shortest lines, which may be the site\'s: check that every page has it',
      weight: 0.2,
      name: `line ${line.n}`,
    }));
  }
  const doubt = picked.reduce((product, { weight }) => product * (1 - weight), 1);
  if (1 - doubt < TARGET_CONFIDENCE) {
    // Raise every (1 - weight) to the same power, so that together they give TARGET_CONFIDENCE.
    const power = Math.log(1 - TARGET_CONFIDENCE) / Math.log(doubt);
    for (const entry of picked) entry.weight = Math.min(0.95, Math.ceil((1 - (1 - entry.weight) ** power) * 100) / 100);
  }
  const digits = (text: string) => (/\d/.test(text) ? ['it holds digits (a year, a date?): write \\d where they change from page to page'] : []);
  return {
    fingerprints: picked.map(({ line, weight, name }) => ({ name, pattern: new RegExp(literalPattern(line.text), 'u'), weight })),
    reasons: picked.map(({ line, why, weight }) => [`line ${line.n}: ${why} (weight ${weight})`, ...digits(line.text)]),
  };
}

/**
 * The rules of the zone the page starts in, which drop the lines above the
 * headline: a few short ones by their text, in one rule before the
 * headline rule; a long masthead (a menu of many lines) by the last line
 * above the headline that it holds once, after which the headline zone
 * drops the lines repeated from above and takes the next one; and when
 * there is no such line, the headline by its own text.
 */
function mastheadRules(masthead: readonly Line[], title: Line, headline: Rule): { top: Rule[]; headline?: Rule[] } {
  // A line equal to the headline is left out: it would be the title as well.
  const texts = unique(masthead.map((line) => line.text)).filter((text) => text !== title.text);
  if (texts.length === 0) return { top: [headline] };
  if (texts.length <= MAX_ALTERNATIVES && texts.every((text) => text.length <= MAX_LITERAL)) {
    return { top: [{ name: 'masthead', match: alternation(texts), label: 'dropped', reason: 'above the headline' }, headline] };
  }
  const count = new Map<string, number>();
  for (const { text } of masthead) count.set(text, (count.get(text) ?? 0) + 1);
  let end = masthead.length - 1;
  while (end >= 0 && (count.get(masthead[end]!.text) !== 1 || masthead[end]!.text === title.text)) end--;
  const rest = unique(masthead.slice(end + 1).map((line) => line.text)).filter((text) => text !== title.text);
  if (end < 0 || rest.length > MAX_ALTERNATIVES || rest.some((text) => text.length > MAX_LITERAL)) {
    // No line to end the masthead by: the headline by its own text (this page's only), everything before it dropped.
    return {
      top: [
        { ...headline, match: new RegExp(literalPattern(title.text), 'u') },
        { name: 'masthead', match: /./u, label: 'dropped', reason: 'above the headline' },
      ],
    };
  }
  return {
    top: [
      { name: 'masthead-end', match: new RegExp(literalPattern(masthead[end]!.text), 'u'), label: 'dropped', reason: 'the last line above the headline once', then: 'headline' },
      { name: 'masthead', match: /./u, label: 'dropped', reason: 'above the headline' },
    ],
    headline: [...(rest.length > 0 ? [{ name: 'masthead', match: alternation(rest), label: 'dropped' as const, reason: 'above the headline' }] : []), headline],
  };
}

/** One pattern for any of these whole lines. */
function alternation(texts: readonly string[]): RegExp {
  return new RegExp(texts.length === 1 ? literalPattern(texts[0]!) : `^(?:${texts.map(escapeRegExp).join('|')})$`, 'u');
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
