// Types of score.js, for the TypeScript tests.
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface ShingleScore {
  f1: number;
  precision: number;
  recall: number;
}
export interface PageScore {
  counts: Counts;
  wordF1: number;
}
export interface Aggregate extends ShingleScore {
  pages: number;
  wordF1: number;
}
export interface MetaScores {
  titleExact: number;
  titleTokenF1: number;
  authorHit: number;
  authorFalse: number;
  dateHit: number;
  dateFalse: number;
}
export interface GoldMeta {
  title?: string;
  author?: string;
  publish_date?: string;
}
export interface Answer {
  title?: string | null;
  author?: string | null;
  published?: string | null;
}
export function words(text: string | null | undefined): string[];
export function strip(text: string | null | undefined): string;
export function casefold(text: string): string;
export function shingles(tokens: string[], n?: number): Map<string, number>;
export function shingleCounts(gold: string, pred: string): Counts;
export function pagePrecision(counts: Counts): number | null;
export function pageRecall(counts: Counts): number | null;
export function shingleF1(counts: Counts[]): ShingleScore;
export function wordF1(gold: string, pred: string): number;
export function scorePage(gold: string, pred: string): PageScore;
export function aggregate(
  pages: Array<PageScore & { type?: string }>,
): Aggregate & { byType: Record<string, Aggregate> };
export function normTitle(text: string | null | undefined): string;
export function metaTokens(text: string | null | undefined): string[];
export function titleTokenF1(pred: string, gold: string): number;
export function authorHit(pred: string, gold: string): boolean;
export function day(text: string | null | undefined): string | null;
export function dateHit(pred: string, gold: string): boolean;
export function metaScores(
  pages: Record<string, GoldMeta>,
  meta: Map<string, Answer> | Record<string, Answer>,
): MetaScores;
