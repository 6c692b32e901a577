import type { Article } from '../pipeline/types.js';

/**
 * YAML front matter, `# Title`, the summary as a blockquote, the paragraphs,
 * the notes in italics. Every text is escaped so that it renders as itself.
 */
export function renderMarkdown(article: Article): string {
  const frontMatter: [string, string | null | string[]][] = [
    ['title', article.title],
    ['source', article.source],
    ['byline', article.byline],
    ['agency', article.agency],
    ['dateline', article.dateline],
    ['published', article.published],
    ['updated', article.updated],
    ['countries', article.countries],
    ['image_credit', article.image?.credit ?? null],
    // Last, so that front matter read by position before these existed reads the same.
    ['url', article.url],
    ['language', article.language],
  ];
  const blocks: string[] = [
    ['---', ...frontMatter.map(([key, value]) => `${key}: ${yamlValue(value)}`), '---'].join('\n'),
    `# ${escapeMarkdown(article.title)}`,
  ];
  if (article.summary !== null) blocks.push(`> ${escapeMarkdown(article.summary)}`);
  for (const paragraph of article.body) blocks.push(escapeMarkdown(paragraph));
  for (const note of article.notes) blocks.push(`*${escapeMarkdown(note)}*`);
  return `${blocks.join('\n\n')}\n`;
}

/**
 * A YAML 1.2 value every parser reads back as the same string: a
 * double-quoted scalar. JSON's string syntax is such a scalar; what YAML
 * does not allow in a stream even quoted (DEL, C1 controls, U+FFFE, U+FFFF)
 * and the line and paragraph separators YAML 1.1 parsers break on are
 * escaped as well.
 */
function yamlValue(value: string | null | string[]): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(yamlString).join(', ')}]`;
  return yamlString(value);
}

function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Characters that change meaning anywhere in a line of CommonMark.
const INLINE = /[\\`*_[\]<>&|~]/g;
// Line starts that open a block: headings, quotes, lists, rules, fences, tables.
const BLOCK_START = /^(?:[#>+=]|-(?=\s|-|$)|\d{1,9}(?=[.)]))/;

/** Escapes a paragraph so CommonMark renders exactly its text. */
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(INLINE, '\\$&');
  const block = BLOCK_START.exec(escaped);
  if (!block) return escaped;
  // An ordered list marker is escaped at its dot or parenthesis: `1\.`.
  if (/^\d/.test(block[0])) return `${block[0]}\\${escaped.slice(block[0].length)}`;
  return `\\${escaped}`;
}
