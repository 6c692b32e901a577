import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/pipeline/explain.js';
import { layoutExplanation } from '../../src/cli/explain-layout.js';
import { analyze, clean } from '../../src/index.js';
import { LABELS } from '../../src/pipeline/types.js';
import { runCli } from './run.js';

const EDITORJI = 'fixtures/editorji/syria-leader-kremlin-ap.txt';
const DEVDISCOURSE = 'fixtures/devdiscourse/russia-syria-ties.txt';
/** A foreign page with some of Devdiscourse's fingerprints, short of recognition. */
const NOT_A_SITE = 'fixtures/not-a-site/menu-country-list.page';

/** A text row: number, label, rule (and reason), text. */
const ROW = /^ *(\d+)  (\S+) +(\S+(?: \([^)]*\))?) *(?: {2}(.*))?$/;

function rows(stdout: string) {
  const body = stdout.split('\n\n').slice(1).join('\n\n');
  return body
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const match = ROW.exec(line);
      expect(match, line).not.toBeNull();
      return { n: Number(match![1]), label: match![2]!, rule: match![3]!, text: match![4] ?? '' };
    });
}

describe('declutter explain <file>', () => {
  it('shows an Editorji page line by line: label, rule, reason for dropped lines, text', () => {
    const result = runCli(['explain', EDITORJI]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = readFileSync(EDITORJI, 'utf8').split('\n');
    const shown = rows(result.stdout);
    expect(shown.map(({ n }) => n)).toEqual(lines.map((_, i) => i + 1));
    expect(shown[0]).toEqual({ n: 1, label: 'title', rule: 'headline', text: "Syria's Interim Leader Visits Kremlin, Strengthening Ties" });
    expect(shown[2]).toMatchObject({ label: 'meta', rule: 'updated', text: 'Updated : Oct 15, 2025 17:42' });
    expect(shown[3]).toMatchObject({ label: 'dropped', rule: 'separator', text: '|' });
    expect(shown[6]).toMatchObject({ label: 'body', rule: 'wire-dateline' });
    expect(shown[8]).toMatchObject({ label: 'dropped', rule: 'wire-signoff (wire sign-off)', text: '(AP) RD RD' });
    expect(shown[10]).toMatchObject({ label: 'note', rule: 'editorji-disclaimer' });
    expect(shown[1]).toMatchObject({ label: 'dropped', rule: 'blank', text: '' });
    for (const row of shown) expect(LABELS).toContain(row.label);
  });

  it('aligns the columns', () => {
    const result = runCli(['explain', EDITORJI]);
    const textColumn = new Set(
      result.stdout
        .split('\n')
        .filter((line) => / (title|body|related) /.test(line) && /^\s*\d/.test(line))
        .map((line) => line.search(/ {2}\S+$|(?<= {2})(Syria|Moscow|editorji|Bangladesh|Arsonists|US |PM |India)/)),
    );
    expect(textColumn.size).toBe(1);
  });

  it("shows every cleaner's score and evidence, best first, then the source used and the dates", () => {
    const result = runCli(['explain', DEVDISCOURSE]);
    const [path, heading, first, second, source, published, updated, blank] = result.stdout.split('\n');
    expect(path).toBe(DEVDISCOURSE);
    expect(heading).toBe('  cleaner       confidence  evidence');
    expect(first).toMatch(/^ {2}devdiscourse {2}0\.9\d\d {7}byline \| place \| Updated: … \| Created: … line; .*; Left Menu navigation$/);
    expect(second).toBe('  editorji      0           no fingerprints found');
    expect(source).toMatch(/^ {2}source {5}devdiscourse \(confidence 0\.9\d\d\)$/);
    expect(published).toBe('  published  2025-01-29T14:38:00+05:30 from "29-01-2025 14:38 IST" (Asia/Kolkata)');
    expect(updated).toBe('  updated    2025-01-29T14:54:00+05:30 from "29-01-2025 14:54 IST" (Asia/Kolkata)');
    expect(blank).toBe('');
  });

  it('shows a Devdiscourse page with the rules of each zone and why lines were dropped', () => {
    const shown = rows(runCli(['explain', DEVDISCOURSE]).stdout);
    expect(shown[0]).toMatchObject({ label: 'dropped', rule: 'navigation (site navigation)', text: 'Left Menu' });
    expect(shown.find(({ rule }) => rule.startsWith('repeated-headline'))).toMatchObject({ n: 8, label: 'dropped', rule: 'repeated-headline (headline printed again)' });
    expect(shown.find(({ label }) => label === 'image')).toMatchObject({ rule: 'image-credit', text: 'Representative Image Image Credit: Reuters' });
    expect(shown.filter(({ label }) => label === 'countries').map(({ rule }) => rule)).toEqual(['country-heading', 'country-item']);
    expect(shown.find(({ text }) => text === 'TRENDING')).toMatchObject({ label: 'dropped', rule: 'trending-heading (section heading)' });
    expect(shown.find(({ text }) => text === '© Copyright 2025')).toMatchObject({ label: 'dropped', rule: 'footer (site footer)' });
  });

  it('gives the same as data with --format json, lines as analyze() labels them', () => {
    for (const page of [EDITORJI, DEVDISCOURSE]) {
      const result = runCli(['explain', page, '--format', 'json']);
      expect(result.status).toBe(0);
      const data = JSON.parse(result.stdout);
      const analysis = analyze(readFileSync(page));
      expect(data.path).toBe(page);
      expect(data.source).toMatchObject({ id: analysis.cleaner.id, confidence: analysis.confidence, forced: false });
      expect(data.runnerUp.id).toBe(analysis.scores[1]!.cleaner.id);
      expect(data.cleaners).toEqual(analysis.scores.map(({ cleaner, confidence, evidence }) => ({ id: cleaner.id, confidence, evidence })));
      expect(data.threshold).toBe(0.5);
      expect(data.source.fallback).toBe(false);
      expect(data.lines.map(({ n, label, rule, zone }: Record<string, unknown>) => ({ n, label, rule, zone }))).toEqual(
        analysis.lines.map(({ n, label, rule, zone }) => ({ n, label, rule, zone })),
      );
      expect(data.fields).toEqual(clean(readFileSync(page)).extraction.fields);
    }
  });

  it('keeps captures and reasons in the data', () => {
    const data = JSON.parse(runCli(['explain', EDITORJI, '-f', 'json']).stdout);
    expect(data.lines[6].captures).toMatchObject({ dateline: 'Moscow', agency: 'AP' });
    expect(data.lines[8]).toMatchObject({ label: 'dropped', reason: 'wire sign-off', zone: 'body' });
  });

  it('reads standard input given -', () => {
    const result = runCli(['explain', '-'], { input: readFileSync(EDITORJI) });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('-');
    expect(result.stdout).toContain('source     editorji');
  });

  it('uses a forced cleaner and time zone as clean does', () => {
    const result = runCli(['explain', EDITORJI, '-s', 'devdiscourse', '--tz', 'UTC', '-f', 'json']);
    expect(result.status).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.source).toMatchObject({ id: 'devdiscourse', forced: true, confidence: 0 });
    expect(data.runnerUp.id).toBe('editorji');
    const text = runCli(['explain', EDITORJI, '--tz', 'UTC']).stdout;
    expect(text).toContain('  updated    2025-10-15T17:42:00+00:00 from "Oct 15, 2025 17:42" (UTC)');
    expect(runCli(['explain', EDITORJI, '-s', 'editorji']).stdout).toContain('(confidence 0.994, forced with --source)');
  });

  it('fails like clean for a page it cannot read or recognize (exit 1)', () => {
    expect(runCli(['explain', 'nope.txt'])).toMatchObject({ status: 1, stdout: '', stderr: 'declutter: nope.txt: no such file\n' });
    expect(runCli(['explain', 'fixtures'])).toMatchObject({ status: 1, stderr: 'declutter: fixtures: is a directory, not a file\n' });
    expect(runCli(['explain', '-'], { input: ' \n' })).toMatchObject({ status: 1, stdout: '', stderr: 'declutter: -: empty file\n' });
  });

  it('shows, for a page no site cleaner recognizes, every score and the fingerprints found, then that the generic fallback was used', () => {
    const result = runCli(['explain', NOT_A_SITE]);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const data = JSON.parse(runCli(['explain', NOT_A_SITE, '-f', 'json']).stdout);
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      NOT_A_SITE,
      '  cleaner       confidence  evidence',
      '  devdiscourse  0.316       OPINION / BLOG / INTERVIEW heading; • Country: list; Left Menu navigation',
      '  editorji      0           no fingerprints found',
      `  source     generic (confidence ${data.source.confidence}): the fallback, as no site cleaner reached confidence 0.5`,
    ]);
    expect(data.source).toMatchObject({ id: 'generic', fallback: true, forced: false, evidence: ['no site cleaner recognizes this page'] });
    expect(data.cleaners).toEqual([
      { id: 'devdiscourse', confidence: 0.316, evidence: ['OPINION / BLOG / INTERVIEW heading', '• Country: list', 'Left Menu navigation'] },
      { id: 'editorji', confidence: 0, evidence: [] },
    ]);
  });

  it('with --sites-only, shows the scores and says no cleaner was used, then fails as clean does (exit 1)', () => {
    const result = runCli(['explain', '--sites-only', NOT_A_SITE]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        NOT_A_SITE,
        '  cleaner       confidence  evidence',
        '  devdiscourse  0.316       OPINION / BLOG / INTERVIEW heading; • Country: list; Left Menu navigation',
        '  editorji      0           no fingerprints found',
        '  source     none: no site cleaner reached confidence 0.5, and --sites-only refuses the generic fallback',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(`declutter: ${NOT_A_SITE}: no cleaner recognizes this page (known: devdiscourse, editorji); use --source\n`);
    const json = runCli(['explain', '--sites-only', '-f', 'json', '-'], { input: 'just a line\n' });
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      path: '-',
      source: null,
      cleaners: [
        { id: 'devdiscourse', confidence: 0, evidence: [] },
        { id: 'editorji', confidence: 0, evidence: [] },
      ],
      threshold: 0.5,
      reader: 'text',
      encoding: 'utf-8',
      error: 'no cleaner recognizes this page (known: devdiscourse, editorji)',
    });
    expect(json.stderr).toBe('declutter: -: no cleaner recognizes this page (known: devdiscourse, editorji); use --source\n');
  });

  it('shows, for a page no site cleaner recognizes, why the generic cleaner kept or dropped each line', () => {
    const page = 'Home\n\nA walk along the river at dawn showed fewer herons nesting on the east bank than last spring, where the path was widened.\n';
    const result = runCli(['explain', '-'], { input: page });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(1, 4)).toEqual([
      '  cleaner       confidence  evidence',
      '  devdiscourse  0           no fingerprints found',
      '  editorji      0           no fingerprints found',
    ]);
    expect(lines[4]).toMatch(/^  source     generic \(confidence [\d.]+\): the fallback, as no site cleaner reached confidence 0\.5$/);
    expect(lines.find((line) => line.startsWith('3  '))).toMatch(/^3  body +generic-paragraph p=0\.\d\d words=23 sentence +A walk along the river/);
    const data = JSON.parse(runCli(['explain', '-f', 'json', '-'], { input: page }).stdout);
    expect(data.lines[0]).toMatchObject({ n: 1, rule: expect.stringMatching(/^generic-/), signals: expect.arrayContaining(['words=1']) });
  });

  it.each([
    [['explain', EDITORJI, 'other.txt'], "declutter: too many arguments for 'explain'. Expected 1 argument but got 2."],
    [['explain', EDITORJI, '-f', 'yaml'], "declutter: option '-f, --format <format>' argument 'yaml' is invalid. Allowed choices are text, json."],
    [['explain', EDITORJI, '-s', 'nosuch'], "declutter: option '-s, --source <id>' argument 'nosuch' is invalid. Allowed choices are devdiscourse, editorji, generic."],
    [['explain', EDITORJI, '--tz', 'Mars/Base'], "declutter: option '--tz <zone>' argument 'Mars/Base' is invalid. not an IANA time zone (for example Asia/Kolkata, Europe/London, UTC)."],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\n(run declutter explain --help for usage)\n`);
  });

  it('documents itself with examples', () => {
    const result = runCli(['explain', '--help']);
    expect(result.stdout).toContain('$ declutter explain page.txt');
    expect(result.stdout).toContain('--format <format>');
  });
});

describe('layoutExplanation on a terminal', () => {
  const bytes = readFileSync(EDITORJI);
  const explanation = explain(analyze(bytes), clean(bytes), EDITORJI, false);

  it('cuts every line to the width, marking the cut', () => {
    const text = layoutExplanation(explanation, { width: 60 });
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(60);
    expect(lines.find((line) => line.includes('wire-dateline'))).toMatch(/…$/);
    // The fingerprint list is cut like any line, ending with the ellipsis.
    expect(lines[2]).toMatch(/^ {2}editorji {6}0\.994 {7}Updated : Mon d, .*…$/);
    expect(Array.from(lines[2]!)).toHaveLength(60);
    expect(layoutExplanation(explanation)).toContain(readFileSync(EDITORJI, 'utf8').split('\n')[6]);
  });

  it('counts, past five rows, the cleaners that found nothing instead of listing them', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `site-${i}`, confidence: 0, evidence: [] as string[] }));
    const header = layoutExplanation({ ...explanation, cleaners: [...explanation.cleaners, ...many] }).split('\n\n')[0]!.split('\n');
    expect(header.slice(1, 9)).toEqual([
      '  cleaner       confidence  evidence',
      expect.stringMatching(/^ {2}editorji {6}0\.994 {7}Updated : /),
      '  devdiscourse  0           no fingerprints found',
      '  site-0        0           no fingerprints found',
      '  site-1        0           no fingerprints found',
      '  site-2        0           no fingerprints found',
      '  … 5 more with confidence 0: no fingerprints found',
      '  source     editorji (confidence 0.994)',
    ]);
  });

  it('colours label and text by label, rule and number muted', () => {
    const text = layoutExplanation(explanation, {
      palette: { label: (label, cell) => `<${label}>${cell}</>`, muted: (cell) => `[${cell}]` },
    });
    expect(text).toContain("[ 1]  <title>title  </>  [headline");
    expect(text).toContain("<title>Syria's Interim Leader Visits Kremlin, Strengthening Ties</>");
  });
});

describe('declutter explain on an HTML page', () => {
  const PAGE = 'fixtures/editorji/glacier-survey.html';

  it('shows each line’s element path beside its rule, and says the page was read as HTML', () => {
    const result = runCli(['explain', PAGE]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('  read as    HTML (windows-1252)');
    const row = (n: number) => lines.find((line) => new RegExp(`^ *${n}  `).test(line))!;
    expect(row(2)).toMatch(/^ 2  dropped  landmark \(inside the page's <nav>\) +div > header > nav +India World Business Sports$/);
    expect(row(5)).toMatch(/^ 5  title +headline +… > article > header > h1 +Swiss survey finds Alpine glaciers/);
    expect(row(4)).toMatch(/^ 4  dropped  blank$/);
  });

  it('gives the full element path of each line in JSON, and none for blank lines', () => {
    const data = JSON.parse(runCli(['explain', PAGE, '-f', 'json']).stdout);
    expect(data.reader).toBe('html');
    const line = (n: number) => data.lines.find((entry: { n: number }) => entry.n === n);
    expect(line(5).elements).toEqual(['div', 'main', 'article', 'header', 'h1']);
    expect(line(11).elements).toEqual(['div', 'main', 'article', 'div', 'p']);
    expect(line(4).elements).toBeUndefined();
  });

  it('gives text pages no element paths', () => {
    const data = JSON.parse(runCli(['explain', EDITORJI, '-f', 'json']).stdout);
    expect(data.reader).toBe('text');
    expect(data.lines.every((entry: { elements?: string[] }) => entry.elements === undefined)).toBe(true);
    expect(runCli(['explain', EDITORJI]).stdout).not.toContain('read as');
  });
});
