import { WINDOWS_1252_HIGH } from './windows1252.js';

/**
 * Mojibake: UTF-8 text that a scraper decoded as Windows-1252 (or Latin-1),
 * so that `’` became `â€™` and `é` became `Ã©`. Each damaged character is a
 * lead byte followed by continuation bytes, each shown as a character of its
 * own; the repair maps those characters back to their bytes and decodes them
 * as UTF-8.
 */

/** Character → the byte it shows, for 0x80–0xFF: Windows-1252's characters, and the C1 controls a Latin-1 decoder gives. */
const BYTE_OF = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) BYTE_OF.set(String.fromCharCode(byte), byte);
for (let i = 0; i < 32; i++) BYTE_OF.set(WINDOWS_1252_HIGH[i]!, 0x80 + i);

/** A continuation byte (0x80–0xBF) as either decoder shows it. */
const CONT = `[${WINDOWS_1252_HIGH}\\u0080-\\u00bf]`;

/**
 * One whole UTF-8 sequence shown as Windows-1252: a lead byte and exactly
 * the continuation bytes it announces. Alternatives never overlap and no
 * quantifier is nested, so matching stays linear.
 */
const SEQUENCE = new RegExp(`[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`, 'g');

/**
 * Remains of sequences that lost a byte on the way: `”` is E2 80 9D and many
 * decoders drop the unassigned 0x9D, leaving `â€`; a no-break space
 * (C2 A0) often had its A0 turned into a plain space, leaving `Â `.
 */
const TRUNCATED = new RegExp(`â€(?!${CONT})|Â(?= )`, 'g');

/** Cheap test before any work: no lead character, no mojibake. */
const LEAD = /[\u00c2-\u00f4]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface MojibakeRepair {
  text: string;
  /** Sequences repaired; 0 when the text was left alone. */
  repaired: number;
  /** The first repair, to show the user what was done. */
  example?: { from: string; to: string };
}

/**
 * Repairs UTF-8-read-as-Windows-1252 sequences, only where they are provably
 * mojibake. Valid text is full of look-alikes: „Spaß“ holds `ß“`, the bytes
 * DF 93 of a valid (NKo) character, “CAFÉ” holds `É”`, «OLÉ» holds `É»`. So a
 * sequence is repaired only when its bytes are valid UTF-8 (which rules out
 * overlong forms and surrogates) and what it decodes to is what mojibake of
 * real text gives (see `isProvable`):
 *
 * - three or four bytes decoding to punctuation, symbols, a byte-order mark
 *   or emoji (`â€™` → `’`, `ðŸ™‚` → `🙂`): no word of any language looks so;
 * - two bytes `Â`/`Ã`/`Ä`/`Å` + one, decoding to Latin-1 or Latin Extended-A
 *   (`Ã©` → `é`, `Å‚` → `ł`), unless an upper-case letter precedes it: in
 *   mojibake the lead stands inside a lower-case word (`cafÃ©`) or alone
 *   (`50Â°C`), while `IRMÃ”` or `CAFÉ”` is a capitalised word and its quote;
 * - anything else (Greek, Cyrillic, CJK…) only in a run of at least two
 *   sequences, as whole words of such text come.
 *
 * The lossy remains (`â€`, `Â `) are repaired only on a page that already
 * showed repaired sequences, where their meaning is not in doubt.
 */
export function repairMojibake(text: string): MojibakeRepair {
  if (!LEAD.test(text)) return { text, repaired: 0 };
  const candidates: { start: number; end: number; decoded: string }[] = [];
  for (const match of text.matchAll(SEQUENCE)) {
    const decoded = decodeAs1252Bytes(match[0]);
    if (decoded !== null) candidates.push({ start: match.index, end: match.index + match[0].length, decoded });
  }
  if (candidates.length === 0) return { text, repaired: 0 };
  let repaired = 0;
  let example: MojibakeRepair['example'];
  let fixed = '';
  let at = 0;
  candidates.forEach((candidate, i) => {
    const inRun = candidates[i - 1]?.end === candidate.start || candidates[i + 1]?.start === candidate.end;
    if (!isProvable(candidate.decoded, candidate.end - candidate.start, text, candidate.start, inRun)) return;
    fixed += text.slice(at, candidate.start) + candidate.decoded;
    at = candidate.end;
    repaired++;
    example ??= { from: text.slice(candidate.start, candidate.end), to: candidate.decoded };
  });
  if (repaired === 0) return { text, repaired: 0 };
  fixed += text.slice(at);
  const complete = fixed.replace(TRUNCATED, (remains) => {
    repaired++;
    return remains === 'â€' ? '”' : '';
  });
  return { text: complete, repaired, ...(example && { example }) };
}

/** Whether a decoded sequence is what mojibake gives, and never what valid text holds (see repairMojibake). */
function isProvable(decoded: string, length: number, text: string, start: number, inRun: boolean): boolean {
  const code = decoded.codePointAt(0)!;
  if (length >= 3) {
    const symbol =
      (code >= 0x2000 && code <= 0x2bff) || // punctuation, currency, letter-like, arrows, maths, shapes, dingbats
      code === 0xfeff || // a byte-order mark
      (code >= 0x1f000 && code <= 0x1faff); // emoji
    return symbol || inRun;
  }
  const latin = code >= 0xa0 && code <= 0x17f;
  if (latin) {
    const before = start > 0 ? text[start - 1]! : '';
    return inRun || !UPPER_CASE.test(before);
  }
  return inRun && code >= 0x370 && code <= 0x7ff;
}

const UPPER_CASE = /\p{Lu}/u;

function decodeAs1252Bytes(sequence: string): string | null {
  const bytes = new Uint8Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) bytes[i] = BYTE_OF.get(sequence[i]!)!;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
