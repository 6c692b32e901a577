import { defineCleaner, type Rule } from '../schema.js';

/*
 * A Devdiscourse page, top to bottom:
 *
 *   Left Menu                                   navigation
 *   <headline>
 *   <standfirst>
 *   <byline> | <place> | Updated: dd-MM-yyyy HH:mm IST | Created: …
 *   <headline again>
 *   <caption> Image Credit: <credit>
 *   • Country:  • Russia  • …
 *   <paragraphs>
 *   (With inputs from agencies.)                editorial note
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
  {
    name: 'inputs-note',
    match: /^\((?<text>With inputs from [^()]{1,200})\)$/,
    label: 'note',
  },
  {
    name: 'syndication-note',
    match: /^\((?<text>This story has not been edited by Devdiscourse staff[^()]{0,300})\)$/,
    label: 'note',
  },
  { name: 'paragraph', match: /./, label: 'body', then: 'body' },
];

const metaLine: Rule = {
  name: 'byline-place-dates',
  match:
    /^(?<byline>[^|]{1,120}?)(?: \| (?<dateline>[^|]{1,120}?))? \| Updated: (?<updated>[^|]{1,40}?)(?: \| Created: (?<published>[^|]{1,40}?))?$/,
  label: 'byline',
  then: 'figure',
};

// A country is a name, not a sentence: a bulleted sentence opening the story is body.
const countryItem: Rule = {
  name: 'country-item',
  match: /^• (?<country>[^•]{0,79}[^•.!?:;])$/,
  label: 'countries',
};

export default defineCleaner({
  id: 'devdiscourse',
  site: 'Devdiscourse (devdiscourse.com)',
  version: '1.1.0',
  recognizes:
    'the "<desk> | <place> | Updated: dd-MM-yyyy HH:mm IST | Created: …" line, "• Country:" lists, TRENDING and OPINION / BLOG / INTERVIEW blocks, the devdiscourse.com footer',
  timeZone: 'Asia/Kolkata',
  dateFormats: ['dd-MM-yyyy HH:mm', 'dd-MM-yyyy HH:mm:ss'],
  agencyFromByline: true,
  fingerprints: [
    { name: 'byline | place | Updated: … | Created: … line', pattern: /\| Updated: \d{2}-\d{2}-\d{4} \d{2}:\d{2}\b/, weight: 0.9 },
    { name: 'syndication note naming Devdiscourse', pattern: /^\(This story has not been edited by Devdiscourse staff/, weight: 0.7 },
    { name: 'devdiscourse.com contact address', pattern: /^Email: \S+@devdiscourse\.com$/, weight: 0.6 },
    { name: 'Devdiscourse News Desk byline', pattern: /^Devdiscourse News Desk \|/, weight: 0.6 },
    { name: 'OPINION / BLOG / INTERVIEW heading', pattern: /^OPINION \/ BLOG \/ INTERVIEW$/, weight: 0.5 },
    { name: 'DevShots footer link', pattern: /^DevShots$/, weight: 0.5 },
    { name: '• Country: list', pattern: /^• Country:$/, weight: 0.4 },
    { name: 'Left Menu navigation', pattern: /^Left Menu$/, weight: 0.2 },
  ],
  clutterMarkers: [
    /^TRENDING$/,
    /^OPINION \/ BLOG \/ INTERVIEW$/,
    /^Left Menu$/,
    /\bImage Credit:/,
    /^• Country:/,
    /\| Updated: \d{2}-\d{2}-\d{4}/,
    FOOTER_LINE,
  ],
  start: 'top',
  zones: {
    top: [
      { name: 'navigation', match: /^Left Menu$/, label: 'dropped', reason: 'site navigation' },
      { name: 'headline', match: /./, label: 'title', then: 'standfirst' },
    ],
    standfirst: [
      metaLine,
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
      ...bodyRules,
    ],
    countries: [countryItem, ...bodyRules],
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
