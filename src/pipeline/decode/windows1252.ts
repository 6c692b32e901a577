/**
 * Windows-1252, decoded here rather than by TextDecoder: Node 20.18.3+ and
 * 22.13+ decode `windows-1252` as Latin-1, turning 0x92 into U+0092 instead
 * of `’` (nodejs/node#56542, #60888), which would lose every curly quote.
 */

/** The characters of bytes 0x80–0x9F; the five unassigned bytes are the C1 control of the same value (WHATWG). */
export const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

// Only the ten C1 controls that stay controls are left alone by the replacement.
const C1 = /[\u0080\u0082-\u008c\u008e\u0091-\u009c\u009e\u009f]/g;

/** Every byte is a character, so this never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(C1, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
