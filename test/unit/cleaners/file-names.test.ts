import { describe, expect, it } from 'vitest';
import { loadCleanerFile } from '../../../src/cleaners/file.js';
import { registryWithFiles } from '../../../src/cleaners/registry.js';
import { clean } from '../../../src/index.js';
import { loadError } from './load-error.js';

/*
 * What a cleaner file can name and reuse: its own `patterns` ({{name}}) and
 * `rules` groups (`- use: name`), the shared vocabulary by the same means,
 * `(?i)`, and the settings the built-ins use (printedZones, landmarks).
 */

const FILE = 'cleaners/desk.yaml';
const DESK = `id: desk
site: The Desk (desk.example)
version: 1.0.0
timeZone: Europe/London
dateFormats: ['dd/MM/yyyy HH:mm']
printedZones: { BST: Europe/London, GMT: UTC }
landmarks: keep
fingerprints:
  - { name: slug, pattern: '^THE DESK · {{stamp}}$', weight: 0.9 }
clutterMarkers:
  - '^THE DESK'
  - use: promo-lines
patterns:
  stamp: '\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} (?:BST|GMT)'
rules:
  leave:
    - { name: more, match: '(?i)^more from the desk$', label: dropped, reason: section heading, then: more }
start: top
zones:
  top:
    - { name: slug, match: '^THE DESK · (?<updated>{{stamp}})$', label: meta }
    - { name: headline, match: '.', label: title, then: lede }
  lede:
    - { name: wire-dateline, match: '{{wire-dateline}}', label: body, then: body }
    - use: leave
    - { name: paragraph, match: '.', label: body, then: body }
  body:
    - use: leave
    - use: promo-lines
    - use: notes
    - { name: paragraph, match: '.', label: body }
  more:
    - { name: headline, match: '.', label: related }
`;

const PAGE = [
  'THE DESK · 05/07/2025 14:30 BST',
  'Harbour reopens after storm',
  'PLYMOUTH, July 5 (Reuters) – The harbour reopened on Saturday.',
  'Also Read: Storm season outlook',
  'Ferries resume on Monday.',
  '(Reporting by Ann Lee; Editing by Tom Hart)',
  'MORE FROM THE DESK',
  'Bridge works delayed',
].join('\n');

const errorOf = (text: string) => loadError(FILE, text).message;

const changed = (from: string, to: string) => {
  expect(DESK).toContain(from);
  return DESK.replace(from, () => to);
};

describe('cleaner files: names, groups and the shared vocabulary', () => {
  it('writes names out and cleans a page with them', () => {
    const loaded = loadCleanerFile(FILE, DESK);
    expect(loaded.definition.printedZones).toEqual({ BST: 'Europe/London', GMT: 'UTC' });
    expect(loaded.definition.landmarks).toBe('keep');
    // The group's rule and the shared promo lines both reach their zones; the marker list takes the promo patterns.
    expect(loaded.definition.zones.body!.map(({ name }) => name)).toEqual([
      'more', 'promo-also-read', 'promo-click-here', 'promo-download-app', 'promo-ap-separator', 'promo-follow-coverage',
      'inputs-note', 'reporting-note', 'syndication-note', 'paragraph',
    ]);
    expect(loaded.definition.clutterMarkers).toHaveLength(6);
    const article = clean(PAGE, { cleaners: registryWithFiles([loaded]) });
    expect(article).toMatchObject({
      source: 'desk',
      title: 'Harbour reopens after storm',
      updated: '2025-07-05T14:30:00+01:00',
      dateline: 'PLYMOUTH',
      agency: 'Reuters',
      body: ['The harbour reopened on Saturday.', 'Ferries resume on Monday.'],
      notes: ['Reporting by Ann Lee; Editing by Tom Hart'],
    });
    expect(article.related.map(({ title }) => title)).toEqual(['Bridge works delayed']);
  });

  const mistakes: [string, string, string][] = [
    ['an unknown pattern name, with a did-you-mean', changed("(?<updated>{{stamp}})", '(?<updated>{{stmp}})'),
      `${FILE}: zones.top[0].match: unknown pattern {{stmp}} (did you mean "stamp"?) (patterns: stamp, country, agency, month, wire-dateline, wire-signoff)`],
    ['a pattern that uses itself', changed("stamp: '", "stamp: '{{clock}}'\n  clock: '{{stamp}}"),
      `${FILE}: patterns.stamp: uses itself ({{stamp}} → {{clock}} → {{stamp}})`],
    ['a pattern nothing uses', changed('patterns:\n', "patterns:\n  spare: 'x'\n"), `${FILE}: patterns.spare: defined but never used`],
    ['a pattern named like a shared one', changed('patterns:\n', "patterns:\n  country: 'x'\n"),
      `${FILE}: patterns.country: {{country}} is a shared pattern already; choose another name`],
    ['(?i) inside a named pattern', changed("stamp: '", "stamp: '(?i)"), `${FILE}: patterns.stamp: (?i) goes at the start of the pattern that uses this one`],
    ['an unknown rule group, with a did-you-mean', changed('    - use: leave\n    - use: promo', '    - use: leav\n    - use: promo'),
      `${FILE}: zones.body[0].use: unknown rule group "leav" (did you mean "leave"?) (groups: leave, promo-lines, notes)`],
    ['a use entry with other keys', changed('    - use: notes', '    - { use: notes, label: note }'), `${FILE}: zones.body[2].label: a \`use\` entry has no other keys`],
    ['a rule group nothing uses', changed('rules:\n', "rules:\n  spare:\n    - { name: x, match: 'x', label: body }\n"), `${FILE}: rules.spare: defined but never used`],
    ['a bad pattern inside a group, named where it is written', changed("'(?i)^more from the desk$'", "'(?i)^more (from'"),
      `${FILE}: rules.leave[0].match: invalid regular expression: Unterminated group`],
    ['a zone a group moves to that does not exist', changed('reason: section heading, then: more }', 'reason: section heading, then: mroe }'),
      `${FILE}: rules.leave[0].then: zone "mroe" is not defined (did you mean "more"?) (zones: top, lede, body, more)`],
    ['a group used twice in one zone', changed('    - use: notes', '    - use: notes\n    - use: notes'),
      `${FILE}: zones.body[3]: "inputs-note" is named twice in zone body`],
    ['an unknown time zone', changed('timeZone: Europe/London', 'timeZone: Europe/Londn'), `${FILE}: timeZone: unknown time zone "Europe/Londn" (an IANA name such as Asia/Kolkata or UTC)`],
    ['an unknown printed zone', changed('GMT: UTC', 'GMT: Mars/Olympus'), `${FILE}: printedZones.GMT: unknown time zone "Mars/Olympus" (an IANA name such as Asia/Kolkata or UTC)`],
    ['landmarks neither drop nor keep', changed('landmarks: keep', 'landmarks: yes'), `${FILE}: landmarks: must be drop or keep`],
    ['a backtracking pattern behind a name', changed("stamp: '", "stamp: '(\\d+)+x"),
      `${FILE}: fingerprints[0].pattern: can backtrack super-linearly (a repetition inside a repetition, or alternatives that overlap); rewrite it`],
  ];

  it.each(mistakes)('refuses %s, naming the place', (_, text, message) => {
    expect(errorOf(text)).toBe(message);
  });
});
