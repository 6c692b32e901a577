import { execFileSync } from 'node:child_process';
import { COUNTRIES_AND_REGIONS } from '../../src/cleaners/places.js';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BUILTIN_DEFINITIONS } from '../../src/cleaners/builtins.js';
import { clean, DeclutterError, render } from '../../src/index.js';
import { escapeForTerminal } from '../../src/cli/diagnostics.js';
import { runCli, tempDir } from './run.js';

/**
 * Crashes, hangs and holes found by trying to break declutter. A test for a
 * hang or a quadratic uses a size that would take minutes if it came back,
 * never a timing.
 */
const EDITORJI = 'fixtures/editorji/syria-leader-kremlin-ap.txt';
const DEVDISCOURSE = 'fixtures/devdiscourse/russia-syria-ties.txt';
const editorjiText = () => readFileSync(EDITORJI, 'utf8');

/** A Devdiscourse page with `count` more short paragraphs of body. */
function manyParagraphs(count: number): string {
  const paragraphs = Array.from({ length: count }, (_, i) => `Paragraph ${i} said “yes” – again.`);
  return readFileSync(DEVDISCOURSE, 'utf8').replace('(With inputs from agencies.)', `${paragraphs.join('\n')}\n(With inputs from agencies.)`);
}

describe('no spread of an unbounded array', () => {
  it('explains a page of 130,000 lines', () => {
    const dir = tempDir();
    const page = join(dir, 'long.txt');
    writeFileSync(page, manyParagraphs(130_000));
    const result = runCli(['explain', page]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').length).toBeGreaterThan(130_000);
  });

  it('checks a 200,000-line page against a one-line expectation, naming the line it differs from', () => {
    const dir = tempDir();
    const page = join(dir, 'long.txt');
    writeFileSync(page, manyParagraphs(200_000));
    writeFileSync(join(dir, 'long.expected.txt'), 'one line\n');
    const result = runCli(['check', page]);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/Maximum call stack|internal error|\n\s+at /);
    expect(result.stdout).toContain('@@ differs from line 1 (too many changes to show a diff) @@');
  });
});

describe('check bounds its diff', () => {
  it('an expectation that differs on every one of 20,000 lines gives a short answer, not minutes of diff', () => {
    const dir = tempDir();
    const page = join(dir, 'page.txt');
    copyFileSync(EDITORJI, page);
    const actual = runCli(['-f', 'text', page]).stdout;
    const changed = actual.split('\n').length;
    writeFileSync(join(dir, 'page.expected.txt'), `${actual}${Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\n')}\n`);
    const result = runCli(['check', page, '--max-diff-lines', '0']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`@@ differs from line ${changed} (too many changes to show a diff) @@`);
  });

  it('caps a diff in bytes as well as lines: one changed line of 5 MB does not reach the terminal whole', () => {
    const dir = tempDir();
    const page = join(dir, 'page.txt');
    copyFileSync(EDITORJI, page);
    const actual = runCli(['-f', 'text', page]).stdout;
    writeFileSync(join(dir, 'page.expected.txt'), actual.replace(/\n$/, `${'x'.repeat(5_000_000)}\n`));
    const result = runCli(['check', page, '--max-diff-lines', '0']);
    expect(result.status).toBe(1);
    expect(result.stdout.length).toBeLessThan(200_000);
  });

  it('refuses an oversized expectation file by its size, naming it', () => {
    const dir = tempDir();
    const page = join(dir, 'page.txt');
    copyFileSync(EDITORJI, page);
    const expectation = join(dir, 'page.expected.txt');
    writeFileSync(expectation, Buffer.alloc(21 * 1024 * 1024, 'x'));
    const result = runCli(['check', page]);
    expect(result.status).toBe(1);
    // A result like any failed check: on stdout, once.
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`FAIL     ${expectation}: too large (21.0 MB; over the 20.0 MB limit`);
  });
});

