import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DEFINITIONS } from '../../../src/cleaners/builtins.js';
import { loadCleanerFile } from '../../../src/cleaners/file.js';
import type { CleanerDefinition } from '../../../src/cleaners/schema.js';

const SITES = join('src', 'cleaners', 'sites');

/** A definition with its regular expressions written out, so that two loads compare by what they match. */
function plain(definition: CleanerDefinition): unknown {
  return JSON.parse(JSON.stringify(definition, (_, value) => (value instanceof RegExp ? `/${value.source}/${value.flags}` : value)));
}

describe('built-in cleaners are cleaner files', () => {
  const files = readdirSync(SITES).filter((name) => name.endsWith('.yaml')).sort();

  it('ships one file per built-in, in the format --cleaners loads', () => {
    expect(files).toEqual(BUILTIN_DEFINITIONS.map(({ id }) => `${id}.yaml`).sort());
  });

  // The compiled module is what start-up imports; loading the files as a
  // user's would must give the same definitions, or the build is stale.
  // (The build itself loads them with the backtracking check, which takes seconds.)
  it.each(files)('%s loads through the user-file loader into exactly the compiled built-in', (name) => {
    const { definition } = loadCleanerFile(join(SITES, name), readFileSync(join(SITES, name), 'utf8'), { checkBacktracking: false });
    const builtin = BUILTIN_DEFINITIONS.find(({ id }) => id === definition.id)!;
    expect(plain(builtin)).toEqual(plain(definition));
  });

  it('uses the shared vocabulary by name rather than copies of it', () => {
    const devdiscourse = readFileSync(join(SITES, 'devdiscourse.yaml'), 'utf8');
    expect(devdiscourse).toContain('{{country}}');
    expect(devdiscourse).toContain('use: promo-lines');
    expect(devdiscourse).not.toContain('Afghanistan');
    const [countryItem] = BUILTIN_DEFINITIONS.find(({ id }) => id === 'devdiscourse')!.zones.countries!;
    expect(countryItem!.name).toBe('country-item');
    expect(countryItem!.match.exec('• Côte d\'Ivoire')?.groups?.country).toBe("Côte d'Ivoire");
    expect(countryItem!.match.test('• Côte d\'Ivoire is in talks')).toBe(false);
  });
});
