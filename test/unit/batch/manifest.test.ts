import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUpToDate, LOCK_NAME, MANIFEST_NAME, OutDir } from '../../../src/batch/manifest.js';

const stamp = (tz: string | null) => ({ version: '1.2.3', options: { format: 'json', tz } });
const outDir = () => mkdtempSync(join(tmpdir(), 'declutter-manifest-'));

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const made = { input: '/pages/a.txt', size: 10, mtimeMs: 1000, outputSize: 20, outputMtimeMs: 2000 };

describe('OutDir', () => {
  it('keeps no manifest unless asked, and leaves only the outputs (no lock) when closed', () => {
    const dir = outDir();
    const run = OutDir.open(dir, stamp(null), { create: false });
    expect(readdirSync(dir)).toEqual([LOCK_NAME]);
    run.record(join(dir, 'a.json'), made);
    run.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('records what made each output, and gives it back only to a run with the same version and options', () => {
    const dir = outDir();
    const first = OutDir.open(dir, stamp(null), { create: true });
    first.record(join(dir, 'a.json'), made);
    // Appended at once: a run killed now keeps the record.
    expect(readFileSync(join(dir, MANIFEST_NAME), 'utf8')).toContain('"output":"a.json"');
    first.close();
    expect(readdirSync(dir)).toEqual([MANIFEST_NAME]);

    const same = OutDir.open(dir, stamp(null), { create: false });
    expect(same.previous(join(dir, 'a.json'))).toMatchObject({ output: 'a.json', ...made });
    expect(same.previous(join(dir, 'b.json'))).toBeUndefined();
    same.close();
    const other = OutDir.open(dir, stamp('UTC'), { create: false });
    expect(other.previous(join(dir, 'a.json'))).toBeUndefined();
    other.close();
  });

  it('ignores a line cut short by a crash', () => {
    const dir = outDir();
    const run = OutDir.open(dir, stamp(null), { create: true });
    run.record(join(dir, 'a.json'), made);
    run.release();
    writeFileSync(join(dir, MANIFEST_NAME), `${readFileSync(join(dir, MANIFEST_NAME), 'utf8')}{"output":"b.js`);
    const again = OutDir.open(dir, stamp(null), { create: false });
    expect(again.previous(join(dir, 'a.json'))).toBeDefined();
    expect(again.previous(join(dir, 'b.json'))).toBeUndefined();
    again.close();
  });

  it('stops a second run into the same out dir, naming the process that holds it', () => {
    const dir = outDir();
    const first = OutDir.open(dir, stamp(null), { create: true });
    expect(() => OutDir.open(dir, stamp('UTC'), { create: true })).toThrow(
      `${dir}: another declutter run (process ${process.pid}) is writing into this folder`,
    );
    first.close();
    OutDir.open(dir, stamp('UTC'), { create: true }).close();
  });

  it('takes over the lock of a process that died, removing the temporary files it left', () => {
    const dir = outDir();
    const dead = deadPid();
    writeFileSync(join(dir, LOCK_NAME), `${dead}\n`);
    mkdirSync(join(dir, 'sub'));
    const stale = `.a.json.${dead}-0123456789ab.declutter-tmp`;
    const live = `.b.json.${process.pid}-0123456789ab.declutter-tmp`;
    writeFileSync(join(dir, 'sub', stale), 'half');
    writeFileSync(join(dir, 'sub', live), 'under way');
    const run = OutDir.open(dir, stamp(null), { create: false });
    expect(readdirSync(join(dir, 'sub'))).toEqual([live]);
    run.close();
  });

  it('names the manifest when it cannot be read (a folder in its place)', () => {
    const dir = outDir();
    mkdirSync(join(dir, MANIFEST_NAME));
    expect(() => OutDir.open(dir, stamp(null), { create: true })).toThrow(`${join(dir, MANIFEST_NAME)}: is a directory, not a file`);
    expect(readdirSync(dir)).toEqual([MANIFEST_NAME]);
  });
});

describe('isUpToDate', () => {
  it('holds only for the same input file, unchanged, and an output unchanged since', () => {
    const dir = outDir();
    const input = join(dir, 'page.txt');
    const output = join(dir, 'page.json');
    writeFileSync(input, 'page');
    writeFileSync(output, '{}');
    const record = {
      output: 'page.json',
      stamp: 'x',
      input,
      size: 4,
      mtimeMs: statSync(input).mtimeMs,
      outputSize: 2,
      outputMtimeMs: statSync(output).mtimeMs,
    };
    expect(isUpToDate(record, input, input, output)).toBe(true);
    expect(isUpToDate(record, input, join(dir, 'other', 'page.txt'), output)).toBe(false);
    utimesSync(output, new Date(3_000_000), new Date(3_000_000));
    expect(isUpToDate(record, input, input, output)).toBe(false);
    expect(isUpToDate({ ...record, outputMtimeMs: 3_000_000 }, input, input, output)).toBe(true);
    writeFileSync(input, 'page 2');
    expect(isUpToDate({ ...record, outputMtimeMs: 3_000_000 }, input, input, output)).toBe(false);
  });
});
