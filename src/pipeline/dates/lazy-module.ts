import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/**
 * A dependency loaded the first time it is used, not when declutter starts:
 * for code a typical run never reaches. It is read from the package's
 * installed dependencies (their CommonJS build), synchronously, so callers
 * stay synchronous.
 */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(id) as T);
}
