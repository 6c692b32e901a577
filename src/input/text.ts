import type { Line } from '../pipeline/types.js';

// Whitespace other than U+0020: tab, vertical tab, form feed, next line, no-break,
// ogham, en/em/thin/hair…, line and paragraph separators, narrow no-break,
// medium mathematical, ideographic. A space, so the words on either side stay apart.
const ODD_SPACES = /[\t\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
// Invisible characters: C0/C1 controls and DEL, soft hyphen, Mongolian vowel
// separator, zero-width space, direction marks and embeddings, word joiner and
// invisible operators, bidi isolates, BOM. Removed, since they join what they sit in.
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
// Zero-width (non-)joiners shape Indic and Arabic letters and build emoji
// sequences, so they stay between two such characters; elsewhere (next to
// ASCII, a space, an edge or another joiner) they are noise.
const STRAY_JOINER = /(?<![^\s\x00-\x7f\u200c\u200d])[\u200c\u200d]|[\u200c\u200d](?![^\s\x00-\x7f\u200c\u200d])/g;
const SPACE_RUNS = / {2,}/g;
// Text NFC cannot change: nothing below the combining marks (U+0300), and general
// punctuation, super/subscripts and currency signs (U+2002–U+20CF; U+2000 and U+2001,
// which NFC does change, are odd spaces and already replaced). Most non-ASCII lines
// (curly quotes, dashes, accented Latin) are such text; ICU is asked only about the rest.
export const ALREADY_NFC = /^[\u0000-\u02ff\u2002-\u20cf]*$/;
const PLAIN = /^[\x20-\x7e]*$/;
const LINE_BREAK = /\r\n|\r|\n/;

/** Splits text on LF, CRLF or CR and normalizes each line. Line numbers are 1-based. */
export function splitLines(text: string): Line[] {
  const raw = text.split(LINE_BREAK);
  // A final newline ends the last line; it does not start another.
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((line, i) => ({ n: i + 1, text: normalizeLine(line) }));
}

/**
 * One line as a cleaner should see it: invisible and control characters
 * removed, odd spaces as plain spaces, NFC, runs of spaces collapsed,
 * trimmed. Typographic quotes and dashes are left alone.
 */
export function normalizeLine(line: string): string {
  // Most lines are printable ASCII, where only spaces can need work.
  if (PLAIN.test(line)) return line.includes('  ') ? line.replace(SPACE_RUNS, ' ').trim() : line.trim();
  let text = line.replace(INVISIBLE, '');
  // The look-arounds are slow to scan with, and joiners are rare.
  if (text.includes('\u200d') || text.includes('\u200c')) text = text.replace(STRAY_JOINER, '');
  text = text.replace(ODD_SPACES, ' ');
  if (!ALREADY_NFC.test(text)) text = text.normalize('NFC');
  return text.replace(SPACE_RUNS, ' ').trim();
}
