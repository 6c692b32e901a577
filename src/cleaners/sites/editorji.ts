import { defineCleaner, type Rule } from '../schema.js';
import { AGENCY_PATTERN, MONTH_PATTERN } from '../vocabulary.js';

/*
 * An Editorji page, top to bottom:
 *
 *   <headline>
 *   Updated : Oct 15, 2025 17:42                Indian time, no zone printed
 *   |
 *   <byline>                                    Editorji News Desk, PTI, a reporter
 *   Moscow, Oct 15 (AP) – <first paragraph>     wire dateline opens the body
 *   <paragraphs>
 *   (AP) RD RD                                  wire sign-off with editors' initials
 *   (Only the headline of this report may have been reworked by Editorji; …)
 *   Recommended For You
 *   editorji | World  <headline>  editorji | World  <headline> …
 */

/** A word of a place name: `Moscow`, `Port-au-Prince`, `St.`, `N'Djamena`. */
// Bounded: an unbounded run here overflowed the regex stack on a 4 MB line of `A-A-A-…`.
const PLACE_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]{0,40}";
/** Small words inside place names: `Rio de Janeiro`, `Isle of Man`. */
const PLACE_JOINER = '(?:de|da|do|dos|das|del|della|di|du|la|le|los|las|of|el|al|am|on|upon|sur|en)';
/** `New Delhi`, `Rio de Janeiro, Brazil`: capitalized words, commas and joiners between them. */
const PLACE = `${PLACE_WORD}(?:,? (?:${PLACE_JOINER} )*${PLACE_WORD}){0,6}`;
/** AP's own style prints the place in capitals with no date: `UNITED NATIONS (AP) —`. */
const CAPITALS_PLACE = "\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}";

/**
 * `Moscow, Oct 15 (AP) – On Wednesday…`: the place, the date, the agency,
 * then an optional en dash, em dash or hyphen before the paragraph proper.
 * The place must look like one and be followed by a date (or be in
 * capitals), so a sentence citing `the Press Trust of India (PTI)` is not
 * mistaken for a dateline.
 */
const WIRE_DATELINE = new RegExp(
  `^(?<dateline>${PLACE}(?=, ${MONTH_PATTERN} \\d)|${CAPITALS_PLACE}(?= \\())(?:, ${MONTH_PATTERN} \\d{1,2})? \\((?<agency>${AGENCY_PATTERN})\\)(?: ?[–—-]+)? ?(?<text>\\S.*)$`,
  'u',
);

/** `(AP) RD RD`, `(PTI) KVK SKY`, `PTI KVK SKY`: initials of the wire's editors. */
const WIRE_SIGNOFF = new RegExp(`^(?:\\((?:${AGENCY_PATTERN})\\)|(?:${AGENCY_PATTERN}))(?: [A-Z]{1,6}){0,8}$`);

/**
 * The line after `|`: a short line with no sentence in it (a long one is
 * already the story). Its only dots are those of initials and titles:
 * `Meghna R. Iyer`, `Dr. Anil Rao`.
 */
const BYLINE = /^(?<byline>(?:[^.!?|]|(?<=\b(?:[A-Z]|Dr|Prof|Mr|Mrs|Ms))\.){1,60})$/;

const bodyRules: Rule[] = [
  { name: 'wire-signoff', match: WIRE_SIGNOFF, label: 'dropped', reason: 'wire sign-off', then: 'body' },
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
  version: '1.1.0',
  recognizes:
    'the "Updated : Oct 15, 2025 17:42" line, "|" then the byline, wire datelines such as "Moscow, Oct 15 (AP) –", the Editorji disclaimer, "editorji | <section>" lists',
  timeZone: 'Asia/Kolkata',
  dateFormats: ['MMM d, yyyy HH:mm', 'MMMM d, yyyy HH:mm', 'MMM d, yyyy HH:mm:ss'],
  agencyFromByline: true,
  fingerprints: [
    { name: 'Updated : Mon d, yyyy HH:mm line', pattern: /^Updated : [A-Z][a-z]{2,8} \d{1,2}, \d{4} \d{1,2}:\d{2}$/, weight: 0.8 },
    { name: 'disclaimer naming Editorji', pattern: /reworked by Editorji/, weight: 0.7 },
    { name: 'editorji | <section> label', pattern: /^editorji \| \S/, weight: 0.7 },
    { name: 'Editorji News Desk byline', pattern: /^Editorji News Desk$/, weight: 0.6 },
    { name: 'Recommended For You heading', pattern: /^Recommended For You$/, weight: 0.3 },
    { name: 'wire sign-off', pattern: WIRE_SIGNOFF, weight: 0.2 },
  ],
  clutterMarkers: [
    /^Updated : /,
    /^editorji \| /,
    /^Recommended For You$/,
    /^\|$/,
    WIRE_SIGNOFF,
  ],
  start: 'top',
  zones: {
    top: [{ name: 'headline', match: /./, label: 'title', then: 'head' }],
    head: [
      { name: 'updated', match: /^Updated ?: ?(?<updated>.{1,40})$/, label: 'meta' },
      { name: 'separator', match: /^\|$/, label: 'dropped', reason: 'separator', then: 'byline' },
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
