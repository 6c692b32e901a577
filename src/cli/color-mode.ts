// The colour mode, apart from chalk: the command line sets it on every run, and chalk is loaded only where colour is printed.

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** What --color asked for; unset, the environment decides. */
let asked: ColorMode | undefined;

/** Called once the command line is parsed, when --color was given. */
export function askColor(mode: ColorMode | undefined): void {
  asked = mode;
}

/**
 * The colour mode in force: an explicit --color first; else NO_COLOR (any
 * non-empty value: never, https://no-color.org); else FORCE_COLOR (0 or
 * false: never; 1, 2, 3, true or empty: always); else auto.
 */
export function colorMode(env: NodeJS.ProcessEnv = process.env): ColorMode {
  if (asked !== undefined) return asked;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 'never';
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 'never';
    if (['', '1', '2', '3', 'true'].includes(force)) return 'always';
  }
  return 'auto';
}
