import { TextDecoder } from 'node:util';
import { DeclutterError } from './errors.js';

export interface DecodedText {
  text: string;
  /** WHATWG label of the encoding the bytes were read as. */
  encoding: string;
  warnings: string[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Bytes to text. A BOM decides; otherwise valid UTF-8 is UTF-8 and anything
 * else is Windows-1252 (said in a warning), so no byte silently becomes U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array, forced?: string): DecodedText {
  if (forced) return decodeAs(bytes, forced);
  if (startsWith(bytes, UTF8_BOM)) return decodeAs(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes.subarray(2), 'utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    const decoded = decodeAs(bytes, 'windows-1252');
    decoded.warnings.push('not valid UTF-8; decoded as Windows-1252');
    return decoded;
  }
}

function decodeAs(bytes: Uint8Array, label: string): DecodedText {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new DeclutterError('bad-option', `unknown encoding "${label}"`);
  }
  try {
    // ignoreBOM false: a BOM matching the forced encoding is dropped too.
    return { text: decoder.decode(bytes), encoding: decoder.encoding, warnings: [] };
  } catch {
    throw new DeclutterError('decode', `not valid ${decoder.encoding}`);
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
