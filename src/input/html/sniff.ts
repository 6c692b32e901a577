/**
 * Is this text HTML, and which charset do its bytes declare?
 */

/** Tags a page's source starts with, after the doctype and comments. */
const LEADING_TAGS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'link', 'script', 'style', 'base', 'div', 'section', 'article', 'main', 'header',
  'nav', 'table', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'form', 'noscript', 'iframe', 'span', 'a', 'img',
  'center', 'font', 'frameset', 'template', 'svg', 'footer', 'aside', 'figure', 'pre', 'blockquote', 'dl', 'br', 'hr', 'b', 'i', 'strong', 'em',
]);

/**
 * True when the text is an HTML document by its content: a doctype, `<html`,
 * or markup from its first character on (after a BOM, white space, an XML
 * declaration and comments). A text dump that mentions `<b>` in a sentence is
 * not HTML; one that starts with a tag must also close a tag somewhere.
 */
export function isHtml(text: string): boolean {
  const i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const head = text.slice(i, i + 4096);
  let s = head.replace(/^\s+/, '');
  // An XML declaration, comments and white space may come first.
  for (let guard = 0; guard < 64; guard++) {
    if (s.startsWith('<?xml')) {
      const end = s.indexOf('?>');
      if (end < 0) return false;
      s = s.slice(end + 2).replace(/^\s+/, '');
    } else if (s.startsWith('<!--')) {
      const end = s.indexOf('-->', 4);
      if (end < 0) return /<html[\s>]/i.test(text.slice(0, 65536));
      s = s.slice(end + 3).replace(/^\s+/, '');
    } else break;
  }
  if (/^<!doctype\s+html\b/i.test(s)) return true;
  const tag = /^<([a-z][a-z0-9]*)[\s/>]/i.exec(s);
  if (tag === null) return false;
  const name = tag[1]!.toLowerCase();
  if (name === 'html' || name === 'head' || name === 'body') return true;
  if (!LEADING_TAGS.has(name)) return false;
  // A leading tag alone could be a dump quoting markup: a document also closes one.
  return /<\/[a-z][a-z0-9]*\s*>/i.test(text.slice(0, 1 << 20));
}

/**
 * The charset that the first 1024 bytes declare in `<meta charset>` or
 * `<meta http-equiv="content-type" content="…; charset=…">`, by the HTML
 * spec's prescan; the WHATWG encoding name (`utf-8`, `windows-1252`,
 * `shift_jis`…), or null when none is declared or the label is unknown.
 * A declared UTF-16 means UTF-8 (the bytes were ASCII-compatible to be read),
 * `x-user-defined` means windows-1252, as the spec says.
 */
export function htmlCharset(bytes: Uint8Array): string | null {
  const label = htmlCharsetLabel(bytes);
  return label === null ? null : encodingName(label);
}

/** The label as declared, before it is resolved (null when none). */
export function htmlCharsetLabel(bytes: Uint8Array): string | null {
  const end = Math.min(bytes.length, 1024);
  let p = 0;
  const lower = (b: number): number => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
  const isSpace = (b: number): boolean => b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
  const isLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
  const matches = (at: number, ascii: string): boolean => {
    for (let k = 0; k < ascii.length; k++) if (at + k >= end || lower(bytes[at + k]!) !== ascii.charCodeAt(k)) return false;
    return true;
  };
  const text = (from: number, to: number): string => {
    let out = '';
    for (let k = from; k < to; k++) out += String.fromCharCode(lower(bytes[k]!));
    return out;
  };
  /** The spec's "get an attribute": [name, value] or null at the end of the tag; moves p. */
  const getAttribute = (): [string, string] | null => {
    while (p < end && (isSpace(bytes[p]!) || bytes[p] === 0x2f)) p++;
    if (p >= end || bytes[p] === 0x3e) return null;
    const nameStart = p;
    while (p < end) {
      const b = bytes[p]!;
      if (p > nameStart && (b === 0x3d || isSpace(b) || b === 0x2f || b === 0x3e)) break;
      p++;
    }
    const name = text(nameStart, p);
    while (p < end && isSpace(bytes[p]!)) p++;
    if (bytes[p] !== 0x3d) return [name, ''];
    p++;
    while (p < end && isSpace(bytes[p]!)) p++;
    const quote = bytes[p];
    if (quote === 0x22 || quote === 0x27) {
      const valueStart = ++p;
      while (p < end && bytes[p] !== quote) p++;
      const value = text(valueStart, p);
      p++;
      return [name, value];
    }
    const valueStart = p;
    while (p < end && !isSpace(bytes[p]!) && bytes[p] !== 0x3e) p++;
    return [name, text(valueStart, p)];
  };
  while (p < end) {
    if (matches(p, '<!--')) {
      p += 4;
      while (p < end && !matches(p, '-->')) p++;
      p += 3;
    } else if (matches(p, '<meta') && p + 5 < end && (isSpace(bytes[p + 5]!) || bytes[p + 5] === 0x2f)) {
      p += 5;
      const seen = new Set<string>();
      let gotPragma = false;
      let needPragma: boolean | null = null;
      let charset: string | null = null;
      for (let attr = getAttribute(); attr !== null; attr = getAttribute()) {
        const [name, value] = attr;
        if (seen.has(name)) continue;
        seen.add(name);
        if (name === 'http-equiv') {
          if (value === 'content-type') gotPragma = true;
        } else if (name === 'content') {
          const found = charsetFromContent(value);
          if (found !== null && charset === null) {
            charset = found;
            needPragma = true;
          }
        } else if (name === 'charset') {
          charset = value;
          needPragma = false;
        }
      }
      if (charset !== null && needPragma !== null && (!needPragma || gotPragma)) return charset.trim();
    } else if ((bytes[p] === 0x3c && p + 1 < end && isLetter(bytes[p + 1]!)) || (matches(p, '</') && p + 2 < end && isLetter(bytes[p + 2]!))) {
      while (p < end && !isSpace(bytes[p]!) && bytes[p] !== 0x3e) p++;
      while (getAttribute() !== null);
      p++;
    } else if (matches(p, '<!') || matches(p, '</') || matches(p, '<?')) {
      while (p < end && bytes[p] !== 0x3e) p++;
      p++;
    } else p++;
  }
  return null;
}

/** The spec's "extracting a character encoding from a meta element". */
function charsetFromContent(content: string): string | null {
  const at = content.search(/charset\s*=/);
  if (at < 0) return null;
  const rest = content.slice(at).replace(/^charset\s*=\s*/, '');
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    return close < 0 ? null : rest.slice(1, close);
  }
  const value = /^[^\s;]*/.exec(rest)![0];
  return value === '' ? null : value;
}

/** The WHATWG encoding name for a label, or null when the label names none. */
export function encodingName(label: string): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return label.trim().toLowerCase() === 'x-user-defined' ? 'windows-1252' : null;
  }
  if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
  return name;
}
