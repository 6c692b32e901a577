import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../../src/pipeline/decode/windows1252.js';
import { repairMojibake } from '../../../src/pipeline/decode/mojibake.js';

/** Real accented words, as news in these languages prints them. */
const WORDS = {
  german: ['Spaß', 'Straße', 'Größe', 'Äpfel', 'Übermaß', 'Öl', 'schön', 'Mädchen', 'fußball', 'heißt', 'GRÜSSE', 'MÄRZ', 'FUẞBALL', 'Ärger', 'Führung'],
  french: ['café', 'CAFÉ', 'OLÉ', 'déjà', 'élève', 'où', 'naïve', 'cœur', 'Noël', 'ÉTÉ', 'français', 'garçon', 'Île', 'hôtel', 'mûr', 'PÂQUES', 'LYCÉE'],
  spanish: ['año', 'AÑO', 'niño', 'ESPAÑA', 'canción', 'PERÚ', 'está', 'MÁS', 'qué', 'cómo', 'pingüino', 'ÚLTIMO', 'JOSÉ', 'señor'],
  portuguese: ['ação', 'SÃO', 'IRMÃ', 'coração', 'você', 'AVÓ', 'MAÇÃ', 'pão', 'além', 'ÓRGÃO', 'português', 'tênis', 'PÊSSEGO'],
  turkish: ['ağaç', 'İstanbul', 'ıslak', 'ÇOK', 'güneş', 'öğretmen', 'ŞEHİR', 'DOĞRU', 'çiçek', 'Gümüş', 'kız', 'ÜLKE'],
  polish: ['żółw', 'źródło', 'Łódź', 'ŁÓDŹ', 'pięć', 'część', 'ŚWIĘTO', 'mąka', 'Gdańsk', 'ZAŻÓŁĆ', 'gęślą', 'jaźń'],
};
const ALL_WORDS = Object.values(WORDS).flat();
const LOWER_WORDS = Object.entries(WORDS).flatMap(([language, words]) => words.map((word) => word.toLocaleLowerCase(language === 'turkish' ? 'tr' : 'und')));

/** Typographic quotes and marks, set tight against the words as typesetting does. */
const MARKS = ['„', '“', '”', '‚', '‘', '’', '«', '»', '‹', '›', '–', '—', '…', '°', '€', '£', '§', '©', '®', '™', '¡', '¿', '·', '•'];
const GAPS = ['', ' ', ', ', '. ', ' – ', '\u00a0'];

const asMojibake = (text: string) => decodeWindows1252(Buffer.from(text, 'utf8'));

/** A sentence of words, each maybe wrapped in marks with no space between. */
const sentence = (words: string[]) =>
  fc
    .array(
      fc.tuple(fc.constantFrom(...MARKS, '', ''), fc.constantFrom(...words), fc.constantFrom(...MARKS, '', ''), fc.constantFrom(...GAPS)),
      { minLength: 1, maxLength: 12 },
    )
    .map((parts) => parts.map(([open, word, close, gap]) => `${open}${word}${close}${gap}`).join(''));

describe('repairMojibake on valid text', () => {
  it('leaves the examples that were corrupted untouched', () => {
    for (const text of ['„Spaß“', '“CAFÉ”', '«OLÉ»', 'PERÚ»', 'IRMÃ”', '‚ÇOK‘', 'ŁÓDŹ“']) {
      expect(repairMojibake(text)).toEqual({ text, repaired: 0 });
    }
  });

  it('leaves any sentence of German, French, Spanish, Portuguese, Turkish and Polish words and quotes untouched', () => {
    fc.assert(
      fc.property(sentence(ALL_WORDS), (text) => {
        expect(repairMojibake(text)).toEqual({ text, repaired: 0 });
      }),
      { numRuns: 2000 },
    );
  });

  it('still repairs the same text when it is mojibake (lower-case words, where the damage is provable)', () => {
    fc.assert(
      fc.property(sentence(LOWER_WORDS), (text) => {
        expect(repairMojibake(asMojibake(text)).text).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
