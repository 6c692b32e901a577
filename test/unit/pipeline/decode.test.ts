import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText } from '../../../src/pipeline/decode/index.js';
import { DeclutterError } from '../../../src/pipeline/errors.js';
import { repairMojibake } from '../../../src/pipeline/decode/mojibake.js';
import { decodeWindows1252 } from '../../../src/pipeline/decode/windows1252.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

const utf16 = (text: string, endian: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
};

/** What a scraper produces when it reads UTF-8 bytes as Windows-1252. */
const asMojibake = (text: string) => decodeWindows1252(Buffer.from(text, 'utf8'));

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM, without warnings', () => {
    for (const input of [bytes('Don’t — café'), bytes([0xef, 0xbb, 0xbf], 'Don’t — café')]) {
      expect(decodeBytes(input)).toEqual({ text: 'Don’t — café', encoding: 'utf-8', warnings: [] });
    }
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    const text = 'Moscow, Oct 15 (AP) – “ties” 🇷🇺';
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(text, 'le')]))).toEqual({
      text,
      encoding: 'utf-16le',
      warnings: [],
    });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(text, 'be')]))).toEqual({ text, encoding: 'utf-16be', warnings: [] });
  });

  it('replaces unpaired UTF-16 surrogates with U+FFFD and counts them in a warning', () => {
    // A high surrogate with no low one after it, and a low one alone at the end.
    const units = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('ab', 'le'), Buffer.from([0x3d, 0xd8]), utf16('c', 'le'), Buffer.from([0x00, 0xdc])]);
    expect(decodeBytes(units)).toEqual({
      text: 'ab\ufffdc\ufffd',
      encoding: 'utf-16le',
      warnings: ['2 unpaired UTF-16 surrogates replaced with U+FFFD'],
    });
  });

  it('repairs mojibake inside UTF-16 too', () => {
    const decoded = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(asMojibake('It’s'), 'le')]));
    expect(decoded.text).toBe('It’s');
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.warnings).toHaveLength(1);
  });

  it('leaves out the odd last byte of UTF-16 with a warning', () => {
    const decoded = decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16('ok', 'be'), Buffer.from([0x00])]));
    expect(decoded).toEqual({ text: 'ok', encoding: 'utf-16be', warnings: ['odd number of bytes for UTF-16 (truncated?); the last byte was left out'] });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, with its curly quotes, and says so', () => {
    // 0x92 is ’ and 0x93/0x94 are “ ” in Windows-1252, not the C1 controls Latin-1 would give.
    const decoded = decodeBytes(bytes('It', [0x92], 's ', [0x93], 'caf', [0xe9], [0x94], ' ', [0x80], '5'));
    expect(decoded).toEqual({ text: 'It’s “café” €5', encoding: 'windows-1252', warnings: ['not valid UTF-8; decoded as Windows-1252'] });
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('keeps UTF-8 cut short inside its last character, leaving only that character out', () => {
    const decoded = decodeBytes(bytes('Don’t stop at caf', [0xc3]));
    expect(decoded).toEqual({
      text: 'Don’t stop at caf',
      encoding: 'utf-8',
      warnings: ['ends in the middle of a UTF-8 character (truncated?); that character was left out'],
    });
  });

  it('repairs UTF-8 mixed with stray Windows-1252 bytes: both kinds come out right', () => {
    const decoded = decodeBytes(bytes('“Ties” matter', [0x92], 's all'));
    expect(decoded.text).toBe('“Ties” matter’s all');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual([
      'not valid UTF-8; decoded as Windows-1252',
      'repaired 2 mojibake sequences (UTF-8 that had been read as Windows-1252 such as "â€œ" → "“")',
    ]);
  });

  describe('with --encoding', () => {
    it('uses the forced encoding and repairs nothing', () => {
      expect(decodeBytes(bytes([0x93], 'hi', [0x94]), 'windows-1252')).toEqual({ text: '“hi”', encoding: 'windows-1252', warnings: [] });
      // latin1 is a WHATWG label of windows-1252.
      expect(decodeBytes(bytes([0x92]), 'latin1').text).toBe('’');
      expect(decodeBytes(Buffer.from(asMojibake('It’s')), 'utf-8').text).toBe('Itâ€™s');
      expect(decodeBytes(utf16('page', 'le'), 'utf-16le')).toEqual({ text: 'page', encoding: 'utf-16le', warnings: [] });
    });

    it('fails with a typed error when the bytes do not fit it', () => {
      expect(() => decodeBytes(bytes([0xff, 0x41]), 'utf-8')).toThrow(new DeclutterError('decode', 'not valid UTF-8', { encoding: 'utf-8' }));
      expect(() => decodeBytes(bytes('x'), 'klingon')).toThrow(new DeclutterError('bad-option', 'unknown encoding "klingon"'));
    });
  });
});

describe('repairMojibake', () => {
  it('repairs the common sequences and reports the first', () => {
    const damaged = asMojibake('It’s a “café” – déjà vu… 50°C €5 naïve 🙂');
    expect(damaged).toBe('Itâ€™s a â€œcafÃ©â€\u009d â€“ dÃ©jÃ\u00a0 vuâ€¦ 50Â°C â‚¬5 naÃ¯ve ðŸ™‚');
    expect(repairMojibake(damaged)).toEqual({
      text: 'It’s a “café” – déjà vu… 50°C €5 naïve 🙂',
      repaired: 12,
      example: { from: 'â€™', to: '’' },
    });
  });

  it('repairs Latin-1 mojibake, where the continuation bytes show as C1 controls', () => {
    expect(repairMojibake('It\u00e2\u0080\u0099s').text).toBe('It’s');
  });

  it('repairs the remains of lost bytes only on a page that shows whole sequences', () => {
    // ” lost its 0x9D; a no-break space lost its A0 to a plain space.
    expect(repairMojibake('â€œHelloâ€ and Itâ€™s 5Â km').text).toBe('“Hello” and It’s 5 km');
    expect(repairMojibake('CHÂ TEAU â€ dagger')).toEqual({ text: 'CHÂ TEAU â€ dagger', repaired: 0 });
  });

  it('leaves real accented text and invalid byte sequences alone', () => {
    for (const text of ['São Paulo, naïve café, Ångström, 10°C, £5 – “fine”', 'Ãgua', 'à€€ is an overlong form', 'í\u00a0€ is a surrogate']) {
      expect(repairMojibake(text)).toEqual({ text, repaired: 0 });
    }
  });
});

describe('decodeText', () => {
  it('drops a leading BOM and repairs mojibake in text the caller decoded', () => {
    expect(decodeText('\ufeffhello')).toEqual({ text: 'hello', encoding: 'utf-8', warnings: [] });
    expect(decodeText('Itâ€™s').text).toBe('It’s');
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte as the WHATWG index does', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    expect(all.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(all.slice(0xa0)).toBe(Buffer.from(Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i)).toString('latin1'));
  });
});
