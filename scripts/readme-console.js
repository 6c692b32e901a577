#!/usr/bin/env node
// Runs README's console blocks and compares them with what they print.
//
//   node scripts/readme-console.js            check: exit 1 listing each drifted block with a diff
//   node scripts/readme-console.js --update   rewrite the drifted blocks from the real output
//   --readme <file>                           another Markdown file (default: README.md)
//
// The convention, in the Markdown:
//
// - A fenced ```console block (indented or not) is a real run. Each line
//   starting with `$ ` is a command; the lines after it, up to the next
//   command, are what it prints: standard output and standard error through
//   one pipe, in the order a terminal shows them. A command line ending in
//   ` \` continues on the next line.
// - A block preceded (on the line before its fence, blank lines allowed) by
//   `<!-- not run: <reason> -->` is illustrative (benchmark figures, output
//   of another machine) and left alone.
//
// All blocks run in order, as one reader following the README would, in one
// scratch folder holding copies of fixtures/, examples/ and the sample files
// of test/readme/files/ (page.txt, pages/, …); the repository is never
// written, except README with --update. Each block runs in one `sh`, so `$?`
// and files carry from command to command; `declutter` on its PATH is the
// built bin/declutter.js. Colour is off (NO_COLOR=1), TZ is UTC.
//
// Normalized before comparing, and only this (what varies from run to run):
// - durations: `0.5s`, `153 ms`, `12.3 µs` → `<duration>`; `"ms": 15.02` → `"ms": <ms>`;
// - the scratch folder's absolute path → `<scratch>`;
// - spaces at the end of a line (Markdown does not show them; editors strip them).
// --update writes the real text (durations included, trailing spaces not)
// into the drifted blocks only, so blocks that match keep their figures.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTwoFilesPatch } from 'diff';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the blocks may use, copied into the scratch folder (the sample files' folder is copied as its contents). */
const COPIED = ['fixtures', 'examples', join('dist', 'declutter.1')];
const SAMPLES = join(ROOT, 'test', 'readme', 'files');
const BLOCK_TIMEOUT_MS = 60_000;
const NOT_RUN = /^\s*<!--\s*not run:\s*\S.*-->\s*$/;

/** The console blocks of a Markdown text: where they are, their commands and the output shown. */
export function findBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```console\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1];
    let end = i + 1;
    while (end < lines.length && !(lines[end].startsWith(indent) && /^\s*```\s*$/.test(lines[end]))) end++;
    if (end === lines.length) throw new Error(`line ${i + 1}: console block never closed`);
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const body = lines.slice(i + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
    blocks.push({ line: i + 1, start: i + 1, end, indent, body, run: !(before >= 0 && NOT_RUN.test(lines[before])), steps: parseSteps(body) });
    i = end;
  }
  return blocks;
}

/** `$ ` lines (with their ` \` continuations) and the output shown under each. */
function parseSteps(body) {
  const steps = [];
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    if (line.startsWith('$ ')) {
      const shown = [line];
      while (shown.at(-1).endsWith(' \\') && i + 1 < body.length) shown.push(body[++i]);
      steps.push({ shown, command: shown.map((part, index) => (index === 0 ? part.slice(2) : part)).join('\n'), output: [] });
    } else if (steps.length > 0) {
      steps.at(-1).output.push(line);
    } else {
      steps.push({ shown: [], command: null, output: [line] });
    }
  }
  return steps;
}

