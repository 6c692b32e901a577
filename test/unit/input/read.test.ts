import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/input/html/index.js';
import { readInput, setHtmlReader } from '../../../src/input/index.js';
import { normalizeIsoDate } from '../../../src/pipeline/dates/index.js';
import { pageChrome } from '../../../src/cleaners/label.js';
import type { LineMarkup } from '../../../src/input/types.js';

const reader = { parseHtml };
const bytes = (text: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(text, encoding));

describe('readInput picks the reader by content', () => {
  it('reads a text dump as text, with no metadata', () => {
    const read = readInput(bytes('Title\n\nA paragraph.\n'), { htmlReader: reader });
    expect(read.kind).toBe('text');
    expect(read.metadata).toBeNull();
    expect(read.lines).toEqual([{ n: 1, text: 'Title' }, { n: 2, text: '' }, { n: 3, text: 'A paragraph.' }]);
  });

  it('reads HTML (whatever the file is called) as lines with markup, normalized like text', () => {
    const read = readInput('<!doctype html><html lang="de"><body><ul><li>Eins\u00a0 zwei</li></ul></body></html>', { htmlReader: reader });
    expect(read.kind).toBe('html');
    expect(read.metadata?.language).toBe('de');
    const item = read.lines.find((line) => line.text !== '')!;
    expect(item.text).toBe('• Eins zwei');
    expect(item.markup?.tag).toBe('li');
  });

  it('honours the declared charset when no BOM says otherwise', () => {
    const page = '<html><head><meta charset="iso-8859-7"></head><body><p>Καλημέρα</p></body></html>';
    const greek = new Uint8Array(Buffer.from(new TextEncoder().encode(page)));
    // The same page in ISO-8859-7, byte by byte.
    const encoded = Uint8Array.from(Array.from(page).flatMap((char) => {
      const code = char.charCodeAt(0);
      return code < 0x80 ? [code] : [code - 0x0391 + 0xc1];
    }));
    const read = readInput(encoded, { htmlReader: reader });
    expect(read.decoded.encoding).toBe('iso-8859-7');
    expect(read.decoded.warnings).toEqual([]);
    expect(read.lines.map((line) => line.text)).toContain('Καλημέρα');
    // A UTF-8 BOM wins over the declaration.
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...greek]);
    const bom = readInput(withBom, { htmlReader: reader });
    expect(bom.decoded.encoding).toBe('utf-8');
    expect(bom.lines.map((line) => line.text)).toContain('Καλημέρα');
  });

  it('falls back to the usual decoding, with a warning, when the bytes do not fit the declared charset', () => {
    const page = bytes('<html><head><meta charset="shift_jis"></head><body><p>caf\u00e9 \u2014 ok</p></body></html>');
    const broken = new Uint8Array([...page.subarray(0, page.length - 20), 0x82, 0xff, ...page.subarray(page.length - 20)]);
    const read = readInput(broken, { htmlReader: reader });
    expect(read.decoded.warnings[0]).toMatch(/^the page declares charset shift_jis, which its bytes are not; decoded as windows-1252$/);
  });

  it('treats a declared UTF-8 as today’s decoding, and an unknown charset as a warning of the reader', () => {
    expect(readInput(bytes('<html><meta charset="utf-8"><p>é</p></html>'), { htmlReader: reader }).decoded.encoding).toBe('utf-8');
    const unknown = readInput(bytes('<html><meta charset="klingon"><p>x</p></html>'), { htmlReader: reader });
    expect(unknown.decoded.encoding).toBe('utf-8');
    expect(unknown.warnings).toContain('the page declares an unknown charset "klingon"');
  });

  it('uses the registered reader when the options name none, loading it once, and needs one for HTML', () => {
    let loads = 0;
    setHtmlReader(() => {
      loads++;
      return reader;
    });
    try {
      readInput('<html><body><p>one</p></body></html>');
      readInput('<html><body><p>two</p></body></html>');
      readInput('plain text');
      expect(loads).toBe(1);
      setHtmlReader(null);
      expect(() => readInput('<html><body><p>x</p></body></html>')).toThrow('this page is HTML, and no HTML reader was given to read it');
      expect(readInput('plain text').kind).toBe('text');
    } finally {
      setHtmlReader(null);
    }
  });
});

describe('normalizeIsoDate: dates from a document’s metadata', () => {
  it('gives the instant in the article’s zone, with its offset', () => {
    expect(normalizeIsoDate('2025-03-12T14:05:00Z', 'Asia/Kolkata')).toBe('2025-03-12T19:35:00+05:30');
    expect(normalizeIsoDate('2025-03-12T17:55:00+05:30', 'Asia/Kolkata')).toBe('2025-03-12T17:55:00+05:30');
    expect(normalizeIsoDate('2025-03-12T09:05:30.123-0400', 'UTC')).toBe('2025-03-12T13:05:30+00:00');
    expect(normalizeIsoDate('2025-07-01T12:00:00Z', 'Europe/London')).toBe('2025-07-01T13:00:00+01:00');
  });

  it('keeps the stated offset, and so the stated day, when asked (a cleaner that knows no site zone)', () => {
    expect(normalizeIsoDate('2025-03-03T00:30:00+01:00', 'UTC', true)).toBe('2025-03-03T00:30:00+01:00');
    expect(normalizeIsoDate('2025-03-12T09:05:30.123-0400', 'UTC', true)).toBe('2025-03-12T09:05:30-04:00');
    expect(normalizeIsoDate('2025-03-12 17:55', 'UTC', true)).toBe('2025-03-12T17:55:00+00:00');
  });

  it('reads a time without an offset, or a bare date, in the zone', () => {
    expect(normalizeIsoDate('2025-03-12 17:55', 'Asia/Kolkata')).toBe('2025-03-12T17:55:00+05:30');
    expect(normalizeIsoDate('2025-03-12', 'Asia/Kolkata')).toBe('2025-03-12T00:00:00+05:30');
  });

  it('refuses what is not such a date', () => {
    for (const text of ['March 12, 2025', '2025-02-30', '2025-03-12T25:00Z', '2025-03-12T10:00+19:00', '']) {
      expect(normalizeIsoDate(text, 'UTC'), text).toBeNull();
    }
  });
});

describe('pageChrome: the lines a site cleaner drops on HTML pages', () => {
  const markup = (landmarks: string[]): LineMarkup => ({
    tag: 'p', path: ['p'], heading: 0, linkChars: 0, tokens: [], landmarks, hidden: false, sourceLine: 1,
  });

  it('is nav and aside anywhere, header and footer of the page but not of an article', () => {
    expect(pageChrome(markup(['nav', 'header']))).toBe('nav');
    expect(pageChrome(markup(['aside', 'main']))).toBe('aside');
    expect(pageChrome(markup(['header']))).toBe('header');
    expect(pageChrome(markup(['footer']))).toBe('footer');
    expect(pageChrome(markup(['header', 'article']))).toBeNull();
    expect(pageChrome(markup(['footer', 'main']))).toBeNull();
    expect(pageChrome(markup(['article', 'main']))).toBeNull();
    expect(pageChrome(markup([]))).toBeNull();
  });
});
