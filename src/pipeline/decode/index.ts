import { DeclutterError } from '../errors.js';
import { repairMojibake } from './mojibake.js';
import { decodeWindows1252 } from './windows1252.js';

export interface DecodedText {
  text: string;
  /** WHATWG label of the encoding the bytes were read as. */
  encoding: string;
  warnings: string[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/**
 * Bytes to text. A forced encoding is used as given and must fit the bytes.
 * Otherwise a BOM decides; valid UTF-8 is UTF-8; UTF-8 cut short in the
 * middle of a character loses only that character; anything else is
 * Windows-1252. No byte ever silently becomes U+FFFD: every guess and every
 * repair is said in a warning.
 */
export function decodeBytes(bytes: Uint8Array, forced?: string): DecodedText {
  if (forced) return decodeForced(bytes, forced);
  if (startsWith(bytes, UTF16LE_BOM)) return withMojibakeRepaired(decodeUtf16(bytes.subarray(2), 'utf-16le'));
  if (startsWith(bytes, UTF16BE_BOM)) return withMojibakeRepaired(decodeUtf16(bytes.subarray(2), 'utf-16be'));
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  return withMojibakeRepaired(decodeUtf8OrWindows1252(body));
}

/** Text the caller already decoded: only a leading BOM goes, and mojibake is repaired. */
export function decodeText(text: string): DecodedText {
  return withMojibakeRepaired({ text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8', warnings: [] });
}

/** One decoder for every page (making one per page cost more than a small page's decoding); each use ends with a flush. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8OrWindows1252(bytes: Uint8Array): DecodedText {
  const decoder = utf8;
  let text: string;
  try {
    // Streaming holds back an incomplete character at the very end instead of failing on it.
    text = decoder.decode(bytes, { stream: true });
  } catch {
    // The flush leaves the decoder fresh for the next page, whatever it held.
    try {
      decoder.decode();
    } catch {
      // Its leftover bytes were invalid too: gone now.
    }
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings: ['not valid UTF-8; decoded as Windows-1252'] };
  }
  try {
    decoder.decode();
    return { text, encoding: 'utf-8', warnings: [] };
  } catch {
    return { text, encoding: 'utf-8', warnings: ['ends in the middle of a UTF-8 character (truncated?); that character was left out'] };
  }
}

/**
 * UTF-16 from a BOM. Unpaired surrogates (text cut by a program that counts
 * UTF-16 units) become U+FFFD, counted in a warning, rather than losing the page.
 */
function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): DecodedText {
  const whole = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(whole);
  const warnings: string[] = [];
  const unpaired = countUnpairedSurrogates(whole, label === 'utf-16le');
  if (unpaired > 0) warnings.push(`${unpaired} unpaired UTF-16 surrogate${unpaired === 1 ? '' : 's'} replaced with U+FFFD`);
  if (whole.length < bytes.length) warnings.push('odd number of bytes for UTF-16 (truncated?); the last byte was left out');
  return { text, encoding: label, warnings };
}

function countUnpairedSurrogates(bytes: Uint8Array, littleEndian: boolean): number {
  let unpaired = 0;
  let pendingHigh = false;
  for (let i = 0; i < bytes.length; i += 2) {
    const unit = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (pendingHigh) unpaired++;
      pendingHigh = true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      if (pendingHigh) pendingHigh = false;
      else unpaired++;
    } else if (pendingHigh) {
      unpaired++;
      pendingHigh = false;
    }
  }
  return unpaired + (pendingHigh ? 1 : 0);
}

/** `--encoding`: the user said what the bytes are, so bytes that do not fit are an error, and nothing is repaired. */
function decodeForced(bytes: Uint8Array, label: string): DecodedText {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new DeclutterError('bad-option', `unknown encoding "${label}"`);
  }
  // latin1, ascii and iso-8859-1 are WHATWG labels of windows-1252 too.
  if (decoder.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings: [] };
  try {
    // ignoreBOM false: a BOM matching the forced encoding is dropped too.
    return { text: decoder.decode(bytes), encoding: decoder.encoding, warnings: [] };
  } catch {
    throw new DeclutterError('decode', `not valid ${displayName(decoder.encoding)}`, { encoding: decoder.encoding });
  }
}

function withMojibakeRepaired(decoded: DecodedText): DecodedText {
  const repair = repairMojibake(decoded.text);
  if (repair.repaired === 0) return decoded;
  const example = repair.example ? ` such as "${repair.example.from}" → "${repair.example.to}"` : '';
  decoded.warnings.push(
    `repaired ${repair.repaired} mojibake sequence${repair.repaired === 1 ? '' : 's'} (UTF-8 that had been read as Windows-1252${example})`,
  );
  return { ...decoded, text: repair.text };
}

function displayName(label: string): string {
  return label === 'windows-1252' ? 'Windows-1252' : label.toUpperCase();
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