describe('site rules never overflow or backtrack', () => {
  it('cleans an Editorji page whose first paragraph is a 4.3 MB line of A-A-A-…', () => {
    const page = editorjiText().replace(/^(Moscow, Oct 15 \(AP\) – ).*$/m, 'A-'.repeat(2_150_000));
    expect(clean(page, { source: 'editorji' }).body.length).toBeGreaterThan(0);
  });

  const PUMPS = ['A-', "A'", 'A’', 'a', ' ', 'A ', 'A, ', '• a', '(AP) ', 'Moscow, Oct 15 '];
  const everyRule = BUILTIN_DEFINITIONS.flatMap((source) => [
    ...Object.entries(source.zones).flatMap(([zone, rules]) =>
      rules.flatMap((rule) => [
        { name: `${source.id} ${zone} ${rule.name}`, pattern: rule.match },
        ...(rule.followedBy ? [{ name: `${source.id} ${zone} ${rule.name} (followed by)`, pattern: rule.followedBy }] : []),
      ]),
    ),
    ...source.fingerprints.map((fingerprint) => ({ name: `${source.id} fingerprint ${fingerprint.name}`, pattern: fingerprint.pattern })),
    ...source.clutterMarkers.map((pattern, i) => ({ name: `${source.id} clutter marker ${i}`, pattern })),
  ]);

  it.each(PUMPS)('every rule of every cleaner on a 10 MB line of %j', (pump) => {
    const line = pump.repeat(Math.ceil(10_000_000 / pump.length));
    for (const { name, pattern } of everyRule) {
      const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
      expect(() => regex.exec(line), name).not.toThrow();
    }
  }, 120_000);
});

describe('the country list', () => {
  it('takes a list of 200,000 country lines in one pass, each country once', () => {
    const text = readFileSync(DEVDISCOURSE, 'utf8');
    const countries = Array.from({ length: 200_000 }, (_, i) => `• ${COUNTRIES_AND_REGIONS[i % COUNTRIES_AND_REGIONS.length]}`).join('\n');
    const page = text.replace(/^\s*• Country:$/m, (heading) => `${heading}\n${countries}`);
    expect(page).not.toBe(text);
    const article = clean(page, { source: 'devdiscourse' });
    expect(article.countries).toEqual([...new Set(COUNTRIES_AND_REGIONS)]);
    expect(article.extraction.fields.countries!.length).toBeGreaterThanOrEqual(200_000);
  });
});

describe('-j', () => {
  it('is capped at a few per core, with a warning', () => {
    const dir = tempDir();
    const cap = availableParallelism() * 4;
    for (let i = 0; i <= cap; i++) copyFileSync(EDITORJI, join(dir, `p${i}.txt`));
    const result = runCli([dir, '-j', '400', '-o', join(dir, '..', `${dir.split('/').pop()}-out`)]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`declutter: warning: -j 400 is more than 4 per core (${availableParallelism()} cores): using ${cap}\n`);
  });
});

describe('--fail-fast with workers', () => {
  it('starts no input after the first failure is known', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a000.txt'), '');
    for (let i = 1; i < 400; i++) copyFileSync(EDITORJI, join(dir, `a${String(i).padStart(3, '0')}.txt`));
    const out = `${dir}-out`;
    const result = runCli([dir, '-o', out, '-j', '2', '--fail-fast']);
    expect(result.status).toBe(1);
    const done = /after (\d+) of 400 inputs/.exec(result.stderr);
    expect(done).not.toBeNull();
    // Only what was already under way (16 per worker) may finish after it; before, the run went on to 80 and more.
    expect(Number(done![1])).toBeLessThanOrEqual(2 * 16 + 1);
    // The outputs and the manifest.
    expect(readdirSync(out).length).toBe(Number(done![1]) - 1 + 1);
  });
});

