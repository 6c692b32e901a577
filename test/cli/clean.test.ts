import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BIN, runCli, tempDir } from './run.js';

const DEVDISCOURSE = 'fixtures/devdiscourse/russia-syria-ties.txt';
const EDITORJI = 'fixtures/editorji/syria-leader-kremlin-ap.txt';
const UNRECOGNIZED = 'declutter: -: no cleaner recognizes this page (known: devdiscourse, editorji); use --source\n';

const json = (text: string) => JSON.parse(text);

describe('declutter <file>', () => {
  it('prints one article as a JSON object, with nothing on stderr', () => {
    const result = runCli([DEVDISCOURSE]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const article = json(result.stdout);
    expect(article.title).toBe('Russia Seeks to Secure Syrian Ties Amid Leadership Shift');
    expect(article.input.path).toBe(DEVDISCOURSE);
    expect(article.input.bytes).toBe(readFileSync(DEVDISCOURSE).length);
    expect(result.stdout).toMatch(/^\{\n {2}"source": "devdiscourse",/);
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  it('reads standard input when given - or no path at all', () => {
    const page = readFileSync(EDITORJI);
    for (const args of [['-'], []]) {
      const result = runCli(args, { input: page });
      expect(result.status).toBe(0);
      const article = json(result.stdout);
      expect(article.source).toBe('editorji');
      expect(article.input.path).toBe('-');
      expect(article.agency).toBe('AP');
    }
  });

  it('reads a pipe or device named as a file, such as /dev/stdin, instead of taking it for a pattern', () => {
    // Through a shell pipe, as users write it (a spawned process's stdin would be a socket, not a pipe).
    const result = spawnSync('sh', ['-c', 'cat "$1" | "$2" "$3" /dev/stdin', 'sh', EDITORJI, process.execPath, BIN], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(json(result.stdout).input.path).toBe('/dev/stdin');
    expect(json(result.stdout).source).toBe('editorji');
  });

  it('cleans several inputs in order into a JSON array', () => {
    const result = runCli([EDITORJI, DEVDISCOURSE]);
    expect(result.status).toBe(0);
    const articles = json(result.stdout);
    expect(articles.map((a: { source: string }) => a.source)).toEqual(['editorji', 'devdiscourse']);
  });

  it('writes NDJSON as one compact line per input, in input order, a file named twice once', () => {
    const ndjson = runCli(['-f', 'ndjson', DEVDISCOURSE, EDITORJI, DEVDISCOURSE]);
    expect(ndjson.status).toBe(0);
    const rows = ndjson.stdout.trimEnd().split('\n').map(json);
    expect(rows.map((a) => a.source)).toEqual(['devdiscourse', 'editorji']);
    expect(ndjson.stdout.endsWith('}\n')).toBe(true);
  });

  it('writes Markdown whose front matter reads back as the article', () => {
    const result = runCli(['--format', 'md', EDITORJI]);
    expect(result.status).toBe(0);
    const [, frontMatter, rest] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(result.stdout)!;
    expect(parseYaml(frontMatter!)).toEqual({
      title: "Syria's Interim Leader Visits Kremlin, Strengthening Ties",
      source: 'editorji',
      byline: 'Editorji News Desk',
      agency: 'AP',
      dateline: 'Moscow',
      published: null,
      updated: '2025-10-15T17:42:00+05:30',
      countries: [],
      image_credit: null,
      url: null,
      language: null,
    });
    expect(rest!.startsWith("# Syria's Interim Leader Visits Kremlin, Strengthening Ties\n\nOn Wednesday,")).toBe(true);
    expect(rest!.trimEnd().endsWith('*Only the headline of this report may have been reworked by Editorji; the rest of the content is auto-generated from a syndicated feed.*')).toBe(true);
  });

  it('writes plain text: the title, a blank line, the paragraphs', () => {
    const result = runCli(['-f', 'text', 'fixtures/devdiscourse/multi-line-summary.txt']);
    expect(result.stdout).toBe(
      [
        'Coastal Towns Test Floating Breakwaters Against Monsoon Surges',
        'The trial places rows of linked concrete-and-foam panels a few hundred metres offshore, where they break incoming swells before they reach boats moored inside the harbour.',
        "Local boat owners said last year's storms sank or damaged dozens of vessels, and that a permanent stone breakwater had been promised for more than a decade without being built.",
        "The engineers running the trial will record wave heights on both sides of the panels every hour until September, and publish the readings with the state's fisheries department.",
      ].join('\n\n') + '\n',
    );
  });

  it('lets no carriage return or byte order mark through from a CRLF page with a BOM', () => {
    const page = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readFileSync(DEVDISCOURSE, 'utf8').replace(/\n/g, '\r\n'))]);
    for (const format of ['json', 'md', 'text', 'ndjson']) {
      const result = runCli(['-f', format, '-'], { input: page });
      expect(result.status).toBe(0);
      expect(result.stdout).not.toMatch(/\r|\ufeff/);
      expect(result.stdout).not.toContain('\\r');
    }
    const article = json(runCli(['-'], { input: page }).stdout);
    const plain = json(runCli([DEVDISCOURSE]).stdout);
    expect({ ...article, input: null, extraction: null }).toEqual({ ...plain, input: null, extraction: null });
  });
});

describe('options', () => {
  it('--source forces a cleaner; an unknown one is a usage error naming the allowed ones', () => {
    const forced = runCli(['--source', 'editorji', EDITORJI]);
    expect(json(forced.stdout).source).toBe('editorji');
    const unknown = runCli(['--source', 'nytimes', EDITORJI]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("declutter: option '-s, --source <id>' argument 'nytimes' is invalid. Allowed choices are devdiscourse, editorji, generic.");
    expect(unknown.stdout).toBe('');
  });

  it('--tz changes the zone of dates printed without one, never a zone the page prints', () => {
    expect(json(runCli(['--tz', 'UTC', EDITORJI]).stdout).updated).toBe('2025-10-15T17:42:00+00:00');
    expect(json(runCli(['--tz', 'America/New_York', EDITORJI]).stdout).updated).toBe('2025-10-15T17:42:00-04:00');
    const devdiscourse = json(runCli(['--tz', 'UTC', DEVDISCOURSE]).stdout);
    expect(devdiscourse.updated).toBe('2025-01-29T14:54:00+05:30');
    expect(devdiscourse.published).toBe('2025-01-29T14:38:00+05:30');
  });

  it('--strict fails an input that has warnings; without it the warning is printed and the article written', () => {
    const page = readFileSync(EDITORJI, 'utf8').replace('Updated : Oct 15, 2025 17:42\n', '');
    const lenient = runCli(['-'], { input: page });
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toBe('declutter: -: warning: layout not as expected: no date line\ndeclutter: -: warning: no date found\n');
    expect(json(lenient.stdout).warnings).toEqual(['layout not as expected: no date line', 'no date found']);
    const strict = runCli(['--strict', '-'], { input: page });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('declutter: -: layout not as expected: no date line; no date found (--strict)\n');
    expect(strict.stdout).toBe('');
    expect(runCli(['--quiet', '-'], { input: page }).stderr).toBe('');
  });

  it('--version prints the package version and --help shows examples', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(runCli(['--version']).stdout).toBe(`${version}\n`);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: declutter');
    expect(help.stdout).toContain('Examples:');
    for (const flag of ['--format', '--source', '--out-dir', '--tz', '--strict', '--encoding', '--max-bytes']) expect(help.stdout).toContain(flag);
  });
});

describe('--out-dir', () => {
  it('writes one file per input named after it with the format extension, and nothing on stdout', () => {
    const out = tempDir();
    const result = runCli(['-o', out, '-f', 'md', DEVDISCOURSE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const files = readdirSync(out);
    expect(files.sort()).toEqual(['.declutter-manifest.ndjson', 'russia-syria-ties.md']);
    expect(readFileSync(join(out, 'russia-syria-ties.md'), 'utf8')).toBe(runCli(['-f', 'md', DEVDISCOURSE]).stdout);
  });

  it('never writes over an input file', () => {
    const dir = tempDir();
    const input = join(dir, 'page.txt');
    copyFileSync(DEVDISCOURSE, input);
    const before = readFileSync(input);
    const result = runCli(['-f', 'text', '-o', dir, input]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`declutter: ${input}: `);
    expect(result.stderr).toMatch(/overwrite an input/);
    expect(readFileSync(input)).toEqual(before);
    expect(readdirSync(dir).filter((name) => name !== 'page.txt').filter((name) => !name.startsWith('.declutter'))).toEqual([]);
  });

  it('leaves no temporary files behind', () => {
    const out = tempDir();
    runCli(['-o', out, DEVDISCOURSE, EDITORJI]);
    expect(readdirSync(out).filter((name) => name.endsWith('.declutter-tmp'))).toEqual([]);
    expect(existsSync(join(out, 'devdiscourse', 'russia-syria-ties.json'))).toBe(true);
    expect(existsSync(join(out, 'editorji', 'syria-leader-kremlin-ap.json'))).toBe(true);
  });
});

describe('errors', () => {
  it('names a missing file, still cleans the others, and exits 1', () => {
    const result = runCli(['-f', 'ndjson', 'no-such-page.txt', EDITORJI]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('declutter: no-such-page.txt: no such file\n');
    expect(result.stdout.trimEnd().split('\n').map(json).map((a) => a.source)).toEqual(['editorji']);
  });

  it('rejects empty and whitespace-only pages', () => {
    for (const input of ['', '   \n\t\n', '\ufeff\r\n']) {
      const result = runCli(['-'], { input });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('declutter: -: empty file\n');
    }
  });

  it('cleans a page no site cleaner recognizes with the generic cleaner, and says so', () => {
    const page = [
      'Field notes',
      '',
      'Home',
      'About',
      '',
      'We walked the river path at dawn and counted the herons that nest in the old willows, as we have done every spring for twelve years now.',
      '',
      'This year there were fewer nests on the east bank, where the path was widened, and more on the island, which nobody can reach without a boat.',
      '',
    ].join('\n');
    const result = runCli(['-'], { input: page });
    expect(result.status).toBe(0);
    const article = json(result.stdout);
    expect(article).toMatchObject({ source: 'generic', title: 'Field notes', published: null });
    expect(article.body).toEqual([
      'We walked the river path at dawn and counted the herons that nest in the old willows, as we have done every spring for twelve years now.',
      'This year there were fewer nests on the east bank, where the path was widened, and more on the island, which nobody can reach without a boat.',
    ]);
    expect(result.stderr.split('\n')[0]).toBe('declutter: -: warning: no site cleaner recognizes this page; used the generic cleaner');
    // --strict fails on that warning; --sites-only restores the refusal.
    const strict = runCli(['--strict', '-'], { input: page });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/^declutter: -: no site cleaner recognizes this page; used the generic cleaner; .*\(--strict\)\n$/);
    const sitesOnly = runCli(['--sites-only', '-'], { input: page });
    expect(sitesOnly).toMatchObject({ status: 1, stdout: '', stderr: UNRECOGNIZED });
  });

  it('gives usage errors exit code 2 with what is allowed', () => {
    const format = runCli(['-f', 'xml', EDITORJI]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Allowed choices are json, ndjson, md, text.');
    const option = runCli(['--frobnicate', EDITORJI]);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("declutter: unknown option '--frobnicate'");
    const zone = runCli(['--tz', 'Mars/Olympus', EDITORJI]);
    expect(zone.status).toBe(2);
    expect(zone.stderr).toContain('not an IANA time zone');
  });

  it('never prints a stack trace', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const cases = [['missing.txt'], [join(dir, 'empty.txt')], ['-f', 'xml'], ['--tz', 'Nowhere']];
    for (const args of cases) {
      const result = runCli(args);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/^declutter: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
