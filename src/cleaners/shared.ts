import { COUNTRY_PATTERN } from './places.js';
import type { Rule } from './schema.js';
import { AGENCY_PATTERN, MONTH_PATTERN } from './vocabulary.js';
import { noteRules, promoRules, WIRE_DATELINE, WIRE_SIGNOFF } from './wire.js';

/*
 * The shared vocabulary by name, for cleaner files: any file, built-in or
 * the user's, writes `{{country}}` inside a pattern and `- use: notes` in a
 * zone. These are vetted here, with adversarial lines in the tests
 * (test/robustness/linear-time.test.ts), so a file's ReDoS check sees each
 * shared pattern as one opaque character (see file.ts).
 */

export interface SharedPattern {
  source: string;
  about: string;
}

export const SHARED_PATTERNS: Readonly<Record<string, SharedPattern>> = {
  country: { source: COUNTRY_PATTERN, about: 'a country or region by name (places.ts), longest first' },
  agency: { source: AGENCY_PATTERN, about: 'a wire agency: AP, AFP, ANI, IANS, PTI, Reuters, UNI' },
  month: { source: MONTH_PATTERN, about: 'a month name as sites abbreviate it: Jan, Sept., October' },
  'wire-dateline': {
    source: WIRE_DATELINE.source,
    about: 'a whole line opening with a wire dateline, `Moscow, Oct 15 (AP) – …`; captures dateline, agency, text',
  },
  'wire-signoff': { source: WIRE_SIGNOFF.source, about: 'a whole line of wire sign-off initials: `(AP) RD RD`' },
};

export interface SharedRules {
  rules: readonly Rule[];
  about: string;
}

export const SHARED_RULES: Readonly<Record<string, SharedRules>> = {
  'promo-lines': { rules: promoRules, about: 'drops Also Read / Click here / Download the app lines, AP\'s ___ and coverage trailers' },
  notes: { rules: noteRules, about: 'editorial notes in parentheses ((With inputs from PTI), (Reporting by …)) as notes' },
};
