import type { SourceDefinition } from '../cleaners/schema.js';
import type { Line } from './types.js';

export interface SourceScore {
  source: SourceDefinition;
  /** 0 to 1: the chance the page is this site's, combining each matched fingerprint. */
  confidence: number;
  /** Names of the fingerprints found. */
  evidence: string[];
}

/** A page is recognized only when the best cleaner is at least this sure. */
export const CONFIDENCE_THRESHOLD = 0.5;

/**
 * Scores every cleaner on the page, best first. Fingerprints are treated as
 * independent evidence (a noisy-or): confidence = 1 − ∏(1 − weight).
 */
export function scoreSources(lines: readonly Line[], sources: readonly SourceDefinition[]): SourceScore[] {
  const scores = sources.map((source) => {
    const found = source.fingerprints.filter((fingerprint) => lines.some((line) => fingerprint.pattern.test(line.text)));
    const doubt = found.reduce((product, fingerprint) => product * (1 - fingerprint.weight), 1);
    return { source, confidence: round(1 - doubt), evidence: found.map((fingerprint) => fingerprint.name) };
  });
  // Stable sort: on a tie the cleaner listed first wins.
  return scores.sort((a, b) => b.confidence - a.confidence);
}

/** The recognized cleaner, or null when none reaches the threshold. */
export function pickSource(scores: readonly SourceScore[]): SourceScore | null {
  const best = scores[0];
  return best && best.confidence >= CONFIDENCE_THRESHOLD ? best : null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
