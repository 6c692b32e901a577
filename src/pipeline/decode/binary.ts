/**
 * Whether decoded text is a page at all. The check runs on text, not bytes,
 * because only after decoding is a control character well defined: UTF-16
 * text is full of 0x00 bytes, while a NUL character is never part of a page.
 * For the byte encodings (UTF-8, Windows-1252) control bytes and control
 * characters are the same thing, so nothing is lost by waiting.
 */

/** Enough of a page to judge it; binary files show themselves early. */
const SAMPLE = 64 * 1024;
/** Pages have almost no control characters; binary formats are full of them. */
const MAX_CONTROL_SHARE = 0.1;

/** Why the text is no page (with the UTF-16 it may be when it looks like UTF-16 without a BOM), or null for text. */
export function binaryReason(text: string): { reason: string; encoding?: string } | null {
  if (text.includes('\u0000')) {
    const encoding = utf16Guess(text);
    return encoding ? { reason: `binary file (or ${encoding.toUpperCase()} text without a byte-order mark)`, encoding } : { reason: 'binary file' };
  }
  const sample = Math.min(text.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < sample; i++) if (isControl(text.charCodeAt(i))) controls++;
  return sample > 0 && controls / sample > MAX_CONTROL_SHARE ? { reason: 'binary file' } : null;
}

/** C0 and C1 controls and DEL, except the whitespace ones (tab, line feed, vertical tab, form feed, carriage return). */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || (code >= 0x7f && code <= 0x9f);
}

/**
 * ASCII text saved as UTF-16 without a BOM reads as every other character
 * being NUL: worth telling the user how to read it.
 */
function utf16Guess(text: string): string | null {
  const sample = Math.min(text.length, 4096) & ~1;
  if (sample < 64) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (text.charCodeAt(i) === 0) evenNul++;
    if (text.charCodeAt(i + 1) === 0) oddNul++;
  }
  const pairs = sample / 2;
  const label = oddNul > 0.9 * pairs && evenNul < 0.1 * pairs ? 'utf-16le' : evenNul > 0.9 * pairs && oddNul < 0.1 * pairs ? 'utf-16be' : null;
  return label;
}
