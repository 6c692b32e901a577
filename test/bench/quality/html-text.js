// Plain text of an HTML fragment for scoring: block elements start new
// paragraphs (joined with blank lines), line breaks new lines, cells are
// separated by spaces, inline whitespace is collapsed; script, style and
// template contents are left out.
const BLOCKS = new Set(
  'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary table tbody thead tfoot tr ul'.split(' '),
);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'svg', 'math']);

export function htmlText(root) {
  const blocks = [];
  let line = '';
  let lines = [];
  const flushLine = () => {
    const t = line.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const flushBlock = () => {
    flushLine();
    if (lines.length) blocks.push(lines.join('\n'));
    lines = [];
  };
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        line += child.data;
      } else if (child.nodeType === 1) {
        const tag = child.localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          flushLine();
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block) flushBlock();
        if (tag === 'td' || tag === 'th') line += ' ';
        walk(child);
        if (block) flushBlock();
      }
    }
  };
  walk(root);
  flushBlock();
  return blocks.join('\n\n');
}
