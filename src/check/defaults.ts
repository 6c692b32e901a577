/**
 * Defaults of `declutter check`, in a module without dependencies so that
 * `--help` can show them without loading the diff and check code.
 */

/** A news story shorter than this many words is a teaser or a cut page, not an article. */
export const DEFAULT_MIN_WORDS = 50;

/** Lines of diff shown per mismatch: enough to see what changed, short enough for a CI log. */
export const DEFAULT_MAX_DIFF_LINES = 80;
