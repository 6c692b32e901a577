import type { Cleaner } from './cleaner.js';
import type { Line } from './types.js';

export interface CleanerRanking {
  cleaner: Cleaner;
  /** 0 to 1: how sure the cleaner is that the page is its site's. */
  confidence: number;
  /** What it found. */
  evidence: string[];
}

/** A page is recognized only when the best cleaner is at least this sure. */
export const CONFIDENCE_THRESHOLD = 0.5;

/** Asks every site cleaner for its score on the page, best first (a fallback recognizes no site: it is not asked). */
export function rankCleaners(lines: readonly Line[], cleaners: readonly Cleaner[]): CleanerRanking[] {
  const scores = cleaners.filter((cleaner) => !cleaner.fallback).map((cleaner) => ({ cleaner, ...cleaner.score(lines) }));
  // Stable sort: on a tie the cleaner listed first wins.
  return scores.sort((a, b) => b.confidence - a.confidence);
}

/** The recognized cleaner, or null when none reaches the threshold. */
export function pickCleaner(scores: readonly CleanerRanking[]): CleanerRanking | null {
  const best = scores[0];
  return best && best.confidence >= CONFIDENCE_THRESHOLD ? best : null;
}
