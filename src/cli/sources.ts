import type { Cleaner } from '../pipeline/cleaner.js';
import { cleanersFor } from './cleaner-files.js';
import { writeStdout } from './stdout.js';

export interface SourcesCommandOptions {
  format: 'text' | 'json';
  cleaners?: string[];
}

/** `declutter sources`: the cleaners, what they recognize, their zone and version. */
export async function runSources(options: SourcesCommandOptions): Promise<number> {
  const listing = (await cleanersFor(options, 'sources')).map(describeCleaner);
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
  /** The last resort, used when no site cleaner recognizes a page. */
  fallback: boolean;
  /** The cleaner file it was read from (`--cleaners`); absent for the built-ins. */
  file?: string;
}

function describeCleaner(cleaner: Cleaner): CleanerListing {
  return {
    id: cleaner.id,
    site: cleaner.site,
    version: cleaner.version,
    timeZone: cleaner.timeZone,
    recognizes: cleaner.recognizes,
    fingerprints: cleaner.fingerprints.map(({ name, weight }) => ({ name, weight })),
    fallback: cleaner.fallback === true,
    ...(cleaner.file !== undefined && { file: cleaner.file }),
  };
}

function layoutCleaners(listing: readonly CleanerListing[]): string {
  const width = listing.reduce((widest, { id }) => Math.max(widest, id.length), 0);
  return listing
    .map((source) =>
      [
        `${source.id.padEnd(width)}  ${source.version}  ${source.timeZone}  ${source.site}`,
        `${' '.repeat(width)}  recognizes: ${source.recognizes}`,
        source.fallback
          ? `${' '.repeat(width)}  fallback: cleans every page no site cleaner recognizes (--sites-only refuses them instead)`
          : `${' '.repeat(width)}  fingerprints: ${source.fingerprints.map(({ name }) => name).join('; ')}`,
        ...(source.file === undefined ? [] : [`${' '.repeat(width)}  file: ${source.file}`]),
      ].join('\n') + '\n',
    )
    .join('\n');
}
