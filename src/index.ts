/**
 * declutter as a library. Importing it has no side effects.
 *
 *   import { clean, render } from 'declutter';
 *   const article = clean(fs.readFileSync('page.txt'), { path: 'page.txt' });
 *   process.stdout.write(render(article, 'md'));
 */
export { analyze, articleFrom, clean, detectSource, type Analysis, type CleanOptions } from './pipeline/analyze.js';
export { DeclutterError, type ErrorCode } from './pipeline/errors.js';
export { render, EXTENSIONS } from './render/index.js';
export { SOURCES as cleaners, findSource } from './cleaners/registry.js';
export type { Fingerprint, Rule, SourceDefinition } from './cleaners/schema.js';
export { FORMATS, LABELS } from './pipeline/types.js';
export type {
  Article,
  Extraction,
  Format,
  ImageCredit,
  InputInfo,
  Label,
  LabelledLine,
  RelatedStory,
} from './pipeline/types.js';
export { checkPage, findPages, type CheckOptions, type PageCheck } from './check/check.js';
export { diffExpectation } from './check/expectations.js';
export { lintArticle, type LintFailure } from './check/lint.js';
export { explain, type Explanation } from './pipeline/explain.js';
export { VERSION } from './version.js';
