import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelLines } from '../../../src/cleaners/label.js';
import { BUILTIN_DEFINITIONS } from '../../../src/cleaners/builtins.js';
import { cleaners } from '../../../src/cleaners/registry.js';
import { COUNTRIES_AND_REGIONS } from '../../../src/cleaners/places.js';
import { noteRules, PROMO_LINES, WIRE_DATELINE } from '../../../src/cleaners/wire.js';
import { splitLines } from '../../../src/input/text.js';
import { rankCleaners } from '../../../src/pipeline/detect.js';
import { clean, DeclutterError } from '../../../src/index.js';

const definition = (id: string) => BUILTIN_DEFINITIONS.find((cleaner) => cleaner.id === id)!;

describe('wire datelines in every form a desk writes', () => {
  const forms: [string, string, string, string][] = [
    // line, dateline, agency, first words of the paragraph
    ['Moscow, Oct 15 (AP) – On Wednesday, talks began.', 'Moscow', 'AP', 'On Wednesday'],
    ['Dar es Salaam, Jan 5 (Reuters) - Bids came in.', 'Dar es Salaam', 'Reuters', 'Bids came'],
    ['Deir al-Balah, Gaza Strip, Jan 5 (AP) — Trucks arrived.', 'Deir al-Balah, Gaza Strip', 'AP', 'Trucks arrived'],
    ['Port-au-Prince, Sept. 16 (AP) - Schools reopened.', 'Port-au-Prince', 'AP', 'Schools reopened'],
    ["N'Djamena, Feb 2 (AFP) — Talks resumed.", "N'Djamena", 'AFP', 'Talks resumed'],
    ["Abidjan, Cote d'Ivoire, Mar 3 (Reuters) - Cocoa rose.", "Abidjan, Cote d'Ivoire", 'Reuters', 'Cocoa rose'],
    ['Hamirpur (HP), Sep 16 (PTI) Orchardists asked for help.', 'Hamirpur (HP)', 'PTI', 'Orchardists asked'],
    ['Aurangabad (Maha), 5 Jan (PTI): Farmers switched.', 'Aurangabad (Maha)', 'PTI', 'Farmers switched'],
    ['Srinagar/Jammu, Nov 18 (PTI) – Snow closed the road.', 'Srinagar/Jammu', 'PTI', 'Snow closed'],
    ['New Delhi, Jan 5 (PTI): The Cabinet met.', 'New Delhi', 'PTI', 'The Cabinet'],
    ['UNITED NATIONS (AP) — The council voted.', 'UNITED NATIONS', 'AP', 'The council'],
  ];

  it.each(forms)('%s', (line, dateline, agency, opening) => {
    const groups = WIRE_DATELINE.exec(line)?.groups;
    expect(groups?.dateline).toBe(dateline);
    expect(groups?.agency).toBe(agency);
    expect(groups?.text?.startsWith(opening)).toBe(true);
  });

  it('is not a sentence that cites an agency, nor a place without a date', () => {
    for (const line of [
      'The Press Trust of India (PTI) reported the figures on Monday.',
      'Officials in New Delhi (PTI) said little.',
      'On Jan 5 (PTI) the board met.',
      'Delhi, said the minister (PTI) on Monday.',
    ]) {
      expect(WIRE_DATELINE.exec(line), line).toBeNull();
    }
  });
});

describe('promo lines and editorial notes', () => {
  const promo = (line: string) => PROMO_LINES.find(({ match }) => match.test(line))?.name ?? null;

  it('knows every promo form, and not sentences that start with the same words', () => {
    expect(promo('Also Read: Tamil Nadu clears rooftop solar subsidy')).toBe('also-read');
    expect(promo('READ MORE: Why auctions are slowing')).toBe('also-read');
    expect(promo('ALSO READ | Monsoon deficit hits hydro output')).toBe('also-read');
    expect(promo('Click here to read our full coverage')).toBe('click-here');
    expect(promo('Download the editorji app for the latest updates')).toBe('download-app');
    expect(promo('___')).toBe('ap-separator');
    expect(promo("Follow AP's coverage of the Middle East at https://apnews.com/hub/middle-east")).toBe('follow-coverage');
    expect(promo('Also read in the report were the names of three officials.')).toBeNull();
    expect(promo('Click here, the minister said, was all the app asked of users.')).toBeNull();
    expect(promo('Downloads of the app doubled in a year.')).toBeNull();
  });

  it('takes notes in their common forms without their parentheses', () => {
    const note = (line: string) => {
      for (const rule of noteRules) {
        const text = rule.match.exec(line)?.groups?.text;
        if (text) return `${rule.name}: ${text}`;
      }
      return null;
    };
    expect(note('(With inputs from PTI)')).toBe('inputs-note: With inputs from PTI');
    expect(note('(With inputs from agencies.)')).toBe('inputs-note: With inputs from agencies.');
    expect(note('(Reporting by Amina Juma; Editing by Peter Graff)')).toBe('reporting-note: Reporting by Amina Juma; Editing by Peter Graff');
    expect(note('(This story has not been edited by Editorji staff and is auto-generated from a syndicated feed.)')).toBe(
      'syndication-note: This story has not been edited by Editorji staff and is auto-generated from a syndicated feed.',
    );
    expect(note('(The ministry did not respond.)')).toBeNull();
  });

  it('are clutter markers of both sites, so check --lint flags any that slip through', () => {
    for (const site of cleaners.filter((cleaner) => !cleaner.fallback)) {
      for (const { match } of PROMO_LINES) expect(site.clutterMarkers.map(String)).toContain(String(match));
    }
  });
});

