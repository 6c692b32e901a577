// The held-out split by domain of the quality benchmark.
import { describe, expect, it } from 'vitest';
import { holdoutIds, isHeldOut, splitHost, trainIds } from '../../bench/quality/split.js';

describe('splitHost', () => {
  it('is the host name without www., lower case', () => {
    expect(splitHost('https://www.Example.com/a')).toBe('example.com');
    expect(splitHost('https://blog.news.example.org/x?y')).toBe('blog.news.example.org');
    expect(splitHost('http://192.168.1.2:8080/')).toBe('192.168.1.2');
    expect(splitHost('not a url')).toBe('not a url');
  });
});

describe('isHeldOut', () => {
  it('holds out a host when the first 8 hex digits of its SHA-1, modulo 10, are below 3', () => {
    // sha1('example.com') starts 0caaf24a: 212529738 % 10 = 8; sha1('example.org') starts 20116dfd: 538013181 % 10 = 1.
    expect(isHeldOut('https://www.example.com/')).toBe(false);
    expect(isHeldOut('https://www.example.org/')).toBe(true);
  });
});

describe('holdoutIds', () => {
  const pages: Record<string, { url: string }> = {};
  for (let i = 0; i < 300; i++) {
    pages[`${i}a`] = { url: `https://www.site${i}.com/one` };
    pages[`${i}b`] = { url: `https://site${i}.com/two` };
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
