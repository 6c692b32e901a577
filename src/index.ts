/**
 * declutter as a library. Importing it has no side effects.
 *
 *   import { clean, render } from 'declutter';
 *   const article = clean(fs.readFileSync('page.txt'), { path: 'page.txt' });
 *   process.stdout.write(render(article, 'md'));
 */
export { analyze, articleFrom, clean, detectSource, type Analysis, type CleanOptions } from './core/pipeline.js';
export { DeclutterError, type ErrorCode } from './core/errors.js';
export { render, EXTENSIONS } from './render/index.js';
export { SOURCES as cleaners, findSource } from './sources/index.js';
export type { Fingerprint, Rule, SourceDefinition } from './sources/define.js';
export { FORMATS, LABELS } from './core/types.js';
export type {
  Article,
  Extraction,
  Format,
  ImageCredit,
  InputInfo,
  Label,
  LabelledLine,
  RelatedStory,
} from './core/types.js';
export { checkPage, findPages, type CheckOptions, type PageCheck } from './core/check.js';
export { diffExpectation } from './core/expectations.js';
export { lintArticle, type LintFailure } from './core/lint.js';
export { explain, type Explanation } from './core/explain.js';
export { VERSION } from './version.js';
