import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Inputs kept for what they once broke or could break, each with its exact expected outcome. */
export const CORPUS_DIR = join('test', 'robustness', 'corpus');

export interface ExpectedArticle {
  /** Another corpus file whose article this one must equal, apart from input, encoding and warnings. */
  sameAs?: string;
  source?: string;
  title?: string;
  encoding: string;
  warnings: string[];
  bodyIncludes?: string;
  bodyEndsWith?: string;
  firstParagraphChars?: number;
}

export type Expected = { why: string; article: ExpectedArticle; error?: never } | { why: string; error: string; article?: never };

export function corpusManifest(): Record<string, Expected> {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8'));
}

/** Every input in the corpus folder (not the manifest or dot files). */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => !name.startsWith('.') && name !== 'manifest.json')
    .sort();
}
