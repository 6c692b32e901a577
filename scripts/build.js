#!/usr/bin/env node
// Builds declutter: the library (tsc, with types) and the CLI (esbuild,
// bundled so that `declutter page.txt` starts fast).
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compileBuiltinCleaners } from './cleaners.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * commander loads node:child_process (and with it net, dgram, streams) on
 * start-up, for stand-alone executable subcommands declutter does not have;
 * loading it on first use takes that off every `declutter page.txt`.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

async function main() {
  // The built-in cleaners are YAML files; the library and the CLI import them compiled.
  await compileBuiltinCleaners();
  // The library is rebuilt from scratch: a file left from a removed source would be packed and published with it.
  rmSync(join(root, 'dist', 'lib'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  // Build beside the old CLI and swap it in, so a CLI run during a build never finds it half written.
  const fresh = join(root, 'dist', `cli-${process.pid}`);
  await build({
    // The worker thread's entry sits beside main.js, where batch/pool.ts looks for it.
    // man.js is an entry of its own for the build to write the manual page with (below).
    entryPoints: { main: join(root, 'src', 'cli', 'main.ts'), worker: join(root, 'src', 'batch', 'worker.ts'), man: join(root, 'src', 'cli', 'man.ts') },
    outdir: fresh,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    plugins: [lazyChildProcess],
    // Bundled CommonJS dependencies (fast-glob) call require().
    banner: { js: "import { createRequire as __declutterRequire } from 'node:module'; const require = __declutterRequire(import.meta.url);" },
  });
  // The HTML reader on its own, as CommonJS, so that the CLI can load it synchronously on the first HTML page only.
  await build({
    entryPoints: [join(root, 'src', 'input', 'html', 'index.ts')],
    outfile: join(fresh, 'html-reader.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const live = join(root, 'dist', 'cli');
  const old = `${live}-old-${process.pid}`;
  if (existsSync(live)) renameSync(live, old);
  renameSync(fresh, live);
  rmSync(old, { recursive: true, force: true });
  // The manual page, from the program the CLI builds (the same definitions as --help).
  const { buildProgram } = await import(pathToFileURL(join(live, 'main.js')).href);
  const { manPage } = await import(pathToFileURL(join(live, 'man.js')).href);
  writeFileSync(join(root, 'dist', 'declutter.1'), manPage(buildProgram()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