/** One scratch folder for the whole run, with `declutter` on its PATH. */
function makeScratch() {
  const scratch = mkdtempSync(join(tmpdir(), 'declutter-readme-'));
  const work = join(scratch, 'work');
  const bin = join(scratch, 'bin');
  mkdirSync(work);
  mkdirSync(bin);
  for (const name of COPIED) cpSync(join(ROOT, name), join(work, name), { recursive: true, verbatimSymlinks: true });
  cpSync(SAMPLES, work, { recursive: true, verbatimSymlinks: true });
  const launcher = join(bin, 'declutter');
  writeFileSync(launcher, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(join(ROOT, 'bin', 'declutter.js'))} "$@"\n`);
  chmodSync(launcher, 0o755);
  return { scratch, work, bin };
}

const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/** Runs a block's commands in one shell, each one's output (stdout and stderr on one pipe) told apart by a marker line. */
function runBlock(block, { work, bin }) {
  const marker = `--readme-console-${process.pid}-${Date.now()}--`;
  const commands = block.steps.filter((step) => step.command !== null);
  const script = ['exec 2>&1', ...commands.map((step, index) => `__status=$?; printf '%s\\n' '${marker}${index}'; (exit $__status); ${step.command}`)].join('\n');
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', TZ: 'UTC', LC_ALL: 'C.UTF-8', TERM: 'dumb' };
  delete env.FORCE_COLOR;
  const result = spawnSync('sh', ['-c', script], { cwd: work, env, encoding: 'utf8', timeout: BLOCK_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error?.code === 'ETIMEDOUT') return { error: `timed out after ${BLOCK_TIMEOUT_MS / 1000} s` };
  if (result.error) return { error: result.error.message };
  const outputs = commands.map(() => []);
  let current = -1;
  const lines = result.stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const seen = line.startsWith(marker) ? Number(line.slice(marker.length)) : NaN;
    if (Number.isInteger(seen)) current = seen;
    else if (current >= 0) outputs[current].push(line);
  }
  return { outputs: outputs.map((output) => output.map((line) => line.replace(/\s+$/, ''))) };
}

/** What may vary from run to run, made equal on both sides. */
export function normalize(text, scratch = null) {
  let out = text;
  if (scratch) out = out.replaceAll(scratch, '<scratch>');
  out = out.replace(/"ms": \d+(\.\d+)?/g, '"ms": <ms>');
  out = out.replace(/\b\d+(\.\d+)?\s?(ms|s|µs)\b/g, '<duration>');
  out = out.replace(/[ \t]+$/gm, '');
  return out;
}

/** The block as written now, and as the real run prints it. */
function blockTexts(block, outputs) {
  const expected = [];
  const actual = [];
  let index = 0;
  for (const step of block.steps) {
    expected.push(...step.shown, ...step.output);
    if (step.command === null) continue;
    actual.push(...step.shown, ...outputs[index++]);
  }
  return { expected: expected.join('\n'), actual: actual.join('\n') };
}

/** Checks (or with `update`, rewrites) the console blocks of a Markdown file. */
export function checkReadme({ readme = join(ROOT, 'README.md'), update = false } = {}) {
  const markdown = readFileSync(readme, 'utf8');
  const blocks = findBlocks(markdown);
  const scratch = makeScratch();
  const drifted = [];
  const replacements = [];
  try {
    for (const block of blocks) {
      if (!block.run) continue;
      if (!block.steps.some((step) => step.command !== null)) {
        drifted.push({ line: block.line, command: '(no command)', diff: 'a console block without any `$ ` command: run one, or mark it <!-- not run: reason -->\n' });
        continue;
      }
      if (block.steps[0].command === null) {
        drifted.push({ line: block.line, command: '(text before the first command)', diff: `output shown before the first \`$ \` command:\n${block.steps[0].output.join('\n')}\n` });
        continue;
      }
      const ran = runBlock(block, scratch);
      const command = block.steps[0].command.split('\n')[0];
      if (ran.error) {
        drifted.push({ line: block.line, command, diff: `${ran.error}\n` });
        continue;
      }
      const { expected, actual } = blockTexts(block, ran.outputs);
      if (normalize(expected, scratch.scratch) === normalize(actual, scratch.scratch)) continue;
      const name = `${relativeName(readme)}:${block.line}`;
      drifted.push({ line: block.line, command, diff: createTwoFilesPatch(`${name} (README)`, `${name} (real run)`, `${expected}\n`, `${actual}\n`, '', '', { context: 3 }) });
      replacements.push({ block, lines: actual.split('\n') });
    }
  } finally {
    rmSync(scratch.scratch, { recursive: true, force: true });
  }
  if (update && replacements.length > 0) {
    const lines = markdown.split('\n');
    // From the last block up, so earlier line numbers stay right.
    for (const { block, lines: real } of replacements.reverse()) {
      lines.splice(block.start, block.end - block.start, ...real.map((line) => (line === '' ? '' : block.indent + line)));
    }
    writeFileSync(readme, lines.join('\n'));
  }
  return { blocks: blocks.length, run: blocks.filter((block) => block.run).length, drifted, updated: update ? replacements.length : 0 };
}

function relativeName(path) {
  const full = resolve(path);
  return full.startsWith(ROOT + '/') ? full.slice(ROOT.length + 1) : full.split('/').at(-1);
}

function main(argv) {
  const update = argv.includes('--update');
  const at = argv.indexOf('--readme');
  const readme = at >= 0 ? argv[at + 1] : undefined;
  const unknown = argv.filter((argument, index) => argument !== '--update' && argument !== '--readme' && !(at >= 0 && index === at + 1));
  if (unknown.length > 0 || (at >= 0 && !readme)) {
    process.stderr.write('usage: node scripts/readme-console.js [--update] [--readme <file.md>]\n');
    return 2;
  }
  const result = checkReadme({ readme, update });
  for (const { line, command, diff } of result.drifted) process.stdout.write(`drifted: README line ${line}: $ ${command}\n${diff}\n`);
  const notRun = result.blocks - result.run;
  const verb = update ? `${result.updated} rewritten` : `${result.drifted.length} drifted`;
  process.stderr.write(`readme: ${result.run} console blocks run, ${notRun} not run (marked), ${verb}\n`);
  if (update) return result.drifted.length > result.updated ? 1 : 0;
  return result.drifted.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
