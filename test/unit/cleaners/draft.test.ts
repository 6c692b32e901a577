import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cut, escapeForComment, escapeRegExp, idFromFileName, lineKind, literalPattern, yamlString } from '../../../src/cleaners/draft.js';
import { loadCleanerFile } from '../../../src/cleaners/file.js';
import { registryWithFiles } from '../../../src/cleaners/registry.js';
import { readInput } from '../../../src/input/index.js';
import { splitLines } from '../../../src/input/text.js';
import { analyze, clean, DeclutterError, draftCleaner, parseHtml } from '../../../src/index.js';
import type { Line } from '../../../src/pipeline/types.js';

const EXAMPLE = join('examples', 'harbour-herald');
const SAMPLE = readFileSync(join(EXAMPLE, 'pages', 'ferry-timetable.txt'), 'utf8');

/** The draft for a page, loaded as `--cleaners` loads a file, and the page cleaned with it. */
function draftAndClean(page: string, id = 'sample', file = `${id}.yaml`) {
  const draft = draftCleaner(splitLines(page), { id, sample: 'page.txt' });
  const registry = registryWithFiles([loadCleanerFile(file, draft)]);
  return { draft, registry, article: clean(page, { cleaners: registry }) };
}

describe('draftCleaner', () => {
  it('writes the complete expected draft for the worked example (golden)', () => {
    const draft = draftCleaner(readInput(SAMPLE).lines, { id: 'harbour-herald', sample: 'ferry-timetable.txt' });
    expect(draft).toBe(readFileSync(join(EXAMPLE, 'ferry-timetable.draft.yaml'), 'utf8'));
  });

  it('loads as a cleaner file and cleans its sample page into the article it names', () => {
    const { article } = draftAndClean(SAMPLE, 'harbour-herald');
    expect(article.source).toBe('harbour-herald');
    expect(article.extraction.confidence).toBe(0.856);
    expect(article.title).toBe('Ferry timetable changes from Monday as winter service begins');
    expect(article.body).toEqual([
      'By Moira Quayle | 3 November 2025',
      'The island ferry will sail twice a day instead of four times from Monday, the operator said, as the winter timetable takes effect.',
      'Islanders who commute to the mainland said the later first sailing would make it hard to reach work by nine.',
    ]);
  });

  it('recognizes another page of the site by the fingerprints it still finds', () => {
    // The copyright year changed: the contact line and the menu alone pass the threshold.
    const { registry } = draftAndClean(SAMPLE, 'harbour-herald');
    const other = readFileSync(join(EXAMPLE, 'pages', 'lifeboat-rescue.txt'), 'utf8');
    const article = clean(other, { cleaners: registry });
    expect(article.source).toBe('harbour-herald');
    expect(article.extraction.confidence).toBe(0.64);
    expect(article.title).toBe('Lifeboat crew rescues two walkers cut off by the tide');
  });

  it('writes fingerprints as anchored literal patterns, every regular-expression character escaped', () => {
    const footer = '© A.B (c) [x]+? $5 ^ {1} \\ / * |';
    const page = `Some site\n\nA headline about things\n\nA paragraph of the article, long enough to be text.\n\n${footer}\n`;
    const { draft, registry } = draftAndClean(page);
    const escaped = String.raw`^© A\.B \(c\) \[x\]\+\? \$5 \^ \{1\} \\ \/ \* \|$`;
    expect(draft).toContain(`  - { name: 'copyright (line 7)', pattern: '${escaped}', weight: 0.75 }`);
    const cleaner = registry.find(({ id }) => id === 'sample')!;
    expect(cleaner.score(splitLines(page))).toEqual({ confidence: 0.75, evidence: ['copyright (line 7)'] });
    // A literal: the same line with any metacharacter standing for something else does not match.
    expect(cleaner.score(splitLines(page.replace('A.B', 'AxB'))).confidence).toBe(0);
    expect(cleaner.score(splitLines(page.replace('[x]+?', 'xx'))).confidence).toBe(0);
    expect(new RegExp(literalPattern(footer), 'u').test(footer)).toBe(true);
  });

  it('gives weights that together pass the detection threshold, with the reason for each', () => {
    const { draft, article } = draftAndClean('MOST READ\n\nThe one headline of the page\n\nIts only paragraph, which says something.\n');
    expect(draft).toContain(
      [
        '# Fingerprints: lines that tell this site\'s pages apart. Together they give confidence 0.75;',
        '# a page is recognized from 0.5 on (1 - the product of (1 - weight) over those found).',
        'fingerprints:',
        '  # line 1: a section heading of the site (short, in capitals or a usual section name) (weight 0.75)',
        "  - { name: 'heading (line 1)', pattern: '^MOST READ$', weight: 0.75 }",
      ].join('\n'),
    );
    expect(article.title).toBe('The one headline of the page');
    expect(article.body).toEqual(['Its only paragraph, which says something.']);
  });

  it('falls back on the shortest lines, saying so, when no line looks like site furniture', () => {
    const page = 'A headline of some length here\n\nFirst paragraph of the article, which goes on a while.\n\nShort closing words.\n';
    const { draft, article } = draftAndClean(page);
    expect(draft).toContain("  # line 5: no line looks like site furniture; one of the shortest lines, which may be the site's: check that every page has it (weight 0.5)");
    expect(draft).toContain("  - { name: 'line 5', pattern: '^Short closing words\\.$', weight: 0.5 }");
    expect(article.source).toBe('sample');
    expect(article.title).toBe('A headline of some length here');
    expect(article.body).toEqual(['First paragraph of the article, which goes on a while.', 'Short closing words.']);
  });

  it('keeps comments and patterns safe and visible whatever the page holds', () => {
    const nasty = [
      'Home | News',
      'A headline with a # and a \'quote\' and: colon',
      '',
      'Text with an escape \u001b[31m, a bidi override \u202e, a line separator \u2028, a NEL \u0085 and a lone \ud800 surrogate.',
      '--- ... %yaml 1.2 at the start of a line',
      `${'long '.repeat(40)}line`,
      'Emoji 😀 and tab\tinside, then a CR\r in the middle.',
      '© Nasty\u001b Site\u202e',
    ];
    const lines: Line[] = nasty.map((text, i) => ({ n: i + 1, text }));
    const draft = draftCleaner(lines, { id: 'nasty', sample: 'bad\u001bname\n.txt' });
    // Nothing that ends a comment, hides text or a terminal acts on reaches the file.
    expect(draft).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/);
    expect(draft).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(draft.split('\n')[0]).toBe('# A draft cleaner for nasty, made by `declutter init-cleaner` from bad\\x1bname\\n.txt.');
    expect(draft).toContain(
      // Cut at 100 characters of the page's text, then escaped (so no escape is cut in two).
      '# 4  body                  Text with an escape \\x1b[31m, a bidi override \\u{202e}, a line separator \\u{2028}, a NEL \\x85 and a lone \\u{d800} surrogate.\n',
    );
    expect(draft).toContain('# 5  body                  --- ... %yaml 1.2 at the start of a line\n');
    expect(draft).toContain(`# 6  body                  ${'long '.repeat(19)}long…\n`);
    expect(draft).toContain('# 7  body                  Emoji 😀 and tab\\tinside, then a CR\\r in the middle.\n');
    expect(draft).toContain("  - { name: 'copyright (line 8)', pattern: '^© Nasty\\u{1b} Site\\u{202e}$', weight: 0.6 }");
    // It loads, and its patterns match the lines they were made from.
    const { definition } = loadCleanerFile('nasty.yaml', draft);
    expect(definition.fingerprints[0]!.pattern.test('© Nasty\u001b Site\u202e')).toBe(true);
    const analysis = analyze(nasty.join('\n'), { cleaners: registryWithFiles([loadCleanerFile('nasty.yaml', draft)]), source: 'nasty' });
    expect(analysis.lines.find((line) => line.label === 'title')?.text).toBe("A headline with a # and a 'quote' and: colon");
  });

  it('takes the headline of an HTML page from its h1, and the site from what the page states', () => {
    const html = readFileSync(join('fixtures', 'generic', 'bridge-closure.html'));
    const page = readInput(html, { htmlReader: { parseHtml } });
    const draft = draftCleaner(page.lines, { id: 'herald', site: page.metadata?.siteName });
    expect(draft).toContain("site: 'Riverside Herald'\n");
    expect(draft).toContain("    - { name: furniture, match: '^Share this article Facebook Twitter Email$', label: dropped, reason: site furniture }");
    const registry = registryWithFiles([loadCleanerFile('herald.yaml', draft)]);
    const article = clean(html, { cleaners: registry });
    expect(article.source).toBe('herald');
    expect(article.title).toBe('Old river bridge to close to cars for eight months');
    expect(article.body).not.toContain('Share this article Facebook Twitter Email');
  });

  it('drops a long masthead up to its last line that is there once, then takes the headline', () => {
    const menu = Array.from({ length: 300 }, (_, i) => `• Section number ${i + 1}`);
    const page = [...menu, '• Section number 7', 'Harbour closes for a week of repairs', '', 'The harbour will close to boats from Monday while the old quay is rebuilt, the port authority said on Friday.', '', '© Quay News'].join('\n');
    const { draft, article } = draftAndClean(page);
    expect(draft).toContain(
      [
        '  top:',
        "    - { name: masthead-end, match: '^• Section number 300$', label: dropped, reason: the last line above the headline once, then: headline }",
        "    - { name: masthead, match: '.', label: dropped, reason: above the headline }",
        '  headline:',
        "    - { name: masthead, match: '^• Section number 7$', label: dropped, reason: above the headline }",
        "    - { name: headline, match: '.', label: title, then: body }",
      ].join('\n'),
    );
    expect(article.title).toBe('Harbour closes for a week of repairs');
    expect(article.body).toEqual(['The harbour will close to boats from Monday while the old quay is rebuilt, the port authority said on Friday.']);
  });

  it('names the headline by its text when no line ends the masthead', () => {
    const menu = Array.from({ length: 10 }, (_, i) => `Menu entry ${i + 1}`);
    const page = [...menu, ...menu, 'Harbour closes for a week of repairs', '', 'The harbour will close to boats from Monday while the old quay is rebuilt, the port authority said on Friday.'].join('\n');
    const { draft, article } = draftAndClean(page);
    expect(draft).toContain(
      [
        '  top:',
        "    - { name: headline, match: '^Harbour closes for a week of repairs$', label: title, then: body }",
        "    - { name: masthead, match: '.', label: dropped, reason: above the headline }",
        '  body:',
      ].join('\n'),
    );
    expect(article.title).toBe('Harbour closes for a week of repairs');
  });

  it('refuses an id that is not one, and a page without text', () => {
    expect(() => draftCleaner(splitLines('Title here now\n'), { id: 'Bad_Id' })).toThrow(
      new DeclutterError('bad-option', '"Bad_Id" is not an id: lower-case letters, digits and hyphens, starting with a letter'),
    );
    expect(() => draftCleaner(splitLines('\n\n'), { id: 'empty' })).toThrow(new DeclutterError('empty', 'the sample page has no text to draft a cleaner from'));
    const chrome = readInput('<html><body><nav><p>Home</p></nav><footer><p>© Site</p></footer></body></html>', { htmlReader: { parseHtml } });
    expect(() => draftCleaner(chrome.lines, { id: 'chrome' })).toThrow(/^the sample page's text is all in its page chrome \(nav, header, footer, aside\), which cleaners never see$/);
  });
});