describe('file names', () => {
  it('names a file whose name is not UTF-8 and cleans the others', () => {
    const dir = tempDir();
    copyFileSync(EDITORJI, join(dir, 'good.txt'));
    execFileSync('sh', ['-c', `cp "$1" "$2/bad-$(printf '\\377\\376').txt"`, 'sh', EDITORJI, dir]);
    const result = runCli([dir, '-q']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`declutter: ${dir}/bad-\\xff\\xfe.txt: file name is not valid UTF-8, which declutter cannot open by name; rename the file\n`);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
  });

  it('reports a folder beyond the longest path the system takes, for clean and check alike', () => {
    const dir = tempDir();
    let deep = dir;
    // Made step by step (relative paths), past PATH_MAX.
    const segment = 'd'.repeat(200);
    const parts: string[] = [];
    while (deep.length < 4200) {
      parts.push(segment);
      deep = join(deep, segment);
    }
    const make = `const fs = require('fs'); process.chdir(process.argv[1]); for (let i = 0; i < ${parts.length}; i++) { fs.mkdirSync('${segment}'); process.chdir('${segment}'); } fs.copyFileSync(process.argv[2], 'page.txt');`;
    execFileSync(process.execPath, ['-e', make, dir, join(process.cwd(), EDITORJI)]);
    copyFileSync(EDITORJI, join(dir, 'top.txt'));
    const result = runCli([dir, '-q']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/: cannot read this folder: file name too long\n/);
    const check = runCli(['check', dir]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/: cannot read this folder: file name too long\n/);
    expect(check.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('what reaches a terminal', () => {
  it('escapes control and bidirectional characters in file names and messages', () => {
    const dir = tempDir();
    const name = join(dir, 'evil\u001b]0;owned\u0007\n declutter: 0 failed\u202e.txt');
    writeFileSync(name, '');
    const result = runCli([name]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`declutter: ${dir}/evil\\x1b]0;owned\\x07\\n declutter: 0 failed\\u202e.txt: empty file\n`);
  });

  it('escapes the file name in explain, and leaves explain -f json exact', () => {
    const dir = tempDir();
    const page = join(dir, 'evil\u001b[2J\u202e.txt');
    copyFileSync(EDITORJI, page);
    const text = runCli(['explain', page]);
    expect(text.stdout.split('\n')[0]).toBe(`${dir}/evil\\x1b[2J\\u202e.txt`);
    expect(text.stdout).not.toMatch(/[\u001b\u202e]/);
    const json = runCli(['explain', page, '-f', 'json']);
    expect(JSON.parse(json.stdout).path).toBe(page);
  });

  it('escapes file names in check lines and diffs', () => {
    const dir = tempDir();
    const page = join(dir, 'a\u001b]0;title\u0007.txt');
    copyFileSync(EDITORJI, page);
    writeFileSync(join(dir, 'a\u001b]0;title\u0007.expected.txt'), 'nothing\n');
    const result = runCli(['check', page]);
    expect(result.stdout).toContain('\\x1b]0;title\\x07');
    expect(result.stdout).toContain('+++ ');
    expect(result.stdout + result.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it('one function escapes for every printed line', () => {
    expect(escapeForTerminal('a\tb\u0000\u007f\u0085\u200f\u2066')).toBe('a\tb\\x00\\x7f\\x85\\u200f\\u2066');
  });
});

describe('dates before standard time', () => {
  it('are written with whole-second offsets (local mean time of Kolkata: +05:21:10)', () => {
    const page = editorjiText().replace(/Updated : \w+ \d+, \d{4}/, 'Updated : Oct 15, 1890');
    const article = clean(page, { source: 'editorji', tz: 'Asia/Kolkata' });
    expect(article.updated).toMatch(/^1890-10-15T\d\d:\d\d:00\+05:21:10$/);
  });
});

describe('Markdown front matter', () => {
  it('escapes U+FFFE and U+FFFF so YAML parsers read the title back', () => {
    const article = clean(editorjiText(), { source: 'editorji' });
    const title = `A \ufffe title \uffff here`;
    const markdown = render({ ...article, title }, 'md');
    const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!;
    expect(parseYaml(frontMatter).title).toBe(title);
  });
});

describe('library arguments', () => {
  const article = () => clean(editorjiText());
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof DeclutterError ? error.code : `not a DeclutterError: ${String(error)}`;
    }
    return 'did not throw';
  };

  it('throws DeclutterError bad-option for a page, options or format of the wrong kind', () => {
    expect(codeOf(() => clean(123 as never))).toBe('bad-option');
    expect(codeOf(() => clean(null as never))).toBe('bad-option');
    expect(codeOf(() => clean(editorjiText(), null as never))).toBe('bad-option');
    expect(codeOf(() => render(article(), 'toString' as never))).toBe('bad-option');
    expect(codeOf(() => render(article(), 'xml' as never))).toBe('bad-option');
    expect(codeOf(() => render(null as never, 'json'))).toBe('bad-option');
  });
});

describe('check reports', () => {
  it('refuse to overwrite a page or an expectation, before any work (exit 2)', () => {
    const dir = tempDir();
    const page = join(dir, 'page.txt');
    copyFileSync(EDITORJI, page);
    const expectation = join(dir, 'page.expected.json');
    writeFileSync(expectation, runCli([page]).stdout);
    const before = readFileSync(expectation, 'utf8');
    for (const args of [
      ['--junit', page],
      ['--report', page],
      ['--report', expectation],
      ['--junit', join(dir, 'r.xml'), '--report', join(dir, 'r.xml')],
    ]) {
      const result = runCli(['check', page, ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(EDITORJI, 'utf8'));
    expect(readFileSync(expectation, 'utf8')).toBe(before);
    mkdirSync(join(dir, 'x'));
  });

  it('take - for standard output, the listing then going to stderr', () => {
    const dir = tempDir();
    const page = join(dir, 'page.txt');
    copyFileSync(EDITORJI, page);
    const result = runCli(['check', page, '--report', '-']);
    expect(JSON.parse(result.stdout).command).toBe('check');
    expect(result.stderr).toContain('1 page checked');
  });
});
