import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run.js';

/**
 * The package as a user gets it: `npm pack`, then installed into an empty
 * project, its bin run and its library imported from there, far from the
 * clone's node_modules. One pack, one install for every test below.
 *
 * The install is offline: the project gets a lockfile with the tarball and
 * the same dependency versions as the clone's package-lock.json, so
 * `npm ci --offline` takes them from the npm cache that installing the clone
 * filled.
 */

const ROOT = resolve('.');
const PACKAGE = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};
const TARBALL = `${PACKAGE.name}-${PACKAGE.version}.tgz`;
const EDITORJI = resolve('fixtures/editorji/syria-leader-kremlin-ap.txt');
const HTML = resolve('fixtures/editorji/glacier-survey.html');

interface Packed {
  files: { path: string }[];
}

let project = '';
let packed: Packed;

function run(command: string, args: readonly string[], options: SpawnSyncOptions) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A lockfile for a project depending on the tarball only, with the clone's pinned versions of its dependencies. */
function projectLock(tarball: string): object {
  const clone = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  const packages: Record<string, unknown> = {
    '': { name: 'app', version: '1.0.0', dependencies: { [PACKAGE.name]: `file:${TARBALL}` } },
    [`node_modules/${PACKAGE.name}`]: {
      version: PACKAGE.version,
      resolved: `file:${TARBALL}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: PACKAGE.license,
      dependencies: PACKAGE.dependencies,
      bin: PACKAGE.bin,
      engines: PACKAGE.engines,
    },
  };
  for (const [path, entry] of Object.entries(clone.packages)) {
    if (path !== '' && !entry.dev && !entry.devOptional) packages[path] = entry;
  }
  return { name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

beforeAll(() => {
  project = join(tempDir('declutter-pack-'), 'app');
  mkdirSync(project);
  // dist/ is built by `npm test` before the tests run: packing does not build it again.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: ROOT });
  expect(pack.status, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module', dependencies: { [PACKAGE.name]: `file:${TARBALL}` } }, null, 2)}\n`,
  );
  writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(projectLock(join(project, TARBALL)), null, 2)}\n`);
  const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project });
  expect(install.status, install.stderr).toBe(0);
}, 300_000);

describe('the package', () => {
  it('is named declutter-pages, with the command declutter', () => {
    expect(PACKAGE.name).toBe('declutter-pages');
    expect(PACKAGE.bin).toEqual({ declutter: 'bin/declutter.js' });
  });

  it('holds the launcher, the built CLI and library with their types, the manual page, README, LICENSE and package.json: no sources, tests or pages', () => {
    const paths = packed.files.map(({ path }) => path).sort();
    for (const needed of ['README.md', 'LICENSE', 'package.json', 'dist/declutter.1', 'bin/declutter.js', 'dist/cli/main.js', 'dist/cli/worker.js', 'dist/cli/html-reader.cjs', 'dist/lib/index.js', 'dist/lib/index.d.ts']) {
      expect(paths).toContain(needed);
    }
    const stray = paths.filter(
      (path) =>
        !['README.md', 'LICENSE', 'package.json', 'bin/declutter.js', 'dist/declutter.1'].includes(path) &&
        !/^dist\/cli\/[\w-]+\.(js|cjs)$/.test(path) &&
        !/^dist\/lib\/[\w/.-]+\.(js|d\.ts)$/.test(path),
    );
    expect(stray).toEqual([]);
    // Every library file is built from a source file that exists: nothing left over from a removed one.
    const orphans = paths
      .filter((path) => path.startsWith('dist/lib/'))
      .filter((path) => !existsSync(join('src', path.slice('dist/lib/'.length).replace(/(\.d\.ts|\.js)$/, '.ts'))));
    expect(orphans).toEqual([]);
  });

  it('installs its command: the same articles as the clone, from text and HTML, in worker threads too', () => {
    const bin = join(project, 'node_modules', '.bin', 'declutter');
    const installed = run(bin, [EDITORJI], { cwd: project });
    expect(installed).toMatchObject({ status: 0, stderr: '' });
    expect(installed.stdout).toBe(runCli([EDITORJI], { cwd: project }).stdout);
    expect(JSON.parse(installed.stdout)).toMatchObject({ source: 'editorji', title: "Syria's Interim Leader Visits Kremlin, Strengthening Ties" });

    const batch = run(bin, ['-j', '2', '-f', 'ndjson', EDITORJI, HTML], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
    expect(batch.status, batch.stderr).toBe(0);
    expect(batch.stdout).toBe(runCli(['-j', '2', '-f', 'ndjson', EDITORJI, HTML], { cwd: project }).stdout);
    expect(batch.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).input.path)).toEqual([EDITORJI, HTML]);
    expect(run(bin, ['--version'], { cwd: project }).stdout.trim()).toBe(PACKAGE.version);
  });

  it('runs check, with its lazily loaded code, from the installed package', () => {
    const pages = join(project, 'pages');
    mkdirSync(pages);
    for (const suffix of ['.txt', '.expected.json', '.expected.md']) {
      copyFileSync(EDITORJI.replace(/\.txt$/, suffix), join(pages, `page${suffix}`));
    }
    writeFileSync(join(pages, 'page.expected.md'), readFileSync(join(pages, 'page.expected.md'), 'utf8').replace('Kremlin', 'Elysée'));
    const result = run(join(project, 'node_modules', '.bin', 'declutter'), ['check', 'pages'], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL     pages/page.txt (md)\n');
    expect(result.stdout).toContain(`\n    -title: "Syria's Interim Leader Visits Elysée, Strengthening Ties"\n    +title: "Syria's Interim Leader Visits Kremlin, Strengthening Ties"\n`);
    expect(result.stdout).toContain('1 page checked: 0 passed, 1 failed, 0 missing expectations\n');
  });

  // The YAML parser and the ReDoS checker load only with --cleaners: a dependency left out would show only here.
  it('loads a cleaner file with the installed package', () => {
    const page = resolve('examples/pages/pressnote/ports-policy.txt');
    const result = run(join(project, 'node_modules', '.bin', 'declutter'), [page, '--cleaners', resolve('examples/cleaners/pressnote.yaml'), '-q'], { cwd: project });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ source: 'pressnote', title: 'Cabinet approves national ports policy' });
  });

  it('is a library another project imports by name, as ESM', () => {
    writeFileSync(
      join(project, 'use.js'),
      [
        "import { readFileSync } from 'node:fs';",
        `import { clean, render, cleaners, detectCleaner, DeclutterError } from '${PACKAGE.name}';`,
        'const page = readFileSync(process.argv[2]);',
        "const article = clean(page, { path: 'page.txt' });",
        'let refused = null;',
        "try { clean('not a news page', { sitesOnly: true }); } catch (error) { refused = error instanceof DeclutterError && error.code; }",
        'console.log(JSON.stringify({',
        '  source: article.source,',
        '  title: article.title,',
        "  markdown: render(article, 'md'),",
        '  cleaners: cleaners.map((cleaner) => cleaner.id),',
        "  detected: detectCleaner(page.toString('utf8')),",
        '  refused,',
        '}));',
        '',
      ].join('\n'),
    );
    const result = run(process.execPath, ['use.js', EDITORJI], { cwd: project });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const out = JSON.parse(result.stdout);
    expect(out).toEqual({
      source: 'editorji',
      title: "Syria's Interim Leader Visits Kremlin, Strengthening Ties",
      markdown: readFileSync(EDITORJI.replace(/\.txt$/, '.expected.md'), 'utf8'),
      cleaners: ['devdiscourse', 'editorji', 'generic'],
      detected: { source: 'editorji', confidence: 0.994 },
      refused: 'unrecognized',
    });
    // The types ship beside it, found through the package's exports.
    expect(readFileSync(join(project, 'node_modules', PACKAGE.name, 'dist', 'lib', 'index.d.ts'), 'utf8')).toContain('export declare function clean(');
  });
});
