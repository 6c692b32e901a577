import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './run.js';

/**
 * declutter as the mapper of an engine people already run: GNU parallel
 * splits a stream of records into blocks (on line boundaries) and runs one
 * declutter per block; the articles must be the same, record for record, as
 * one process gives. (Hadoop Streaming and Spark run the same command the
 * same way: see the README's recipes.)
 */
const pages = [readFileSync('fixtures/devdiscourse/russia-syria-ties.txt', 'utf8'), readFileSync('fixtures/editorji/syria-leader-kremlin-ap.txt', 'utf8')];

/** 10,000 records: both sites, each page made distinct by its paragraph, and a bad record every 997th. */
function records(path: string): number {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    if (i % 997 === 996) {
      lines.push(`{"id": "r${i}", "text": `);
      continue;
    }
    const page = pages[i % 2]!.replace('Russia', `Russia (report ${i})`).replace('Syria', `Syria (report ${i})`);
    lines.push(JSON.stringify({ id: `r${i}`, text: page, url: `https://example.org/${i}` }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines.length;
}

const idOf = (line: string) => {
  const record = JSON.parse(line);
  return String(record.input?.id ?? record.id);
};

function run(script: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

describe('GNU parallel', () => {
  it('splits 10,000 records across processes with --pipe --block 1M and gives the same articles as one process', () => {
    const dir = tempDir('declutter-parallel-');
    const input = join(dir, 'records.ndjson');
    const count = records(input);
    const env = { BIN, INPUT: input };
    const one = run('node "$BIN" --input-format ndjson -q < "$INPUT"', env);
    expect(one.status).toBe(0);
    const split = run('parallel --pipe --block 1M -j 2 --keep-order node "$BIN" --input-format ndjson -q -j 1 < "$INPUT"', env);
    expect(split.stderr).toBe('');
    expect(split.status).toBe(0);
    // More than one process took part: the input is many blocks.
    expect(readFileSync(input).length).toBeGreaterThan(4 * 1024 * 1024);
    const single = one.stdout.trimEnd().split('\n');
    const parallel = split.stdout.trimEnd().split('\n');
    expect(single).toHaveLength(count);
    expect(parallel.map(idOf)).toEqual(single.map(idOf));
    expect(parallel).toEqual(single);
    expect(single.filter((line) => line.includes('"error":')).length).toBe(10);
    // Some thirty processes start, one per block: on a busy machine that takes a while.
  }, 300_000);
});
