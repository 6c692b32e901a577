import { COUNTRY_PATTERN } from '../places.js';
import { defineCleaner, type Rule } from '../schema.js';
import { noteRules, PROMO_MARKERS, promoRules, WIRE_DATELINE } from '../wire.js';

/*
 * A Devdiscourse page, top to bottom:
 *
 *   Left Menu                                   navigation
 *   <headline>
 *   <standfirst>
 *   <byline> | <place> | Updated: dd-MM-yyyy HH:mm IST | Created: …
 *   <headline again>
 *   <caption> Image Credit: <credit>
 *   • Country:  • Russia  • …                  countries and regions only
 *   • <highlight>                               bullets that are no place open the body
 *   <paragraphs>                                the first may open with a wire dateline
 *   Also Read: …                                promo lines, dropped
 *   (With inputs from agencies.)                editorial notes
 *   TRENDING  1 <headline> <headline> <section>  2 …
 *   OPINION / BLOG / INTERVIEW  <headlines>
 *   DevShots  Latest News  …  © Copyright       footer
 */

const FOOTER_LINE =
  /^(?:DevShots|Latest News|Connect us on|LinkedIn Quora Youtube RSS|Give Feedback|Subscribe to our Newsletter|SECTORS|EDITIONS|OTHER LINKS|OTHER PRODUCTS|CONNECT|Email: \S+@devdiscourse\.com|Phone: [+\d][\d ,+-]*|VisionRI \| Disclaimer.*|© Copyright \d{4})$/;

const RANK = /^\d{1,2}$/;

/** Where the article ends and the page's own lists begin. */
const leaveArticle: Rule[] = [
  {
    name: 'trending-heading',
    match: /^TRENDING$/,
    followedBy: RANK,
    label: 'dropped',
    reason: 'section heading',
    then: 'trending',
  },
  {
    name: 'opinion-heading',
    match: /^OPINION \/ BLOG \/ INTERVIEW$/,
    label: 'dropped',
    reason: 'section heading',
    then: 'opinion',
  },
  { name: 'footer', match: FOOTER_LINE, label: 'dropped', reason: 'site footer', then: 'footer' },
];

const bodyRules: Rule[] = [
  ...leaveArticle,
  ...promoRules,
  ...noteRules,
  { name: 'paragraph', match: /./, label: 'body', then: 'body' },
];

/** Wire copy can open with its own dateline: `Hamirpur (HP), Sept. 16 (PTI) – …`. */
const wireDateline: Rule = { name: 'wire-dateline', match: WIRE_DATELINE, label: 'body', then: 'body' };

/** `• Total outlay of Rs 1,00,000 crore…`: a highlight opening the story, kept as printed; a dateline may follow. */
const highlight: Rule = { name: 'highlight', match: /^• \S/, label: 'body', then: 'highlights' };

const metaLine: Rule = {
  name: 'byline-place-dates',
  match:
    /^(?<byline>[^|]{1,120}?)(?: \| (?<dateline>[^|]{1,120}?))? \| Updated: (?<updated>[^|]{1,40}?)(?: \| Created: (?<published>[^|]{1,40}?))?$/,
  label: 'byline',
  then: 'figure',
};

// A country is a place name from the shared list: the list ends at the first
// bullet that is not one, and that bullet (a highlight of the story) is body.
const countryItem: Rule = {
  name: 'country-item',
  match: new RegExp(`^• (?<country>${COUNTRY_PATTERN})$`),
  label: 'countries',
};

