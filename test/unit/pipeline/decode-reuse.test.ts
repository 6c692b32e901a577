import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/pipeline/decode/index.js';

/** Pages that leave a UTF-8 decoder mid-character or in error, each followed by a clean one. */
const utf8 = (text: string) => new TextEncoder().encode(text);
const truncated = utf8('Caf\u00e9 \u20ac').subarray(0, -1); // ends inside the euro sign
const invalid = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xc3]); // Windows-1252 "Café " then a lone lead byte
const held = Uint8Array.from([0x41, 0xe2, 0x82]); // "A" and an unfinished character held back by streaming

describe('decodeBytes, one decoder for every page', () => {
  it('decodes each page as if it were the first, whatever the page before it left behind', () => {
    const clean = utf8('Plain page\nsecond line\n');
    const fresh = decodeBytes(clean);
    for (const before of [truncated, invalid, held, clean]) {
      decodeBytes(before);
      expect(decodeBytes(clean)).toEqual(fresh);
      // A page starting with a continuation byte would join a character held over: it must not.
      expect(decodeBytes(Uint8Array.from([0xac, 0x41]))).toEqual({ text: '\u00acA', encoding: 'windows-1252', warnings: ['not valid UTF-8; decoded as Windows-1252'] });
    }
    expect(decodeBytes(truncated)).toEqual({ text: 'Caf\u00e9 ', encoding: 'utf-8', warnings: ['ends in the middle of a UTF-8 character (truncated?); that character was left out'] });
  });
});
