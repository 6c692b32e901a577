import type { Cleaner, CleanerScore } from '../pipeline/cleaner.js';
import type { LabelledLine, Line } from '../pipeline/types.js';
import { labelLines } from './label.js';
import type { CleanerDefinition } from './schema.js';
import { WIRE_AGENCIES, ZONE_ABBREVIATIONS } from './vocabulary.js';

/** A rule-based definition as the Cleaner the pipeline calls. */
export function compileCleaner(definition: CleanerDefinition): Cleaner {
  return {
    id: definition.id,
    site: definition.site,
    version: definition.version,
    recognizes: definition.recognizes,
    timeZone: definition.timeZone,
    dateFormats: definition.dateFormats,
    printedZones: definition.printedZones ?? ZONE_ABBREVIATIONS,
    bylineAgencies: definition.agencyFromByline ? WIRE_AGENCIES : [],
    clutterMarkers: definition.clutterMarkers,
    fingerprints: definition.fingerprints.map(({ name, weight }) => ({ name, weight })),
    score: (lines) => scoreFingerprints(lines, definition),
    label: (lines) => labelLines(lines, definition),
    ...(definition.requires?.length && { missingParts: (lines: readonly LabelledLine[]) => missingParts(lines, definition) }),
  };
}

/** The required parts no line was labelled as, in the order the definition lists them. */
function missingParts(lines: readonly LabelledLine[], definition: CleanerDefinition): string[] {
  const used = new Set(lines.map((line) => line.rule));
  return (definition.requires ?? []).filter(({ rules }) => !rules.some((rule) => used.has(rule))).map(({ part }) => part);
}

/**
 * Fingerprints are treated as independent evidence (a noisy-or):
 * confidence = 1 − ∏(1 − weight).
 */
function scoreFingerprints(lines: readonly Line[], definition: CleanerDefinition): CleanerScore {
  const found = definition.fingerprints.filter((fingerprint) => lines.some((line) => fingerprint.pattern.test(line.text)));
  const doubt = found.reduce((product, fingerprint) => product * (1 - fingerprint.weight), 1);
  return { confidence: Math.round((1 - doubt) * 1000) / 1000, evidence: found.map((fingerprint) => fingerprint.name) };
}
