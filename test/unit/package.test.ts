import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleaners } from '../../src/cleaners/registry.js';
import { VERSION } from '../../src/version.js';

describe('package', () => {
  it('reports the version package.json declares', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('registers every cleaner file under src/cleaners/sites among the built-in cleaners', () => {
    const siteFiles = readdirSync('src/cleaners/sites').filter((name) => name.endsWith('.yaml'));
    const sites = cleaners.filter((cleaner) => !cleaner.fallback);
    expect(sites.map((source) => `${source.id}.yaml`).sort()).toEqual(siteFiles.sort());
    expect(cleaners.at(-1)).toMatchObject({ id: 'generic', fallback: true });
  });

  it('gives every source a unique id', () => {
    const ids = cleaners.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
