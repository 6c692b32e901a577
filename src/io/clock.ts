/**
 * Milliseconds from an arbitrary start, for timing inputs and runs. Not
 * `performance.now()`: the first touch of the `performance` global loads
 * perf_hooks, a few milliseconds of every `declutter page.txt`.
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
