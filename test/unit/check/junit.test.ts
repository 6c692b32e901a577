import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, escapeXmlAttribute, renderJunit } from '../../../src/check/junit.js';

// htmlEntities: also decode numeric references such as &#10;.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'testcase' });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe('renderJunit', () => {
  it('writes one testsuite with counts that match its cases', () => {
    const xml = renderJunit({
      name: 'declutter check',
      cases: [
        { classname: 'a.txt', name: 'json' },
        { classname: 'a.txt', name: 'md', failure: { message: 'differs from a.expected.md', details: '--- a\n+++ b\n-x\n+y' } },
        { classname: 'b.txt', name: 'expectations', skipped: 'no expectation files' },
      ],
    });
    const { testsuites } = parse(xml);
    const suite = testsuites.testsuite;
    expect(suite).toMatchObject({ name: 'declutter check', tests: '3', failures: '1', errors: '0', skipped: '1' });
    expect(testsuites).toMatchObject({ tests: '3', failures: '1' });
    const [passed, failed, skipped] = suite.testcase;
    expect(passed).toEqual({ classname: 'a.txt', name: 'json' });
    expect(failed.failure.message).toBe('differs from a.expected.md');
    expect(failed.failure['#text']).toBe('--- a\n+++ b\n-x\n+y');
    expect(skipped.skipped.message).toBe('no expectation files');
  });

  it('keeps markup characters and newlines in names, messages and details', () => {
    const tricky = `a&b <c> "d" 'e'\nline two\ttab`;
    const xml = renderJunit({ name: tricky, cases: [{ classname: tricky, name: tricky, failure: { message: tricky, details: tricky } }] });
    const suite = parse(xml).testsuites.testsuite;
    expect(suite.name).toBe(tricky);
    const [testCase] = suite.testcase;
    expect(testCase.classname).toBe(tricky);
    expect(testCase.failure.message).toBe(tricky);
    expect(testCase.failure['#text']).toBe(tricky);
  });

  it('leaves out characters XML 1.0 cannot hold, keeping the rest', () => {
    const text = 'bell\u0007 nul\u0000 esc\u001b[31m lone\ud800 end\ufffe ok \u{1F600}';
    const xml = renderJunit({ name: 's', cases: [{ classname: text, name: 'n', failure: { message: text, details: text } }] });
    const [testCase] = parse(xml).testsuites.testsuite.testcase;
    expect(testCase.failure['#text']).toBe('bell nul esc[31m lone end ok \u{1F600}');
    expect(testCase.classname).toBe('bell nul esc[31m lone end ok \u{1F600}');
  });

  it('writes an empty suite as valid XML with zero counts', () => {
    const suite = parse(renderJunit({ name: 'empty', cases: [] })).testsuites.testsuite;
    expect(suite).toMatchObject({ tests: '0', failures: '0' });
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });

  it('escapes newlines and tabs only in attributes', () => {
    expect(escapeXml('a\nb\tc')).toBe('a\nb\tc');
    expect(escapeXmlAttribute('a\nb\tc\r')).toBe('a&#10;b&#9;c&#13;');
  });
});
