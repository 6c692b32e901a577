import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('declutter sources', () => {
  it('lists each cleaner: id, version, time zone, site, what it recognizes and its fingerprints', () => {
    const result = runCli(['sources']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'devdiscourse  1.2.0  Asia/Kolkata  Devdiscourse (devdiscourse.com)',
        '              recognizes: the "<desk> | <place> | Updated: dd-MM-yyyy HH:mm IST | Created: …" line, "• Country:" lists of countries and regions, highlight bullets, wire datelines, promo lines, editorial notes, TRENDING and OPINION / BLOG / INTERVIEW blocks, the devdiscourse.com footer',
        '              fingerprints: byline | place | Updated: … | Created: … line; syndication note naming Devdiscourse; devdiscourse.com contact address; Devdiscourse News Desk byline; DevShots footer link; OPINION / BLOG / INTERVIEW heading; • Country: list; Left Menu navigation',
        '',
        'editorji      1.2.0  Asia/Kolkata  Editorji (editorji.com), with AP and PTI wire copy',
        '              recognizes: the "Updated : Oct 15, 2025 17:42" line, "|" then the byline (abbreviations included), wire datelines such as "Moscow, Oct 15 (AP) –" or "Hamirpur (HP), 5 Jan (PTI):", promo lines, editorial notes, the Editorji disclaimer, "editorji | <section>" lists',
        '              fingerprints: Updated : Mon d, yyyy HH:mm line; disclaimer naming Editorji; editorji | <section> label; Editorji News Desk byline; Recommended For You heading; wire sign-off',
        '',
        'generic       1.0.0  UTC  any site',
        "              recognizes: any page, as text dump or HTML: main content found by a line model (boosted trees over per-block features, smoothed along the page); title, byline and dates near the title; the document's own metadata for HTML",
        '              fallback: cleans every page no site cleaner recognizes (--sites-only refuses them instead)',
        '',
      ].join('\n'),
    );
  });

  it('lists devdiscourse and editorji in their real shape', () => {
    const { stdout } = runCli(['sources']);
    expect(stdout).toMatch(/^devdiscourse {2}\d+\.\d+\.\d+ {2}Asia\/Kolkata {2}Devdiscourse \(devdiscourse\.com\)$/m);
    expect(stdout).toMatch(/^editorji {6}\d+\.\d+\.\d+ {2}Asia\/Kolkata {2}Editorji \(editorji\.com\), with AP and PTI wire copy$/m);
  });

  it('gives the same as data with --format json', () => {
    const result = runCli(['sources', '--format', 'json']);
    expect(result.status).toBe(0);
    const listing = JSON.parse(result.stdout);
    expect(listing.map(({ id, version, timeZone }: Record<string, string>) => `${id} ${version} ${timeZone}`)).toEqual([
      'devdiscourse 1.2.0 Asia/Kolkata',
      'editorji 1.2.0 Asia/Kolkata',
      'generic 1.0.0 UTC',
    ]);
    expect(listing.map(({ fallback }: { fallback: boolean }) => fallback)).toEqual([false, false, true]);
    expect(listing[0].fingerprints[0]).toEqual({ name: 'byline | place | Updated: … | Created: … line', weight: 0.9 });
    expect(listing[1].fingerprints.at(-1)).toEqual({ name: 'wire sign-off', weight: 0.1 });
    expect(listing[1].site).toBe('Editorji (editorji.com), with AP and PTI wire copy');
  });

  it.each([
    [['sources', 'extra'], "declutter: too many arguments for 'sources'. Expected 0 arguments but got 1."],
    [['sources', '-f', 'xml'], "declutter: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json."],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${message}\n(run declutter sources --help for usage)\n`);
  });

  it('is listed in the main help with the other commands', () => {
    const { stdout } = runCli(['--help']);
    expect(stdout).toMatch(/^ {2}check \[options\] \[paths\.\.\.\] +compare pages/m);
    expect(stdout).toMatch(/^ {2}explain \[options\] \[file\] +show why/m);
    expect(stdout).toMatch(/^ {2}sources \[options\] +list the cleaners/m);
  });
});
