import { createRequire } from 'node:module';
import { setHtmlReader, type HtmlReader } from '../input/index.js';
import { DeclutterError } from '../pipeline/errors.js';

/**
 * The CLI's HTML reader, loaded on the first page that is HTML. The build
 * bundles src/input/html (with htmlparser2) into `html-reader.cjs` beside the
 * CLI's entry points, so that it can be required synchronously from inside
 * the synchronous pipeline: loading it takes about as long as cleaning a
 * text page, which a `declutter page.txt` must not pay.
 */
export function useBundledHtmlReader(): void {
  setHtmlReader(() => {
    try {
      return createRequire(import.meta.url)('./html-reader.cjs') as HtmlReader;
    } catch {
      throw new DeclutterError('io', 'this page is HTML, and the HTML reader is missing from this installation (run npm run build)');
    }
  });
}
