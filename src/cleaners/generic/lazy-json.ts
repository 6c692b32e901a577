/**
 * A model kept as JSON text and parsed on first use. V8 scans a string
 * literal far faster than it compiles an object literal of a few hundred
 * kilobytes, so a page of a known site (or `declutter --help`) does not pay
 * for the generic cleaner's models at start-up.
 */
export function lazyJson<T>(source: string): () => T {
  let value: T | undefined;
  return () => (value ??= JSON.parse(source) as T);
}
