import { describe, expect, it } from 'vitest';
import { htmlCharset, isHtml, parseHtml } from '../../../src/input/html/index.js';
import type { LineMarkup } from '../../../src/input/html/index.js';

const texts = (html: string): string[] => parseHtml(html).lines.map((line) => line.text);
const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const markup = (fields: Partial<LineMarkup> & Pick<LineMarkup, 'tag' | 'path'>): LineMarkup => ({
  heading: 0, linkChars: 0, tokens: [], landmarks: [], hidden: false, sourceLine: 1, ...fields,
});

describe('isHtml', () => {
  it('recognizes documents by their start', () => {
    expect(isHtml('<!DOCTYPE html><html><body>x</body></html>')).toBe(true);
    expect(isHtml('\ufeff  \n<!doctype HTML>\n<p>x')).toBe(true);
    expect(isHtml('<html lang="en"><p>x')).toBe(true);
    expect(isHtml('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).toBe(true);
    expect(isHtml('<!-- saved from url -->\n<!-- another -->\n<html>')).toBe(true);
    expect(isHtml('<head><title>x</title></head>')).toBe(true);
    expect(isHtml('<div class="a"><p>Text</p></div>')).toBe(true);
    expect(isHtml('<meta charset="utf-8"><title>T</title>')).toBe(true);
  });
  it('does not take a text dump for HTML', () => {
    expect(isHtml('Left Menu\n\nUse <b> to make text bold, the guide says.\n')).toBe(false);
    expect(isHtml('Russia Seeks to Secure Syrian Ties\n\n<html> is the root element.')).toBe(false);
    expect(isHtml('<b> is bold, and that is all this line says')).toBe(false);
    expect(isHtml('<unknown>tag</unknown>')).toBe(false);
    expect(isHtml('')).toBe(false);
    expect(isHtml('<!-- a comment that never ends')).toBe(false);
  });
});

describe('htmlCharset', () => {
  it('finds <meta charset> and the http-equiv content type', () => {
    expect(htmlCharset(enc('<!doctype html><html><head><meta charset="ISO-8859-1">'))).toBe('windows-1252');
    expect(htmlCharset(enc("<meta charset='shift_jis'>"))).toBe('shift_jis');
    expect(htmlCharset(enc('<meta charset=utf-8>'))).toBe('utf-8');
    expect(htmlCharset(enc('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1251">'))).toBe('windows-1251');
    expect(htmlCharset(enc('<meta content="text/html; charset=\'koi8-r\'" http-equiv="content-type">'))).toBe('koi8-r');
    expect(htmlCharset(enc('<meta charset="utf-16">'))).toBe('utf-8');
    expect(htmlCharset(enc('<meta charset="x-user-defined">'))).toBe('windows-1252');
  });
  it('skips comments and other tags, and needs the pragma for content', () => {
    expect(htmlCharset(enc('<!-- <meta charset="koi8-r"> --><meta charset="gbk">'))).toBe('gbk');
    expect(htmlCharset(enc('<div title="<meta charset=koi8-r>"><meta charset="euc-kr">'))).toBe('euc-kr');
    expect(htmlCharset(enc('<meta content="text/html; charset=koi8-r">'))).toBeNull();
    expect(htmlCharset(enc('<meta name="viewport" content="width=device-width"><p>none'))).toBeNull();
  });
  it('looks at the first 1024 bytes only, and knows unknown labels', () => {
    expect(htmlCharset(enc(`${' '.repeat(1020)}<meta charset="koi8-r">`))).toBeNull();
    expect(htmlCharset(enc('<meta charset="x-no-such-charset">'))).toBeNull();
    expect(htmlCharset(new Uint8Array())).toBeNull();
  });
});

describe('parseHtml: lines', () => {
  it('renders blocks, lists, tables and pre as a dump does, with their markup', () => {
    const html = [
      '<!doctype html><html lang="en"><head><title>Page title</title><style>p{color:red}</style></head>',
      '<body><nav class="menu top"><ul><li><a href="/">Home</a><li><a href="/w">World</a> news</ul></nav>',
      '<main id="content"><article class="story"><h1>Head <em>line</em></h1>',
      '<p>First   paragraph,',
      'with <a href="#">a link</a> &amp; an entity.<p>Second<div>Inner</div>',
      '<ul><li>One<ul><li>Deeper</li></ul><li><p>Two</p></ul><ol><li>a<li>b</ol>',
      '<table><tr><th>Name<th>Score<tr><td>Ann<td>3</table>',
      '<pre>',
      'x = 1',
      '  y = 2</pre>',
      'Tail<br>after break<script>var hidden = 1;</script><template><p>never</p></template><noscript>Enable JS</noscript>',
      '<svg><title>icon</title><text>svg text</text></svg></article></main>',
      '<footer role="contentinfo"><p>Foot</footer></body></html>',
    ].join('\n');
    const doc = parseHtml(html);
    const nav = { tokens: ['menu', 'top'], landmarks: ['nav'], sourceLine: 2 };
    const art = { tokens: ['story', 'content'], landmarks: ['article', 'main'] };
    expect(doc.lines).toEqual([
      { n: 1, text: '  • Home', markup: markup({ tag: 'li', path: ['nav', 'ul', 'li'], linkChars: 4, ...nav }) },
      { n: 2, text: '  • World news', markup: markup({ tag: 'li', path: ['nav', 'ul', 'li'], linkChars: 5, ...nav }) },
      { n: 3, text: '' },
      { n: 4, text: 'Head line', markup: markup({ tag: 'h1', path: ['main', 'article', 'h1'], heading: 1, sourceLine: 3, ...art }) },
      { n: 5, text: '' },
      { n: 6, text: 'First paragraph, with a link & an entity.', markup: markup({ tag: 'p', path: ['main', 'article', 'p'], linkChars: 6, sourceLine: 4, ...art }) },
      { n: 7, text: '' },
      { n: 8, text: 'Second', markup: markup({ tag: 'p', path: ['main', 'article', 'p'], sourceLine: 5, ...art }) },
      { n: 9, text: '' },
      { n: 10, text: 'Inner', markup: markup({ tag: 'div', path: ['main', 'article', 'div'], sourceLine: 5, ...art }) },
      { n: 11, text: '' },
      { n: 12, text: '  • One', markup: markup({ tag: 'li', path: ['main', 'article', 'ul', 'li'], sourceLine: 6, ...art }) },
      { n: 13, text: '    • Deeper', markup: markup({ tag: 'li', path: ['main', 'article', 'ul', 'li', 'ul', 'li'], sourceLine: 6, ...art }) },
      { n: 14, text: '  • Two', markup: markup({ tag: 'p', path: ['main', 'article', 'ul', 'li', 'p'], sourceLine: 6, ...art }) },
      { n: 15, text: '' },
      { n: 16, text: '  1. a', markup: markup({ tag: 'li', path: ['main', 'article', 'ol', 'li'], sourceLine: 6, ...art }) },
      { n: 17, text: '  2. b', markup: markup({ tag: 'li', path: ['main', 'article', 'ol', 'li'], sourceLine: 6, ...art }) },
      { n: 18, text: '' },
      { n: 19, text: 'Name  Score', markup: markup({ tag: 'th', path: ['main', 'article', 'table', 'tr', 'th'], sourceLine: 7, ...art }) },
      { n: 20, text: 'Ann  3', markup: markup({ tag: 'td', path: ['main', 'article', 'table', 'tr', 'td'], sourceLine: 7, ...art }) },
      { n: 21, text: '' },
      { n: 22, text: 'x = 1', markup: markup({ tag: 'pre', path: ['main', 'article', 'pre'], sourceLine: 8, ...art }) },
      { n: 23, text: '  y = 2', markup: markup({ tag: 'pre', path: ['main', 'article', 'pre'], sourceLine: 8, ...art }) },
      { n: 24, text: '' },
      { n: 25, text: 'Tail', markup: markup({ tag: 'article', path: ['main', 'article'], sourceLine: 3, ...art }) },
      { n: 26, text: 'after break', markup: markup({ tag: 'article', path: ['main', 'article'], sourceLine: 3, ...art }) },
      { n: 27, text: '' },
      { n: 28, text: 'Foot', markup: markup({ tag: 'p', path: ['footer', 'p'], landmarks: ['footer'], sourceLine: 13 }) },
    ]);
    expect(doc.warnings).toEqual([]);
    expect(doc.metadata.title).toBe('Page title');
  });

  it('closes <p> at a block, <li> at <li>, <dd>/<dt> at each other, cells and rows at the next', () => {
    expect(texts('<p>one<p>two<h2>three</h2><p>four<ul><li>a<li>b</ul>')).toEqual(['one', '', 'two', '', 'three', '', 'four', '', '  • a', '  • b']);
    expect(texts('<dl><dt>Term<dd>Meaning<dt>Other<dd>More</dl>')).toEqual(['Term', 'Meaning', 'Other', 'More']);
    expect(texts('<table><tbody><tr><td>a<td>b<tr><td>c<td>d</tbody><tfoot><tr><td>e</table>after')).toEqual(['a  b', 'c  d', 'e', '', 'after']);
    expect(texts('<p>Para <b>bold</p> <div>block</div>')).toEqual(['Para bold', '', 'block']);
    expect(texts('<a href="/1">one<a href="/2">two</a>')).toEqual(['onetwo']);
    expect(parseHtml('<p><a href="/1">one</a> <a href="/2">two</a> three</p>').lines[0]!.markup!.linkChars).toBe(7);
  });

  it('keeps a layout table cell that holds blocks from becoming one long line', () => {
    expect(texts('<table><tr><td><p>First para</p><p>Second para</p></td><td>Side</td></tr></table>')).toEqual([
      'First para', 'Second para', 'Side',
    ]);
  });

  it('marks hidden elements and keeps their text unless asked to drop it', () => {
    const html = '<div hidden><p>Parked article</p></div><p aria-hidden="true">aria</p><p style="color:red; display: none">styled</p><p>Shown</p>';
    const doc = parseHtml(html);
    expect(doc.lines.map((line) => [line.text, line.markup?.hidden])).toEqual([
      ['Parked article', true], ['', undefined], ['aria', true], ['', undefined], ['styled', true], ['', undefined], ['Shown', false],
    ]);
    expect(parseHtml(html, { hidden: 'drop' }).lines.map((line) => line.text)).toEqual(['Shown']);
  });

  it('maps ARIA roles onto landmarks, nearest first, and caps tokens', () => {
    const many = Array.from({ length: 30 }, (_, i) => `c${i}`).join(' ');
    const doc = parseHtml(`<div role="navigation" class="${many}"><aside><header><p id="X">in</p></header></aside></div><form><label>Name</label></form>`);
    expect(doc.lines[0]!.markup!.landmarks).toEqual(['header', 'aside', 'nav']);
    expect(doc.lines[0]!.markup!.tokens).toEqual(['x', ...Array.from({ length: 23 }, (_, i) => `c${i}`)]);
    expect(doc.lines.map((line) => line.text)).toEqual(['in', '', 'Name']);
    expect(doc.lines[2]!.markup!.landmarks).toEqual(['form']);
  });
});

describe('parseHtml: metadata', () => {
  it('reads meta tags, links and the html element', () => {
    const doc = parseHtml(`<html lang="en-GB"><head><title> The  title | Site </title>
      <meta property="og:title" content="OG title"><meta name="twitter:title" content="TW title">
      <meta property="og:site_name" content="Site"><meta name="description" content="A page.">
      <meta name="author" content="Ann Writer"><meta property="article:author" content="https://example.com/ann">
      <meta property="article:published_time" content="2025-01-29T14:38:00+05:30">
      <meta property="article:modified_time" content="2025-01-29T14:54:00+05:30">
      <link rel="canonical" href="https://example.com/a"><meta property="og:url" content="https://example.com/og">
      <meta property="og:image" content="https://example.com/i.jpg"><meta property="og:type" content="article">
      </head><body><p>x</p></body></html>`);
    expect(doc.metadata).toEqual({
      title: 'The title | Site', ogTitle: 'OG title', headline: null, siteName: 'Site', description: 'A page.', author: 'Ann Writer',
      published: '2025-01-29T14:38:00+05:30', modified: '2025-01-29T14:54:00+05:30', url: 'https://example.com/a', language: 'en-GB',
      image: 'https://example.com/i.jpg', type: 'article',
      from: { title: 'title', ogTitle: 'og', siteName: 'og', description: 'meta', author: 'meta', published: 'og', modified: 'og', url: 'link', language: 'html', image: 'og', type: 'og' },
    });
  });

  it('reads schema.org JSON-LD: @graph, references, author lists, image objects, publisher', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'Not this' },
        { '@type': 'Organization', '@id': '#org', name: 'Daily Example' },
        {
          '@type': ['NewsArticle'], headline: 'JSON-LD headline', datePublished: '2025-02-01', dateModified: '2025-02-02',
          author: [{ '@type': 'Person', name: 'Ann Writer' }, 'Bob Reporter', { '@id': '#p3' }, 'https://example.com/author/x'],
          publisher: { '@id': '#org' }, image: [{ '@type': 'ImageObject', url: 'https://example.com/ld.jpg' }],
        },
        { '@type': 'Person', '@id': '#p3', name: 'Cy Editor' },
      ],
    };
    const doc = parseHtml(`<head><script type="application/ld+json">${JSON.stringify(ld)}</script>
      <script type="application/ld+json">{ not json</script><meta property="og:type" content="website"></head><p>x`);
    expect(doc.metadata).toEqual({
      title: null, ogTitle: null, headline: 'JSON-LD headline', siteName: 'Daily Example', description: null,
      author: 'Ann Writer, Bob Reporter, Cy Editor', published: '2025-02-01', modified: '2025-02-02', url: null, language: null,
      image: 'https://example.com/ld.jpg', type: 'NewsArticle',
      from: { headline: 'json-ld', siteName: 'json-ld', author: 'json-ld', published: 'json-ld', modified: 'json-ld', image: 'json-ld', type: 'json-ld' },
    });
    expect(doc.warnings).toEqual(['a JSON-LD block is not valid JSON: skipped']);
  });

  it('finds the article under mainEntity, in arrays, with a string image and a raw line break in a string', () => {
    const page = { '@type': 'WebPage', mainEntity: { '@type': 'BlogPosting', headline: 'Posted', author: { name: 'Dee' }, image: 'https://example.com/s.png' } };
    const doc = parseHtml(`<script type="application/ld+json">[${JSON.stringify({ '@type': 'BreadcrumbList' })}, ${JSON.stringify(page)}]</script>
      <script type="application/ld+json">{"@type": "ReportageNewsArticle", "headline": "Second
      one"}</script><p>x`);
    expect([doc.metadata.headline, doc.metadata.author, doc.metadata.image, doc.metadata.type]).toEqual(['Posted', 'Dee', 'https://example.com/s.png', 'BlogPosting']);
    expect(doc.warnings).toEqual([]);
  });

  it('keeps the datetime of <time> elements in document order, with the line that shows them', () => {
    const doc = parseHtml(`<p>Posted <time datetime=" 2025-03-03T09:00:00Z ">3 mars 2025</time></p>
      <p><time>no datetime</time> <time datetime="">empty</time> <TIME DATETIME="2025-03-04">yesterday</TIME></p>
      <script><time datetime="2025-03-05">in a script</time></script><div><time datetime="2025-03-06"></time></div><p>Next</p>`);
    expect(doc.metadata.times).toEqual([
      { datetime: '2025-03-03T09:00:00Z', line: 1 },
      { datetime: '2025-03-04', line: 3 },
      { datetime: '2025-03-06', line: 5 },
    ]);
    expect(doc.lines.map((line) => line.text)).toEqual(['Posted 3 mars 2025', '', 'no datetime empty yesterday', '', 'Next']);
    expect(texts('<p>Posted <time datetime="2025-03-03">3 mars 2025</time></p>')).toEqual(['Posted 3 mars 2025']);
    expect(parseHtml('<p>No time here</p>').metadata.times).toBeUndefined();
    const many = parseHtml('<p>' + '<time datetime="2025-01-01">x</time>'.repeat(60) + '</p>');
    expect(many.metadata.times).toHaveLength(50);
  });
});

