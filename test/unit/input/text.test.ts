import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALREADY_NFC, normalizeLine, splitLines } from '../../../src/input/text.js';

describe('splitLines', () => {
  it('splits on LF, CRLF and CR, numbering from 1, without a line after the final newline', () => {
    expect(splitLines('a\r\nb\rc\nd\n')).toEqual([
      { n: 1, text: 'a' },
      { n: 2, text: 'b' },
      { n: 3, text: 'c' },
      { n: 4, text: 'd' },
    ]);
    expect(splitLines('a\n\n')).toEqual([
      { n: 1, text: 'a' },
      { n: 2, text: '' },
    ]);
  });
});

describe('normalizeLine', () => {
  it('trims and collapses runs of spaces on plain ASCII lines', () => {
    expect(normalizeLine('  Moscow,   Oct 15  ')).toBe('Moscow, Oct 15');
    expect(normalizeLine('plain line')).toBe('plain line');
  });

  it('turns no-break, thin, ideographic and other odd spaces, tabs and separators into plain spaces', () => {
    expect(normalizeLine('a\u00a0b\u2009c\u3000d\te\u202ff\u2028g\u0085h\fi\u200aj')).toBe('a b c d e f g h i j');
    expect(normalizeLine('\u00a0\u00a0Rs\u00a05\u00a0\u00a0crore\t')).toBe('Rs 5 crore');
  });

  it('removes zero-width and control characters without joining words that a space separated', () => {
    expect(normalizeLine('zero\u200bwidth \ufeffBOM\u2060 soft\u00adhyphen')).toBe('zerowidth BOM softhyphen');
    expect(normalizeLine('bell\u0007 del\u007f c1\u0093 esc\u001b[0m')).toBe('bell del c1 esc[0m');
    expect(normalizeLine('\u200e\u202bmarks\u202c\u200f')).toBe('marks');
  });

  it('keeps zero-width joiners inside emoji and Indic conjuncts, and drops stray ones', () => {
    expect(normalizeLine('family 👨\u200d👩\u200d👧 here')).toBe('family 👨\u200d👩\u200d👧 here');
    expect(normalizeLine('क्\u200dष and क्\u200cष')).toBe('क्\u200dष and क्\u200cष');
    expect(normalizeLine('\u200dstray\u200c joiners\u200d')).toBe('stray joiners');
    // Found by the property below: a pair of joiners joins nothing.
    expect(normalizeLine('¡\u200d\u200d')).toBe('¡');
    expect(normalizeLine('é\u200d\u200cé')).toBe('éé');
  });

  it('composes to NFC', () => {
    expect(normalizeLine('cafe\u0301 Ångstro\u0308m')).toBe('café Ångström');
    expect(normalizeLine('e\u200b\u0301')).toBe('é');
  });

  it('keeps typographic quotes, dashes and ellipses as they are', () => {
    const line = '“Quoted” — ‘single’ – range 1‒2 … «guillemets» „low“';
    expect(normalizeLine(line)).toBe(line);
  });

  it('gives a trimmed, NFC, single-spaced line without invisible characters, and is idempotent', () => {
    const odd = fc.constantFrom(' ', '\u00a0', '\t', '\u200b', '\u200d', '\u0000', '\u0301', '\u2028', '\ufeff', 'é', '’', 'x', '👍');
    const line = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), odd), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, (input) => {
        const output = normalizeLine(input);
        expect(output).toBe(output.trim());
        expect(output).not.toMatch(/ {2}|[\t\u00a0\u200b\u2028\ufeff\u0000-\u001f]/);
        expect(output).toBe(output.normalize('NFC'));
        expect(normalizeLine(output)).toBe(output);
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe('ALREADY_NFC', () => {
  it('holds only text that NFC leaves unchanged: every character of its ranges, and every pair of them', () => {
    // NFC composes a character with the one after it, so characters and pairs are the whole proof.
    const inRange: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (ALREADY_NFC.test(char)) inRange.push(char);
    }
    expect(inRange.length).toBe(0x300 + (0x20cf - 0x2002 + 1));
    let changed = 0;
    for (const first of inRange) {
      if (first.normalize('NFC') !== first) changed++;
      for (const second of inRange) if ((first + second).normalize('NFC') !== first + second) changed++;
    }
    expect(changed).toBe(0);
  });

  it('leaves to NFC what it changes: decomposed letters, singletons such as the Ångström sign, Hangul jamo', () => {
    for (const text of ['e\u0301', '\u212b', '\u1100\u1161', 'Cafe\u0301 au lait']) {
      expect(ALREADY_NFC.test(text)).toBe(false);
      expect(normalizeLine(text)).toBe(text.normalize('NFC'));
    }
  });
});
