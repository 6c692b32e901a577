/**
 * JUnit XML, the report format CI systems display: one <testsuite> of
 * <testcase>s, each passed, failed (with a message and details) or skipped.
 */
export interface JunitCase {
  /** Groups cases in CI displays: here, the page. */
  classname: string;
  name: string;
  failure?: { message: string; details: string };
  skipped?: string;
}

export interface JunitSuite {
  name: string;
  cases: readonly JunitCase[];
}

/** The whole XML document for one suite, with counts CI systems read. */
export function renderJunit(suite: JunitSuite): string {
  const failures = suite.cases.filter((testCase) => testCase.failure).length;
  const skipped = suite.cases.filter((testCase) => !testCase.failure && testCase.skipped !== undefined).length;
  const counts = `tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXmlAttribute(suite.name)}" ${counts}>`,
    `  <testsuite name="${escapeXmlAttribute(suite.name)}" ${counts}>`,
    ...suite.cases.map(renderCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}

function renderCase(testCase: JunitCase): string {
  const open = `    <testcase classname="${escapeXmlAttribute(testCase.classname)}" name="${escapeXmlAttribute(testCase.name)}"`;
  if (testCase.failure) {
    const { message, details } = testCase.failure;
    return `${open}>\n      <failure message="${escapeXmlAttribute(message)}" type="failure">${escapeXml(details)}</failure>\n    </testcase>`;
  }
  if (testCase.skipped !== undefined) return `${open}>\n      <skipped message="${escapeXmlAttribute(testCase.skipped)}"/>\n    </testcase>`;
  return `${open}/>`;
}

/**
 * Characters XML 1.0 cannot hold at all, even escaped: C0 controls other than
 * tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Text safe as element content. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Text safe in a quoted attribute value: a parser would turn raw newlines and tabs there into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\n\r\t]/g, (char) => ENTITIES[char]!);
}
