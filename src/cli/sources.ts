import { cleaners } from '../cleaners/registry.js';
import type { Cleaner } from '../pipeline/cleaner.js';
import { writeStdout } from './stdout.js';

export interface SourcesCommandOptions {
  format: 'text' | 'json';
}

/** `declutter sources`: the cleaners, what they recognize, their zone and version. */
export async function runSources(options: SourcesCommandOptions): Promise<number> {
  const listing = cleaners.map(describeCleaner);
  await writeStdout(options.format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : layoutSources(listing));
  return 0;
}

export interface SourceListing {
  id: string;
  site: string;
  version: string;
  timeZone: string;
  recognizes: string;
  fingerprints: { name: string; weight: number }[];
}

function describeCleaner(source: Cleaner): SourceListing {
  return {
    id: source.id,
    site: source.site,
    version: source.version,
    timeZone: source.timeZone,
    recognizes: source.recognizes,
    fingerprints: source.fingerprints.map(({ name, weight }) => ({ name, weight })),
  };
}

function layoutSources(listing: readonly SourceListing[]): string {
  const width = Math.max(...listing.map(({ id }) => id.length));
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
