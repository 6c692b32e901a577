import { cleaners } from '../cleaners/registry.js';
import type { Cleaner } from '../pipeline/cleaner.js';
import { writeStdout } from './stdout.js';

export interface SourcesCommandOptions {
  format: 'text' | 'json';
}

/** `declutter sources`: the cleaners, what they recognize, their zone and version. */
export async function runSources(options: SourcesCommandOptions): Promise<number> {
  const listing = cleaners.map(describeCleaner);
  await writeStdout(options.format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : layoutCleaners(listing));
  return 0;
}

export interface CleanerListing {
  id: string;
  site: string;
  version: string;
  timeZone: string;
  recognizes: string;
  fingerprints: { name: string; weight: number }[];
}

function describeCleaner(cleaner: Cleaner): CleanerListing {
  return {
    id: cleaner.id,
    site: cleaner.site,
    version: cleaner.version,
    timeZone: cleaner.timeZone,
    recognizes: cleaner.recognizes,
    fingerprints: cleaner.fingerprints.map(({ name, weight }) => ({ name, weight })),
  };
}

function layoutCleaners(listing: readonly CleanerListing[]): string {
  const width = listing.reduce((widest, { id }) => Math.max(widest, id.length), 0);
  return listing
    .map((source) =>
      [
        `${source.id.padEnd(width)}  ${source.version}  ${source.timeZone}  ${source.site}`,
        `${' '.repeat(width)}  recognizes: ${source.recognizes}`,
        `${' '.repeat(width)}  fingerprints: ${source.fingerprints.map(({ name }) => name).join('; ')}`,
      ].join('\n') + '\n',
    )
    .join('\n');
}
