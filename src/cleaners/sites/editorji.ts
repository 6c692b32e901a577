import { defineCleaner, type Rule } from '../schema.js';
import { noteRules, PROMO_MARKERS, promoRules, WIRE_DATELINE, WIRE_SIGNOFF } from '../wire.js';

/*
 * An Editorji page, top to bottom:
 *
 *   <headline>
 *   Updated : Oct 15, 2025 17:42                Indian time, no zone printed
 *   |
 *   <byline>                                    Editorji News Desk, PTI, a reporter
 *   Moscow, Oct 15 (AP) – <first paragraph>     wire dateline opens the body
 *   <paragraphs>
 *   ___  Follow AP's coverage of … at https://…  promo lines, dropped
 *   (With inputs from PTI)                      editorial notes
 *   (AP) RD RD                                  wire sign-off with editors' initials
 *   (Only the headline of this report may have been reworked by Editorji; …)
 *   Recommended For You
 *   editorji | World  <headline>  editorji | World  <headline> …
 */

/**
 * The line after `|`: a short line with no sentence in it (a long one is
 * already the story). Its only dots are those of initials, titles, ranks
 * and suffixes: `Meghna R. Iyer`, `Dr. Anil Rao`, `Mohd. Faizan Ali`,
 * `Martin Luther King Jr.`, `Lt. Gen. K. J. Singh`.
 */
const BYLINE =
  /^(?<byline>(?:[^.!?|]|(?<=\b(?:[A-Z]|Dr|Prof|Mr|Mrs|Ms|Mx|Mohd|Md|Jr|Sr|St|Ste|Lt|Gen|Col|Maj|Capt|Cdr|Brig|Adm|Sgt|Cpl|Rev|Fr|Hon|Sen|Rep|Gov|Pres|Amb|Smt|Shri|Sh|Km|Kum|Dy|Mt|Ft|Ph|Esq))\.){1,60})$/;

const bodyRules: Rule[] = [
  // A lone `|` introduces the byline wherever it comes, even after a meta line that changed shape.
  { name: 'separator', match: /^\|$/, label: 'dropped', reason: 'separator', then: 'byline' },
  { name: 'wire-signoff', match: WIRE_SIGNOFF, label: 'dropped', reason: 'wire sign-off', then: 'body' },
  ...promoRules,
  ...noteRules,
  {
    name: 'editorji-disclaimer',
    match: /^\((?<text>Only the headline of this report may have been reworked by Editorji[^()]{0,300})\)$/,
    label: 'note',
    then: 'body',
  },
  {
    name: 'recommended-heading',
    match: /^Recommended For You$/,
    label: 'dropped',
    reason: 'section heading',
    then: 'related',
  },
  { name: 'paragraph', match: /./, label: 'body', then: 'body' },
];

export default defineCleaner({
  id: 'editorji',
  site: 'Editorji (editorji.com), with AP and PTI wire copy',
  version: '1.2.0',
  recognizes:
    'the "Updated : Oct 15, 2025 17:42" line, "|" then the byline (abbreviations included), wire datelines such as "Moscow, Oct 15 (AP) –" or "Hamirpur (HP), 5 Jan (PTI):", promo lines, editorial notes, the Editorji disclaimer, "editorji | <section>" lists',
  timeZone: 'Asia/Kolkata',
  dateFormats: ['MMM d, yyyy HH:mm', 'MMMM d, yyyy HH:mm', 'MMM d, yyyy HH:mm:ss'],
  agencyFromByline: true,
  // Detection rests on what only Editorji prints; the generic hints (a
  // "Recommended For You" block, a wire sign-off) together stay under the threshold.
  fingerprints: [
    { name: 'Updated : Mon d, yyyy HH:mm line', pattern: /^Updated : [A-Z][a-z]{2,8} \d{1,2}, \d{4} \d{1,2}:\d{2}$/, weight: 0.8 },
    { name: 'disclaimer naming Editorji', pattern: /reworked by Editorji/, weight: 0.7 },
    { name: 'editorji | <section> label', pattern: /^editorji \| \S/, weight: 0.7 },
    { name: 'Editorji News Desk byline', pattern: /^Editorji News Desk$/, weight: 0.6 },
    { name: 'Recommended For You heading', pattern: /^Recommended For You$/, weight: 0.15 },
    { name: 'wire sign-off', pattern: WIRE_SIGNOFF, weight: 0.1 },
  ],
  requires: [
    { part: 'date line', rules: ['updated'] },
    { part: 'byline', rules: ['byline'] },
  ],
  clutterMarkers: [
    /^Updated : /,
    /^editorji \| /,
    /^Recommended For You$/,
    /^\|$/,
    WIRE_SIGNOFF,
    ...PROMO_MARKERS,
  ],
  start: 'top',
  zones: {
    top: [{ name: 'headline', match: /./, label: 'title', then: 'head' }],
    head: [
      { name: 'updated', match: /^Updated ?: ?(?<updated>.{1,40})$/, label: 'meta' },
      { name: 'wire-dateline', match: WIRE_DATELINE, label: 'body', then: 'body' },
      ...bodyRules,
    ],
    byline: [
      { name: 'byline', match: BYLINE, label: 'byline', then: 'lede' },
      { name: 'wire-dateline', match: WIRE_DATELINE, label: 'body', then: 'body' },
      ...bodyRules,
    ],
    lede: [{ name: 'wire-dateline', match: WIRE_DATELINE, label: 'body', then: 'body' }, ...bodyRules],
    body: bodyRules,
    related: [
      { name: 'section-label', match: /^editorji \| (?<section>.{1,40})$/, label: 'related', attach: 'next' },
      { name: 'recommended-headline', match: /./, label: 'related' },
    ],
  },
});