describe('Devdiscourse countries and highlights', () => {
  const page = (items: string[]) =>
    [
      'Left Menu',
      'Headline',
      'Standfirst.',
      'PTI | New Delhi | Updated: 05-01-2025 21:10 IST | Created: 05-01-2025 20:32 IST',
      'Headline',
      '• Country:',
      ...items,
    ].join('\n');

  it('ends the country list at the first bullet that is no country or region; highlights are body', () => {
    const lines = labelLines(splitLines(page(['• India', '• South Asia', '• Total outlay of Rs 1,00,000 crore', '• Nepal', 'Text.'])), definition('devdiscourse'));
    expect(lines.slice(5).map(({ label, rule, captures }) => `${label}/${rule}/${captures?.country ?? ''}`)).toEqual([
      'countries/country-heading/',
      'countries/country-item/India',
      'countries/country-item/South Asia',
      'body/highlight/',
      'body/highlight/',
      'body/paragraph/',
    ]);
  });

  it('reads a wire dateline after the highlights', () => {
    const lines = labelLines(splitLines(page(['• India', '• Loans at low interest', 'New Delhi, Jan 5 (PTI): The Cabinet met.'])), definition('devdiscourse'));
    expect(lines.at(-1)).toMatchObject({ rule: 'wire-dateline', captures: { dateline: 'New Delhi', agency: 'PTI', text: 'The Cabinet met.' } });
  });

  it('has a shared list of countries and regions without duplicates', () => {
    expect(new Set(COUNTRIES_AND_REGIONS).size).toBe(COUNTRIES_AND_REGIONS.length);
    expect(COUNTRIES_AND_REGIONS).toEqual(expect.arrayContaining(['India', 'United States', 'South Asia', 'Global']));
  });
});

describe('Editorji bylines with abbreviations', () => {
  it.each(['Mohd. Faizan Ali', 'Martin Luther King Jr.', 'Lt. Gen. K. J. Singh', 'Ravi Menon Sr.', 'Anne St. Clair', 'Dr. Anil Rao'])(
    '%s is the byline, and the dateline below it is read',
    (byline) => {
      const page = ['Headline', 'Updated : Oct 15, 2025 17:42', '|', byline, 'Moscow, Oct 15 (AP) – Talks began.'].join('\n');
      const lines = labelLines(splitLines(page), definition('editorji'));
      expect(lines[3]).toMatchObject({ label: 'byline', captures: { byline } });
      expect(lines[4]).toMatchObject({ rule: 'wire-dateline', captures: { dateline: 'Moscow', agency: 'AP' } });
    },
  );

  it('is not a sentence after the separator', () => {
    const page = ['Headline', 'Updated : Oct 15, 2025 17:42', '|', 'The talks began. They ended late.'].join('\n');
    expect(labelLines(splitLines(page), definition('editorji'))[3]).toMatchObject({ label: 'body' });
  });
});

describe('detection margin', () => {
  const NEAR_MISSES = join('fixtures', 'not-a-site');
  const pages = readdirSync(NEAR_MISSES).filter((name) => name.endsWith('.page')).sort();

  it('keeps near-miss foreign pages as fixtures', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it.each(pages)('%s is not recognized by any site cleaner: every score stays under the threshold', (name) => {
    const text = readFileSync(join(NEAR_MISSES, name), 'utf8');
    for (const score of rankCleaners(splitLines(text), cleaners)) expect(score.confidence, score.cleaner.id).toBeLessThan(0.5);
    // Left to the generic cleaner, or refused when only site cleaners may clean it.
    expect(clean(text).source).toBe('generic');
    let error: unknown;
    try {
      clean(text, { sitesOnly: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeclutterError);
    expect((error as DeclutterError).code).toBe('unrecognized');
  });

  it('rests on structure only the site has: its generic hints together stay under the threshold', () => {
    for (const site of BUILTIN_DEFINITIONS) {
      const generic = site.fingerprints.filter(({ weight }) => weight < 0.5);
      const together = 1 - generic.reduce((doubt, { weight }) => doubt * (1 - weight), 1);
      expect(together, site.id).toBeLessThan(0.5);
    }
  });
});

describe('a layout change does not pass silently', () => {
  it('warns when a recognized page lacks a part its site always has, and fails under strict', () => {
    const page = readFileSync(join('fixtures', 'devdiscourse', 'layout-changed.txt'));
    expect(clean(page).warnings).toEqual(['layout not as expected: no byline/date line', 'no date found']);
    expect(() => clean(page, { strict: true })).toThrow('layout not as expected: no byline/date line; no date found');
  });

  it('warns when the wrong cleaner is forced on a page', () => {
    const page = readFileSync(join('fixtures', 'editorji', 'syria-leader-kremlin-ap.txt'));
    expect(clean(page, { source: 'devdiscourse' }).warnings[0]).toBe('layout not as expected: no byline/date line');
    const other = readFileSync(join('fixtures', 'devdiscourse', 'russia-syria-ties.txt'));
    expect(clean(other, { source: 'editorji' }).warnings[0]).toBe('layout not as expected: no date line, no byline');
  });
});