describe('parseHtml: text only inside <noscript>', () => {
  it('renders the noscript text of a page that has no other, and says so', () => {
    const doc = parseHtml('<head><noscript><style>x{}</style></noscript></head><body><div id="app"></div><noscript><h1>Topic</h1><p>First post.</p></noscript></body>');
    expect(doc.lines.map((line) => line.text)).toEqual(['Topic', '', 'First post.']);
    expect(doc.lines[0]!.markup!.path).toEqual(['noscript', 'h1']);
    expect(doc.warnings).toEqual(['the page has text only inside <noscript>: rendered that']);
  });

  it('keeps skipping noscript text on a page with text of its own, or with none anywhere', () => {
    expect(texts('<p>Story.</p><noscript><p>Please enable JavaScript.</p></noscript>')).toEqual(['Story.']);
    const empty = parseHtml('<body><noscript><img src="pixel.gif"></noscript></body>');
    expect(empty.lines).toEqual([]);
    expect(empty.warnings).toEqual(['the page has no text']);
  });
});

describe('parseHtml: bad HTML', () => {
  it('renders a truncated document and says it may be truncated', () => {
    const doc = parseHtml('<html><body><p>Whole paragraph.</p><p>Cut in the mid');
    expect(doc.lines.map((line) => line.text)).toEqual(['Whole paragraph.', '', 'Cut in the mid']);
    expect(doc.warnings).toEqual(['the document ends inside a tag or its text: it may be truncated']);
    expect(parseHtml('<p>Text</p><div class="unfinis').warnings).toEqual(['the document ends inside a tag or its text: it may be truncated']);
  });
  it('closes unclosed tags', () => {
    expect(texts('<div><span><b>bold <i>both</div><p>next')).toEqual(['bold both', '', 'next']);
  });
  it('renders a 30 MB page on one line, each paragraph a line', () => {
    const paragraph = '<p class="x">Lorem ipsum dolor sit amet, <a href="#">consectetur</a> adipiscing elit.</p>';
    const html = `<html><body>${paragraph.repeat(Math.ceil(30_000_000 / paragraph.length))}</body></html>`;
    const doc = parseHtml(html);
    const count = Math.ceil(30_000_000 / paragraph.length);
    expect(doc.lines.length).toBe(count * 2 - 1);
    expect(doc.lines[doc.lines.length - 1]).toEqual({
      n: count * 2 - 1, text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.', markup: markup({ tag: 'p', path: ['p'], linkChars: 11, tokens: ['x'] }),
    });
  });
  it('renders 100,000 nested elements without recursion, capping the depth', () => {
    const doc = parseHtml(`<body>${'<div class="d">x'.repeat(100_000)}${'</div>'.repeat(100_000)}`);
    expect(doc.lines.length).toBe(100_000);
    expect(doc.lines.every((line) => line.text === 'x')).toBe(true);
    const last = doc.lines[doc.lines.length - 1]!.markup!;
    expect(last.path.length).toBe(33);
    expect(last.path[0]).toBe('…');
    expect(last.tokens).toEqual(['d']);
    expect(doc.warnings).toEqual(['elements nest deeper than 512: deeper ones are rendered as siblings']);
    const inline = parseHtml(`${'<b><i>'.repeat(100_000)}deep${'</span>'.repeat(100_000)}`);
    expect(inline.lines.map((line) => line.text)).toEqual(['deep']);
  });
  it('warns about an unknown charset and a page with no text', () => {
    expect(parseHtml('<meta charset="x-martian"><p>Hi</p>').warnings).toEqual(['the page declares an unknown charset "x-martian"']);
    const empty = parseHtml('<html><head><title>Only a title</title><script>x()</script></head><body><img src="a.png"></body></html>');
    expect(empty.lines).toEqual([]);
    expect(empty.warnings).toEqual(['the page has no text']);
    expect(empty.metadata.title).toBe('Only a title');
    expect(parseHtml('').warnings).toEqual(['the page has no text']);
  });
});

describe('parseHtml: an unclosed head', () => {
  it('ends at the first element that is not head content', () => {
    expect(texts('<html><head><title>T</title><meta name="x" content="y"><div>Body text</div><p>More')).toEqual(['Body text', '', 'More']);
  });
});