describe('the draft builder\'s parts', () => {
  it('makes ids from file names', () => {
    expect(idFromFileName('pages/Harbour Herald (1).html')).toBe('harbour-herald-1');
    expect(idFromFileName('Café_Crème.txt')).toBe('cafe-creme');
    expect(idFromFileName('2025-ferry.txt')).toBe('ferry');
    expect(idFromFileName('---.txt')).toBeNull();
  });

  it('tells furniture from article text', () => {
    expect(lineKind('© Harbour Herald 2025')).toBe('copyright');
    expect(lineKind('Contact the newsroom: news@example.org')).toBe('contact');
    expect(lineKind('Home | Port | Town')).toBe('menu');
    expect(lineKind('By Moira Quayle | 3 November 2025')).toBe('text');
    expect(lineKind('TRENDING')).toBe('heading');
    expect(lineKind('Related stories')).toBe('heading');
    expect(lineKind('Share this story')).toBe('furniture');
    expect(lineKind('The ferry will sail twice a day, the operator said.')).toBe('text');
  });

  it('escapes for regular expressions, comments and YAML', () => {
    expect(escapeRegExp('a.b*c')).toBe('a\\.b\\*c');
    expect(new RegExp(escapeRegExp('-,:#!'), 'u').source).toBe('-,:#!');
    expect(escapeForComment('a\u0000b\u00a0c')).toBe('a\\x00b\\xa0c');
    expect(cut('😀'.repeat(5), 3)).toBe('😀😀…');
    expect(yamlString("it's")).toBe("'it''s'");
    expect(yamlString('a\u001b"b\\')).toBe('"a\\u001b\\"b\\\\"');
  });
});
