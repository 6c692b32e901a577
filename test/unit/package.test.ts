import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript without types.
import { registryText } from '../../scripts/build.js';
import { SOURCES } from '../../src/sources/index.js';
import { VERSION } from '../../src/version.js';

describe('package', () => {
  it('reports the version package.json declares', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('registers every site file under src/sources (the build regenerates all.ts)', () => {
    expect(readFileSync('src/sources/all.ts', 'utf8')).toBe(registryText(readdirSync('src/sources')));
    const siteFiles = readdirSync('src/sources').filter((file) => !['define.ts', 'index.ts', 'all.ts'].includes(file));
    expect(SOURCES.map((source) => `${source.id}.ts`).sort()).toEqual(siteFiles.sort());
  });

  it('gives every source a unique id', () => {
    const ids = SOURCES.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
