// The pieces of the quality benchmark around the scorer: declutter's adapter,
// the plain text of a peer's HTML, the keep-lines baselines and the targets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../bench/quality/declutter.js';
import { htmlText } from '../../bench/quality/html-text.js';
import { keepEveryLine, keepLongLines, systems } from '../../bench/quality/systems.js';
import { checkTargets } from '../../bench/quality/targets.js';

const fixture = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'devdiscourse');

describe('declutter adapter', () => {
  it('gives the body joined with blank lines, the title, byline and date of the article', () => {
    const bytes = readFileSync(join(fixture, 'named-author-no-image.txt'));
    const expected = JSON.parse(readFileSync(join(fixture, 'named-author-no-image.expected.json'), 'utf8'));
    const answer = extract(bytes, { id: 'named-author-no-image', input: 'txt' });
    expect(answer).toEqual({
      text: expected.body.join('\n\n'),
      title: expected.title,
      author: expected.byline,
      published: expected.published,
      error: null,
    });
    expect(answer.text.split('\n\n').length).toBe(expected.body.length);
  });
  it('turns a refusal into an empty answer with the error code', () => {
    expect(extract(new Uint8Array(0), { id: '0001', input: 'html' })).toEqual({
      text: '',
      title: '',
      author: '',
      published: '',
      error: 'empty',
    });
  });
});

describe('htmlText', () => {
  it('separates blocks with blank lines and breaks with new lines, collapsing inline spaces', () => {
    const { document } = parseHTML(
      '<html><body><h2>Head</h2><p>One <b>bold</b>\n  word.</p><div>Two<br>lines</div>' +
        '<ul><li>a</li><li>b</li></ul><script>var x = 1;</script><table><tr><td>c1</td><td>c2</td></tr></table></body></html>',
    );
    expect(htmlText(document.body)).toBe('Head\n\nOne bold word.\n\nTwo\nlines\n\na\n\nb\n\nc1 c2');
  });
  it('does not glue the words of adjacent blocks', () => {
    const { document } = parseHTML('<html><body><p>end</p><p>start</p></body></html>');
    expect(htmlText(document.body)).toBe('end\n\nstart');
  });
});

describe('checkTargets', () => {
  const result = {
    input: 'txt',
    f1: 0.85,
    wordF1: 0.8,
    byType: { article: { f1: 0.93, wordF1: 0.9 } },
    metadata: { titleExact: 0.69 },
    ms: { median: 2.5 },
  };
  it('checks each target of the input against its bound', () => {
    expect(checkTargets(result).map((c) => [c.what, c.measured, c.ok])).toEqual([
      ['shingle F1', '0.850', true],
      ['shingle F1, articles', '0.930', true],
      ['word F1', '0.800', false],
      ['title exact', '0.690', false],
      ['ms per page, median', '2.50 ms', false],
    ]);
  });
  it('leaves out page types the selection lacks and misses other absent figures', () => {
    const html = checkTargets({ input: 'html', f1: 0.9, byType: { forum: { f1: 1, wordF1: 0.81 } } });
    expect(html.map((c) => c.what)).toEqual([
      'shingle F1',
      'word F1',
      'word F1, forum (rs-trafilatura)',
      'title exact',
      'author hit',
      'author false',
      'date hit',
      'date false',
      'ms per page, median',
    ]);
    expect(html.find((c) => c.what === 'shingle F1')?.ok).toBe(true);
    expect(html.find((c) => c.what === 'word F1, forum (rs-trafilatura)')?.ok).toBe(true);
    expect(html.find((c) => c.what === 'author false')).toMatchObject({ measured: '-', ok: false });
  });
});

describe('baselines on the text dump', () => {
  const page = { id: 'x', url: 'https://example.com/', txt: 'Home  News\nOne two three, four.\n  • a b\nThe end of it all here' };
  it('keep every line, or the lines of at least N words', () => {
    expect(keepEveryLine(page).text).toBe(page.txt);
    expect(keepLongLines(4)(page).text).toBe('One two three, four.\nThe end of it all here');
    expect(keepLongLines(6)(page).text).toBe('The end of it all here');
    expect(keepLongLines(2)(page)).toEqual({ text: page.txt, title: '', author: '', published: '', error: null });
  });
  it('are listed after declutter and the peers, one per N', () => {
    expect(systems({ minWords: [5, 10] }).map((s) => `${s.name}/${s.input}`)).toEqual([
      'declutter/html',
      'readability/html',
      'defuddle/html',
      'declutter/txt',
      'every-line/txt',
      'lines>=5/txt',
      'lines>=10/txt',
    ]);
  });
});
