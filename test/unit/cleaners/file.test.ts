import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCleanerFiles, loadCleanerFile } from '../../../src/cleaners/file.js';
import { registryWithFiles } from '../../../src/cleaners/registry.js';
import { clean } from '../../../src/index.js';
import { loadError } from './load-error.js';

const FILE = 'cleaners/pressnote.yaml';
/** README's example, exactly as written. */
const PRESSNOTE = readFileSync(join('examples', 'cleaners', 'pressnote.yaml'), 'utf8');

const errorOf = (text: string, file = FILE) => loadError(file, text);

/** The example with one thing changed (a function, so `$` in the replacement stays literal). */
const changed = (from: string, to: string) => {
  expect(PRESSNOTE).toContain(from);
  return PRESSNOTE.replace(from, () => to);
};

describe('cleaner files', () => {
  it("is the file README shows as the smallest one, to the byte", () => {
    const readme = readFileSync('README.md', 'utf8');
    const at = readme.indexOf('The smallest useful file, `examples/cleaners/pressnote.yaml`');
    expect(at).toBeGreaterThan(0);
    const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at))![1];
    expect(block).toBe(PRESSNOTE);
  });

  it('loads the documented example, which cleans its page', () => {
    const loaded = loadCleanerFile(FILE, PRESSNOTE);
    expect(loaded.definition).toMatchObject({ id: 'pressnote', site: 'Press Note (pressnote.example)', version: '1.0.0', timeZone: 'Asia/Kolkata', start: 'top' });
    expect(loaded.definition.recognizes).toBe('pages of Press Note (pressnote.example)');
    expect(loaded.definition.agencyFromByline).toBe(false);
    expect(loaded.definition.clutterMarkers).toEqual([]);
    const registry = registryWithFiles([loaded]);
    expect(registry.map(({ id, file }) => `${id}:${file ?? 'built-in'}`)).toEqual(['devdiscourse:built-in', 'editorji:built-in', `pressnote:${FILE}`, 'generic:built-in']);
    const article = clean('Ports policy approved\n\nThe cabinet approved it.\n\n© Press Note 2025\nAbout us\n', { cleaners: registry });
    expect(article).toMatchObject({ source: 'pressnote', title: 'Ports policy approved', body: ['The cabinet approved it.'] });
  });

  it('reads JSON with the same keys', () => {
    const json = JSON.stringify({
      id: 'jsonsite',
      site: 'JSON site',
      version: '2.0.0',
      fingerprints: [{ name: 'footer', pattern: '^JSON site$', weight: 1 }],
      start: 'top',
      zones: { top: [{ name: 'headline', match: '.', label: 'title', then: 'body' }], body: [{ name: 'paragraph', match: '.', label: 'body' }] },
    });
    expect(loadCleanerFile('cleaners/site.json', json).definition.dateFormats).toEqual(['yyyy-MM-dd HH:mm', 'yyyy-MM-dd']);
  });

  // Every mistake names the file, the place inside it and what is wrong.
  const mistakes: [string, string, string][] = [
    ['YAML syntax, with its line', changed('start: top', 'start: [top'), `${FILE}: line 9, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`],
    ['a key given twice', changed('start: top', 'start: top\nstart: body'), `${FILE}: line 9, column 1: invalid YAML: Map keys must be unique`],
    ['an unknown key, with a did-you-mean', changed('timeZone:', 'timezone:'), `${FILE}: timezone: unknown key (did you mean "timeZone"?)`],
    ['an unknown key in a rule', changed("label: body }", 'lable: body }'), `${FILE}: zones.body[1].lable: unknown key (did you mean "label"?)`],
    ['an unknown key without a near one', changed('timeZone:', 'colour: red\ntimeZone:'), `${FILE}: colour: unknown key`],
    ['a missing required key', changed('start: top\n', ''), `${FILE}: start: required key missing`],
    ['a rule missing its label', changed(", label: body }", ' }'), `${FILE}: zones.body[1].label: required key missing`],
    ['an unknown zone in then', changed('then: body }', 'then: bdoy }'), `${FILE}: zones.top[0].then: zone "bdoy" is not defined (did you mean "body"?) (zones: top, body, footer)`],
    ['an unreachable zone', changed(', then: footer }', ' }'), `${FILE}: zones.footer: unreachable: no rule moves to this zone and it is not the start`],
    [
      'a capture group that is not a field',
      changed("match: '.', label: body", "match: '^(?<author>.+)$', label: body"),
      `${FILE}: zones.body[1].match: captures <author>, which is no article field (fields: text, byline, dateline, agency, published, updated, country, caption, credit, section)`,
    ],
    [
      'a label that does not exist',
      changed('label: body }', 'label: bdy }'),
      `${FILE}: zones.body[1].label: unknown label "bdy" (did you mean "body"?) (labels: title, summary, byline, meta, image, countries, body, note, related, dropped)`,
    ],
    ['a weight above 1', changed('weight: 0.9', 'weight: 1.5'), `${FILE}: fingerprints[0].weight: 1.5 is not in (0, 1]`],
    ['a weight of 0', changed('weight: 0.9', 'weight: 0'), `${FILE}: fingerprints[0].weight: 0 is not in (0, 1]`],
    ['a weight that is no number', changed('weight: 0.9', 'weight: high'), `${FILE}: fingerprints[0].weight: must be a number between 0 and 1`],
    ['an invalid regular expression', changed("match: '.', label: body", "match: '(.', label: body"), `${FILE}: zones.body[1].match: invalid regular expression: Unterminated group`],
    [
      'a pattern that backtracks super-linearly',
      changed("match: '.', label: body", "match: '(\\d+)+x', label: body"),
      `${FILE}: zones.body[1].match: can backtrack super-linearly (a repetition inside a repetition, or alternatives that overlap); rewrite it`,
    ],
    ['a dropped line without a reason', changed(', reason: site footer }', ' }'), `${FILE}: zones.footer[0].reason: a dropped line needs a reason`],
    ['a file that is not a mapping', '- id: pressnote\n', `${FILE}: (top): the file must hold a mapping of keys (id, site, version, fingerprints, start, zones…)`],
  ];

  it.each(mistakes)('refuses %s with an exact message', (_, text, message) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.code).toBe('bad-cleaner');
    expect(error.details.file).toBe(FILE);
  });

  it('names the line of a JSON syntax error', () => {
    expect(errorOf('{"id": "x",\n  "site": ]}', 'cleaners/site.json').message).toMatch(/^cleaners\/site\.json: line 2, column \d+: invalid JSON: /);
  });

  it('accepts linear patterns, including lookbehinds and Unicode classes', () => {
    const text = changed("match: '.', label: body", "match: '^(?<!x)\\p{Lu}(?<text>[^.]*)$', label: body");
    expect(loadCleanerFile(FILE, text).definition.zones.body![1]!.match.flags).toBe('u');
  });

  it('refuses an id that is a built-in, unless the file replaces it', () => {
    const clash = loadCleanerFile('cleaners/devdiscourse.yaml', changed('id: pressnote', 'id: devdiscourse'));
    expect(() => registryWithFiles([clash])).toThrow(
      `cleaners/devdiscourse.yaml: id: "devdiscourse" is a built-in cleaner's id; choose another, or add replaces: devdiscourse`,
    );
    const replacing = loadCleanerFile('cleaners/devdiscourse.yaml', changed('id: pressnote', 'id: devdiscourse\nreplaces: devdiscourse'));
    expect(registryWithFiles([replacing]).map(({ id, file }) => `${id}:${file ?? 'built-in'}`)).toEqual([
      'editorji:built-in',
      'devdiscourse:cleaners/devdiscourse.yaml',
      'generic:built-in',
    ]);
    const twice = loadCleanerFile('other/pressnote.yml', PRESSNOTE);
    expect(() => registryWithFiles([loadCleanerFile(FILE, PRESSNOTE), twice])).toThrow(`other/pressnote.yml: id: "pressnote" is also the id of ${FILE}`);
  });

  it('finds the cleaner files of a directory, and says when there are none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'declutter-cleaners-'));
    for (const name of ['b.yml', 'a.yaml', 'c.json', 'notes.txt', '.hidden.yaml']) writeFileSync(join(dir, name), '');
    expect(findCleanerFiles([dir])).toEqual(['a.yaml', 'b.yml', 'c.json'].map((name) => join(dir, name)));
    const empty = mkdtempSync(join(tmpdir(), 'declutter-cleaners-'));
    expect(() => findCleanerFiles([empty])).toThrow(`${empty}: no cleaner files (*.yaml, *.yml, *.json)`);
    expect(() => findCleanerFiles([join(dir, 'missing.yaml')])).toThrow(`${join(dir, 'missing.yaml')}: no such file or directory`);
  });
});
