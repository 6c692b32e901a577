import type { Rule } from './schema.js';
import { AGENCY_PATTERN, MONTH_PATTERN } from './vocabulary.js';

/*
 * What wire copy and Indian news portals print around a story, whatever the
 * site: the dateline that opens it, the sign-off, the editorial notes and
 * the promotional lines desks paste between paragraphs. Sites take these
 * rules into their zones; the patterns are whole-line and linear.
 */

/**
 * A word of a place name: `Moscow`, `Port-au-Prince`, `St.`, `N'Djamena`,
 * and the Arabic article or French elision in front of one: `al-Balah`,
 * `d'Ivoire`: a capital, then what is no space, digit or punctuation that
 * ends a word.
 */
// The tail is a negated ASCII class rather than [\p{L}\p{M}…]: every
// Unicode property class costs about a millisecond to compile, twice (V8
// compiles a pattern to bytecode, then to machine code), and this pattern
// is compiled on every run that meets a dateline. Bounded: an unbounded run
// here overflowed the regex stack on a 4 MB line of `A-A-A-…`.
const PLACE_WORD = "(?:(?:al|el|ad|ar|as|an|ash|at|az|ul|d|l)['’-])?\\p{Lu}[^\\s\\d,;:()/\\[\\]{}|!?\"“”–—@#$%&*+=<>_~^]{0,40}";
/** Small words inside place names: `Rio de Janeiro`, `Dar es Salaam`, `Isle of Man`. */
const PLACE_JOINER =
  '(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|los|las|of|el|al|es|am|an|on|upon|sur|en|y|bin|ibn)';
/** PTI's state after a town: `(HP)`, `(Maha)`, `(J&K)`. */
const STATE = '(?: \\(\\p{Lu}[^\\s\\d(),]{0,9}\\))?';
/**
 * Places: capitalized words, each perhaps with its state, joined by commas
 * and joiners (`Deir al-Balah, Gaza Strip`) or slashes for a joint dateline
 * (`Srinagar/Jammu`, `Hubballi / Dharwad`). One word pattern in a loop, so
 * the pattern compiles once per word rather than once per place.
 */
const PLACE = `(?:(?:^|,? (?:${PLACE_JOINER} )*| ?/ ?)${PLACE_WORD}${STATE}){1,21}`;
/** AP's own style prints the place in capitals with no date: `UNITED NATIONS (AP) —`. */
const CAPITALS_PLACE = "\\p{Lu}[\\p{Lu} .'’/-]{1,40}";
/** `Oct 15`, `Sept. 16`, `Jan 5`, `5 Jan`. */
const DATE = `(?:${MONTH_PATTERN} \\d{1,2}|\\d{1,2} ${MONTH_PATTERN})`;

/**
 * `Moscow, Oct 15 (AP) – On Wednesday…`: the place, the date, the agency,
 * then an en dash, em dash, hyphen, colon or nothing before the paragraph
 * proper. The place must look like one and be followed by a date (or be in
 * capitals), so a sentence citing `the Press Trust of India (PTI)` is not
 * mistaken for a dateline.
 */
export const WIRE_DATELINE = new RegExp(
  `^(?<dateline>${PLACE}(?=, ${DATE} \\()|${CAPITALS_PLACE}(?= \\())(?:, ${DATE})? \\((?<agency>${AGENCY_PATTERN})\\)(?: ?(?:[–—-]+|:))? ?(?<text>\\S.*)$`,
  'u',
);

/** `(AP) RD RD`, `(PTI) KVK SKY`, `PTI KVK SKY`: initials of the wire's editors. */
export const WIRE_SIGNOFF = new RegExp(`^(?:\\((?:${AGENCY_PATTERN})\\)|(?:${AGENCY_PATTERN}))(?: [A-Z]{1,6}){0,8}$`);

/**
 * Lines a desk pastes into a story to send the reader elsewhere: `Also Read:
 * …`, `READ MORE: …`, `ALSO READ | …`, `Click here to …`, `Download the …
 * app`, AP's `___` separator and its `Follow AP's coverage of … at
 * https://apnews.com/…` trailer. Each is a whole line of its own.
 */
export const PROMO_LINES: readonly { name: string; match: RegExp }[] = [
  { name: 'also-read', match: /^(?:also read|read more|read also|also see|must read|watch)\s*(?:[:|–—-]|\s\|)\s*\S/i },
  { name: 'click-here', match: /^click here (?:to|for)\b/i },
  { name: 'download-app', match: /^download (?:the |our )?.{1,60}\bapp\b/i },
  { name: 'ap-separator', match: /^_{3,}$/ },
  { name: 'follow-coverage', match: /^Follow (?:AP|Reuters|AFP)['’]s coverage of .{1,200} at https?:\/\/\S+$/ },
];

/** The promo lines as rules that drop them, first in a body zone. */
export const promoRules: readonly Rule[] = PROMO_LINES.map(({ name, match }) => ({
  name: `promo-${name}`,
  match,
  label: 'dropped' as const,
  reason: 'promo line',
}));

/**
 * Editorial notes in parentheses, on a line of their own:
 * `(With inputs from PTI)`, `(With inputs from agencies.)`,
 * `(Reporting by …; Editing by …)`, `(Writing by …)`, and the syndication
 * note `(This story has not been edited by … staff and is auto-generated
 * from a syndicated feed.)`. The note keeps its words, without parentheses.
 */
export const noteRules: readonly Rule[] = [
  { name: 'inputs-note', match: /^\((?<text>With (?:inputs|input) from [^()]{1,200})\)$/i, label: 'note' },
  {
    name: 'reporting-note',
    match: /^\((?<text>(?:Reporting|Additional reporting|Writing|Compiled) by [^()]{1,300})\)$/,
    label: 'note',
  },
  {
    name: 'syndication-note',
    match: /^\((?<text>This (?:story|article|report) has not been edited by [^()]{1,80} staff[^()]{0,300})\)$/,
    label: 'note',
  },
];
