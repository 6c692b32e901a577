import type { Line } from './types.js';

// Spaces that are not U+0020: no-break, figure, thin, ideographic… and tabs.
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Zero-width characters, the BOM, and control characters other than tab.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;
const SPACE_RUNS = / {2,}/g;
const PLAIN = /^[\x20-\x7e]*$/;

/** Splits text on LF, CRLF or CR and normalizes each line. Line numbers are 1-based. */
export function splitLines(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n/);
  // A final newline ends the last line; it does not start another.
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((line, i) => ({ n: i + 1, text: normalizeLine(line) }));
}

/**
 * One line as a cleaner should see it: NFC, odd spaces as plain spaces,
 * invisible and control characters removed, runs of spaces collapsed,
 * trimmed. Typographic quotes and dashes are left alone.
 */
export function normalizeLine(line: string): string {
  if (PLAIN.test(line)) return line.includes('  ') ? line.replace(SPACE_RUNS, ' ').trim() : line.trim();
  return line
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(SPACE_RUNS, ' ')
    .trim();
}