export default defineCleaner({
  id: 'devdiscourse',
  site: 'Devdiscourse (devdiscourse.com)',
  version: '1.2.0',
  recognizes:
    'the "<desk> | <place> | Updated: dd-MM-yyyy HH:mm IST | Created: …" line, "• Country:" lists of countries and regions, highlight bullets, wire datelines, promo lines, editorial notes, TRENDING and OPINION / BLOG / INTERVIEW blocks, the devdiscourse.com footer',
  timeZone: 'Asia/Kolkata',
  dateFormats: ['dd-MM-yyyy HH:mm', 'dd-MM-yyyy HH:mm:ss'],
  agencyFromByline: true,
  // Detection rests on what only Devdiscourse prints; the generic hints
  // (headings, a country list, a menu) together stay under the threshold.
  fingerprints: [
    { name: 'byline | place | Updated: … | Created: … line', pattern: /\| Updated: \d{2}-\d{2}-\d{4} \d{2}:\d{2}\b/, weight: 0.9 },
    { name: 'syndication note naming Devdiscourse', pattern: /^\(This story has not been edited by Devdiscourse staff/, weight: 0.7 },
    { name: 'devdiscourse.com contact address', pattern: /^Email: \S+@devdiscourse\.com$/, weight: 0.6 },
    { name: 'Devdiscourse News Desk byline', pattern: /^Devdiscourse News Desk \|/, weight: 0.6 },
    { name: 'DevShots footer link', pattern: /^DevShots$/, weight: 0.5 },
    { name: 'OPINION / BLOG / INTERVIEW heading', pattern: /^OPINION \/ BLOG \/ INTERVIEW$/, weight: 0.2 },
    { name: '• Country: list', pattern: /^• Country:$/, weight: 0.1 },
    { name: 'Left Menu navigation', pattern: /^Left Menu$/, weight: 0.05 },
  ],
  requires: [{ part: 'byline/date line', rules: ['byline-place-dates'] }],
  clutterMarkers: [
    /^TRENDING$/,
    /^OPINION \/ BLOG \/ INTERVIEW$/,
    /^Left Menu$/,
    /\bImage Credit:/,
    /^• Country:/,
    /\| Updated: \d{2}-\d{2}-\d{4}/,
    FOOTER_LINE,
    ...PROMO_MARKERS,
  ],
  start: 'top',
  zones: {
    top: [
      { name: 'navigation', match: /^Left Menu$/, label: 'dropped', reason: 'site navigation' },
      { name: 'headline', match: /./, label: 'title', then: 'standfirst' },
    ],
    standfirst: [
      metaLine,
      // The headline printed again still marks the figure when the meta line changed shape (warned: see requires).
      { name: 'repeated-headline', match: /./, sameAsTitle: true, label: 'dropped', reason: 'headline printed again', then: 'figure' },
      ...leaveArticle,
      { name: 'standfirst', match: /./, label: 'summary' },
    ],
    figure: [
      { name: 'repeated-headline', match: /./, sameAsTitle: true, label: 'dropped', reason: 'headline printed again' },
      {
        name: 'image-credit',
        match: /^(?<caption>.{0,300}?) ?Image Credit: ?(?<credit>.{1,120})$/,
        label: 'image',
      },
      { name: 'country-heading', match: /^• Country:$/, label: 'countries', then: 'countries' },
      highlight,
      wireDateline,
      ...bodyRules,
    ],
    countries: [countryItem, highlight, wireDateline, ...bodyRules],
    highlights: [highlight, wireDateline, ...bodyRules],
    body: bodyRules,
    trending: [
      { name: 'rank', match: RANK, label: 'dropped', reason: 'rank number' },
      { name: 'repeated-headline', match: /./, repeatsPrevious: true, label: 'dropped', reason: 'headline printed again', then: 'trending-section' },
      ...leaveArticle,
      { name: 'trending-headline', match: /./, label: 'related' },
    ],
    'trending-section': [
      { name: 'rank', match: RANK, label: 'dropped', reason: 'rank number', then: 'trending' },
      ...leaveArticle,
      { name: 'trending-section', match: /^(?<section>[^\d].{0,40})$/, label: 'related', attach: 'previous', then: 'trending' },
    ],
    opinion: [...leaveArticle, { name: 'opinion-headline', match: /./, label: 'related' }],
    footer: [{ name: 'footer', match: /./, label: 'dropped', reason: 'site footer' }],
  },
});
