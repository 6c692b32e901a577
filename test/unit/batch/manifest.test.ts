import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUpToDate, MANIFEST_NAME, prepareManifest } from '../../../src/batch/manifest.js';

const stamp = (tz: string | null) => ({ version: '1.2.3', options: { format: 'json', tz } });
const outDir = () => mkdtempSync(join(tmpdir(), 'declutter-manifest-'));

describe('prepareManifest', () => {
  it('creates none unless asked (a plain run leaves only its outputs)', () => {
    const dir = outDir();
    expect(prepareManifest(dir, stamp(null), { create: false })).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('records the version and options, and keeps its time while they stay the same', () => {
    const dir = outDir();
    const since = prepareManifest(dir, stamp(null), { create: true });
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8'))).toEqual({ declutter: '1.2.3', options: { format: 'json', tz: null } });
    expect(prepareManifest(dir, stamp(null), { create: false })).toBe(since);
    expect(readdirSync(dir)).toEqual([MANIFEST_NAME]);
  });

  it('moves its time past every file written before the options changed, and past none written after', () => {
    const dir = outDir();
    prepareManifest(dir, stamp(null), { create: true });
    writeFileSync(join(dir, 'old.json'), '{}');
    const since = prepareManifest(dir, stamp('UTC'), { create: false })!;
    writeFileSync(join(dir, 'new.json'), '{}');
    expect(statSync(join(dir, 'old.json')).mtimeMs).toBeLessThanOrEqual(since);
    expect(statSync(join(dir, 'new.json')).mtimeMs).toBeGreaterThan(since);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_NAME, 'new.json', 'old.json']);
  });
});

describe('isUpToDate', () => {
  it('is true only for an output newer than both its input and the manifest', () => {
    const dir = outDir();
    const input = join(dir, 'page.txt');
    const output = join(dir, 'page.json');
    writeFileSync(input, 'page');
    expect(isUpToDate(input, output, 0)).toBe(false);
    writeFileSync(output, '{}');
    utimesSync(input, new Date(1_000_000), new Date(1_000_000));
    utimesSync(output, new Date(2_000_000), new Date(2_000_000));
    expect(isUpToDate(input, output, 1_500_000)).toBe(true);
    expect(isUpToDate(input, output, 2_000_000)).toBe(false);
    utimesSync(input, new Date(3_000_000), new Date(3_000_000));
    expect(isUpToDate(input, output, 0)).toBe(false);
    expect(existsSync(output)).toBe(true);
  });
});
