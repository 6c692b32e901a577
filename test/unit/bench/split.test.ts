// The held-out split by domain of the quality benchmark.
import { describe, expect, it } from 'vitest';
import { holdoutIds, isHeldOut, registrableHost, trainIds } from '../../bench/quality/split.js';

describe('registrableHost', () => {
  it('drops subdomains, keeping a country code’s second level', () => {
    expect(registrableHost('https://www.Example.com/a')).toBe('example.com');
    expect(registrableHost('https://blog.news.example.org/x?y')).toBe('example.org');
    expect(registrableHost('https://news.bbc.co.uk/1')).toBe('bbc.co.uk');
    expect(registrableHost('https://www.abc.net.au/')).toBe('abc.net.au');
    expect(registrableHost('https://shop.example.de/')).toBe('example.de');
    expect(registrableHost('http://192.168.1.2:8080/')).toBe('192.168.1.2');
    expect(registrableHost('http://localhost/')).toBe('localhost');
    expect(registrableHost('not a url')).toBe('not a url');
  });
});

describe('holdoutIds', () => {
  const pages: Record<string, { url: string }> = {};
  for (let i = 0; i < 300; i++) {
    pages[`${i}a`] = { url: `https://www.site${i}.com/one` };
    pages[`${i}b`] = { url: `https://news.site${i}.com/two` };
  }
  const held = holdoutIds(pages);
  const rest = trainIds(pages);

  it('keeps all pages of a domain on the same side', () => {
    for (let i = 0; i < 300; i++) expect(held.includes(`${i}a`)).toBe(held.includes(`${i}b`));
  });
  it('holds out about 30% of the domains, and the two sides cover the corpus once', () => {
    expect(held.length / 600).toBeGreaterThan(0.2);
    expect(held.length / 600).toBeLessThan(0.4);
    expect([...held, ...rest].sort()).toEqual(Object.keys(pages).sort());
    expect(held.filter((id) => rest.includes(id))).toEqual([]);
  });
  it('follows the share', () => {
    expect(holdoutIds(pages, 0)).toEqual([]);
    expect(holdoutIds(pages, 1).length).toBe(600);
    expect(isHeldOut('https://a.example.com/', 1)).toBe(true);
    expect(isHeldOut('https://a.example.com/', 0)).toBe(false);
  });
});
