/**
 * HTML → lines, in one pass over htmlparser2's tokenizer.
 *
 * The tokenizer is linear; the tree is kept here as a plain stack of open
 * elements (push and pop at its end), with the HTML spec's implied end tags
 * for the cases that change the rendering (`<p>` closed by a block, `<li>` by
 * `<li>`, `<dd>`/`<dt>`, table rows and cells, headings, a second `<a>`), and
 * a depth cap as browsers have one, so that every walk down the stack is
 * bounded and 100,000 nested elements take linear time.
 *
 * Rendering follows what a text browser's dump looks like: one block a line,
 * whitespace collapsed inside a block, `<pre>` line by line, list items as
 * `  • item` (deeper lists indented further, ordered lists numbered), a table
 * row as one line with its cells separated by two spaces, a blank line
 * around paragraphs, headings, lists, tables, block quotes and `<pre>`.
 */
import { Tokenizer } from 'htmlparser2';
import type { LineMarkup, RenderedLine } from './types.js';
import { MetadataCollector } from './metadata.js';
import type { DocumentMetadata, TimeElement } from './types.js';

/** Elements deeper than this become siblings at this depth (Chromium's parser caps at 512 too). */
export const MAX_DEPTH = 512;
/** An element path keeps this many names nearest the block, after a leading '…'. */
export const MAX_PATH = 32;
/** At most this many class and id tokens per line. */
export const MAX_TOKENS = 24;
/** Cells of a table row are joined with this. */
export const CELL_SEPARATOR = '  ';

const VOID = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);
/** Elements whose text is never rendered. */
const SKIP = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'title', 'textarea', 'select', 'iframe', 'noembed',
  'noframes', 'object', 'canvas', 'datalist', 'frameset',
]);
/** Elements that start and end a line. Cells (td, th) do not: a row is one line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'search', 'section', 'summary',
  'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp', 'option', 'optgroup',
]);
/** A blank line before and after these (not inside a list item or a table cell). */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'hr', 'figure', 'address', 'listing', 'xmp']);
/** Opening one of these closes an open `<p>` (HTML spec, "in body" insertion mode). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'li', 'dd', 'dt', 'plaintext', 'table', 'hr', 'xmp',
]);
/** The spec's "special" elements: a stray end tag of an inline element does not close past them. */
const SPECIAL = new Set([...BLOCK, 'td', 'th', 'button', 'applet', 'marquee', 'object', 'template', 'iframe', 'img', 'select', 'textarea']);
/** Scope boundaries for end tags of blocks (the spec's default scope). */
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'template', 'marquee', 'object', 'applet', 'button']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const LANDMARK_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'article', 'main', 'form']);
const LANDMARK_ROLES: Record<string, string> = {
  navigation: 'nav', banner: 'header', contentinfo: 'footer', complementary: 'aside', main: 'main', article: 'article', form: 'form', search: 'form',
};
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
const SPACES = /\s+/g;

/** The attributes the reader looks at; the others are not kept. */
const WANTED = new Set([
  'class', 'id', 'hidden', 'aria-hidden', 'style', 'role', 'type', 'lang', 'rel', 'href', 'name', 'property', 'content',
  'itemprop', 'http-equiv', 'charset', 'datetime',
]);
export type Attributes = Partial<Record<string, string>>;
/** A fresh attribute record of one fixed shape, so that reading it stays fast. */
const noAttributes = (): Attributes => ({
  class: undefined, id: undefined, hidden: undefined, 'aria-hidden': undefined, style: undefined, role: undefined,
  type: undefined, lang: undefined, rel: undefined, href: undefined, name: undefined, property: undefined,
  content: undefined, itemprop: undefined, 'http-equiv': undefined, charset: undefined, datetime: undefined,
});
const HEADING_LEVEL = new Map(Object.entries(HEADINGS));
const ROLE_LANDMARK = new Map(Object.entries(LANDMARK_ROLES));

interface Frame {
  name: string;
  /** Index in the stack. */
  depth: number;
  /** The nearest frame (this one or an ancestor) that starts lines. */
  block: Frame;
  parent: Frame | null;
  /** This element's own class and id attributes, when it has any. */
  own: string | null;
  /** class and id tokens of this element and its ancestors, worked out when a line needs them (null until then). */
  tokens: string[] | null;
  landmarks: string[];
  hidden: boolean;
  heading: number;
  /** Inside an element whose text is not rendered. */
  skip: boolean;
  pre: boolean;
  link: boolean;
  /** Lists (ul, ol, menu, dir) enclosing this element. */
  lists: number;
  /** Inside a list item or a table cell: no blank lines there. */
  tight: boolean;
  /** For ul/ol: the items seen so far; for ol, the marker is the number. */
  items: number;
  ordered: boolean;
  sourceLine: number;
  /** The frame with the first cell of the current row (tr only). */
  cells: number;
}

export interface RenderResult {
  lines: RenderedLine[];
  metadata: DocumentMetadata;
  warnings: string[];
}

/**
 * Renders a whole HTML document to lines and collects its metadata. A page
 * whose only text is in `<noscript>` (forums that render for scripts and
 * give readers without them the posts there) is rendered with that text.
 */
export function renderHtml(html: string, keepHidden = true): RenderResult {
  const result = new Renderer(html, keepHidden, false).run();
  if (result.lines.length > 0 || !/<noscript/i.test(html)) return result;
  const fallback = new Renderer(html, keepHidden, true).run();
  if (fallback.lines.length === 0) return result;
  fallback.warnings.unshift('the page has text only inside <noscript>: rendered that');
  return fallback;
}

class Renderer {
  private readonly stack: Frame[] = [];
  private readonly lines: RenderedLine[] = [];
  private readonly warnings: string[] = [];
  private readonly meta = new MetadataCollector();
  /** How many of each element are open, to skip walks for elements that are not. */
  private readonly open = new Map<string, number>();

  // The start tag being read.
  private tagName = '';
  private tagStart = 0;
  private attrs: Attributes = noAttributes();
  private attrName = '';
  private attrValue = '';

  // The line being built.
  private buf = '';
  private space = false;
  private linkChars = 0;
  private lineFrame: Frame | null = null;
  private lineTop: Frame | null = null;
  private linePath: string[] = [];
  private lineTokens: string[] = [];
  private blank = false;
  /** The list item whose marker the next line carries. */
  private bullet: Frame | null = null;
  private bulletText = '';

  // Source line numbers, counted as the tokenizer moves on.
  private scanPos = 0;
  private scanLine = 1;

  /** `<time>` elements waiting for the line that shows their text. */
  private pendingTimes: TimeElement[] = [];

  private bodyDepth = -1;
  private depthCapped = false;
  /** Raw text being collected for metadata (title, JSON-LD). */
  private collect: string | null = null;
  private collectFor = '';

  constructor(
    private readonly html: string,
    private readonly keepHidden: boolean,
    /** Render the text of `<noscript>` elements (of the body). */
    private readonly noscript: boolean,
  ) {
    const root: Frame = {
      name: '#document', depth: 0, block: null as unknown as Frame, parent: null, own: null, tokens: [], landmarks: [], hidden: false, heading: 0,
      skip: false, pre: false, link: false, lists: 0, tight: false, items: 0, ordered: false, sourceLine: 1, cells: 0,
    };
    root.block = root;
    this.stack.push(root);
  }

  run(): RenderResult {
    const html = this.html;
    const tokenizer = new Tokenizer(
      { decodeEntities: true },
      {
        onopentagname: (start, end) => {
          this.tagName = html.slice(start, end).toLowerCase();
          this.tagStart = start;
          this.attrs = noAttributes();
        },
        onattribname: (start, end) => {
          const name = html.slice(start, end).toLowerCase();
          this.attrName = WANTED.has(name) ? name : '';
          this.attrValue = '';
        },
        onattribdata: (start, end) => {
          if (this.attrName !== '') this.attrValue += html.slice(start, end);
        },
        onattribentity: (codepoint) => {
          if (this.attrName !== '') this.attrValue += String.fromCodePoint(codepoint);
        },
        onattribend: () => {
          if (this.attrName !== '' && this.attrs[this.attrName] === undefined) this.attrs[this.attrName] = this.attrValue;
        },
        onopentagend: () => this.openTag(false),
        onselfclosingtag: () => this.openTag(true),
        onclosetag: (start, end) => this.closeTag(html.slice(start, end).toLowerCase()),
        ontext: (start, end) => this.text(html.slice(start, end)),
        ontextentity: (codepoint) => this.text(String.fromCodePoint(codepoint)),
        oncdata() {},
        oncomment() {},
        ondeclaration() {},
        onprocessinginstruction() {},
        onend() {},
        isInForeignContext: () => (this.open.get('svg') ?? 0) + (this.open.get('math') ?? 0) > 0,
      },
    );
    tokenizer.write(html);
    tokenizer.end();
    while (this.stack.length > 1) this.pop();
    this.flush();
    const lastTag = html.lastIndexOf('<');
    const insideTag = lastTag > html.lastIndexOf('>') && /^<[a-z/!?]/i.test(html.slice(lastTag, lastTag + 2));
    if (insideTag || (/<html[\s>]/i.test(html.slice(0, 4096)) && html.lastIndexOf('</html') < 0 && html.lastIndexOf('</HTML') < 0)) this.warnings.push('the document ends inside a tag or its text: it may be truncated');
    if (!this.lines.some((line) => line.text.trim() !== '')) this.warnings.push('the page has no text');
    while (this.lines.length > 0 && this.lines[this.lines.length - 1]!.text === '') this.lines.pop();
    return { lines: this.lines, metadata: this.meta.finish(this.warnings), warnings: this.warnings };
  }

  /** The 1-based source line of offset `index`; offsets only grow, so each newline is found once. */
  private lineAt(index: number): number {
    for (;;) {
      if (this.nextNewline === -2) this.nextNewline = this.html.indexOf('\n', this.scanPos);
      if (this.nextNewline === -1 || this.nextNewline >= index) return this.scanLine;
      this.scanLine++;
      this.scanPos = this.nextNewline + 1;
      this.nextNewline = -2;
    }
  }

  /** Offset of the next newline at or after scanPos; -2 when not looked for yet, -1 when there is none. */
  private nextNewline = -2;

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Pops elements down to and including the one at `depth`. */
  private popTo(depth: number): void {
    if (depth < 1) return;
    while (this.stack.length > depth) this.pop();
  }

  /** Finds the nearest open `names` element, not looking past `stop` elements; -1 when none. */
  private find(names: (name: string) => boolean, stop: Set<string>): number {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const name = this.stack[i]!.name;
      if (names(name)) return i;
      if (stop.has(name)) return -1;
    }
    return -1;
  }

  private isOpen(name: string): boolean {
    return (this.open.get(name) ?? 0) > 0;
  }

  private openTag(selfClosing: boolean): void {
    const name = this.tagName;
    const attrs = this.attrs;
    const foreign = this.isOpen('svg') || this.isOpen('math');
    if (name === 'meta' || name === 'link' || name === 'html') this.meta.element(name, attrs);
    if (name === 'time' && attrs.datetime !== undefined) {
      const time = this.meta.time(attrs.datetime);
      if (time !== null && !this.top().skip) this.pendingTimes.push(time);
    }

    // Anything but head content ends an unclosed <head> (the body starts, as the spec says).
    if (!HEAD_CONTENT.has(name) && this.isOpen('head')) this.closeHead();
    if (!foreign) this.impliedEnds(name);
    if (name === 'html' || name === 'body' || name === 'head') {
      if (this.isOpen(name)) return;
      if (name === 'body' && this.isOpen('head')) this.closeHead();
    }
    if (name === 'br') {
      this.flush();
      return;
    }
    if (VOID.has(name)) {
      if (name === 'hr') {
        this.flush();
        this.paragraphBreak();
      }
      return;
    }
    if (this.stack.length >= MAX_DEPTH) {
      if (!this.depthCapped) {
        this.depthCapped = true;
        this.warnings.push(`elements nest deeper than ${MAX_DEPTH}: deeper ones are rendered as siblings`);
      }
      this.pop();
    }
    this.push(name, attrs);
    if (selfClosing && foreign) this.pop();
    if ((name === 'title' && !foreign) || (name === 'script' && /^\s*application\/ld\+json\s*$/i.test(attrs.type ?? ''))) {
      this.collect = '';
      this.collectFor = name;
    }
  }

  private closeHead(): void {
    const at = this.find((n) => n === 'head', SCOPE);
    if (at > 0) this.popTo(at);
  }

  /** The end tags the HTML spec implies when `name` opens. */
  private impliedEnds(name: string): void {
    if (CLOSES_P.has(name) && this.isOpen('p')) {
      const at = this.find((n) => n === 'p', SCOPE);
      if (at > 0) this.popTo(at);
    }
    switch (name) {
      case 'li': {
        const at = this.find((n) => n === 'li', LI_STOP);
        if (at > 0) this.popTo(at);
        break;
      }
      case 'dd':
      case 'dt': {
        const at = this.find((n) => n === 'dd' || n === 'dt', LI_STOP);
        if (at > 0) this.popTo(at);
        break;
      }
      case 'td':
      case 'th': {
        const at = this.find((n) => n === 'td' || n === 'th', TABLE_SCOPE);
        if (at > 0) this.popTo(at);
        break;
      }
      case 'tr': {
        const at = this.find((n) => n === 'tr', TABLE_SCOPE);
        if (at > 0) this.popTo(at);
        break;
      }
      case 'thead':
      case 'tbody':
      case 'tfoot': {
        const at = this.find((n) => n === 'thead' || n === 'tbody' || n === 'tfoot', TABLE_SCOPE);
        if (at > 0) this.popTo(at);
        break;
      }
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': {
        if (HEADINGS[this.top().name]) this.pop();
        break;
      }
      case 'a': {
        if (this.isOpen('a')) {
          const at = this.find((n) => n === 'a', SPECIAL);
          if (at > 0) this.popTo(at);
        }
        break;
      }
      case 'option':
      case 'optgroup': {
        if (this.top().name === 'option') this.pop();
        break;
      }
    }
  }

  private closeTag(name: string): void {
    if (name === 'br') {
      this.flush();
      return;
    }
    if (name === 'html' || name === 'body') return;
    if (name === 'p' && !this.isOpen('p')) {
      this.flush();
      return;
    }
    if (!this.isOpen(name)) return;
    const stop = TABLE_PARTS.has(name) ? TABLE_SCOPE : SPECIAL.has(name) ? SCOPE : SPECIAL;
    const at = this.find((n) => n === name, stop);
    if (at > 0) this.popTo(at);
  }

  private push(name: string, attrs: Attributes): void {
    const parent = this.top();
    const depth = this.stack.length;
    const sourceLine = this.lineAt(this.tagStart);
    const cls = attrs.class;
    const id = attrs.id;
    const own = (cls !== undefined && cls.trim() !== '') || (id !== undefined && id.trim() !== '') ? `${cls ?? ''} ${id ?? ''}` : null;
    let landmarks = parent.landmarks;
    const landmark = (attrs.role !== undefined ? ROLE_LANDMARK.get(attrs.role.trim().toLowerCase()) : undefined) ?? (LANDMARK_TAGS.has(name) ? name : undefined);
    if (landmark !== undefined && landmarks[0] !== landmark) landmarks = [landmark, ...landmarks.filter((l) => l !== landmark)];
    const hidden =
      parent.hidden ||
      attrs.hidden !== undefined ||
      (attrs['aria-hidden'] ?? '').trim().toLowerCase() === 'true' ||
      (attrs.style !== undefined && HIDDEN_STYLE.test(attrs.style));
    const isList = name === 'ul' || name === 'ol' || name === 'menu' || name === 'dir';
    const frame: Frame = {
      name,
      depth,
      block: parent.block,
      parent,
      own,
      tokens: own === null ? parent.tokens : null,
      landmarks,
      hidden,
      heading: HEADING_LEVEL.get(name) ?? parent.heading,
      skip: parent.skip || (SKIP.has(name) && !(this.noscript && name === 'noscript')) || (hidden && !this.keepHidden),
      pre: parent.pre || name === 'pre' || name === 'listing' || name === 'xmp' || name === 'plaintext',
      link: parent.link || name === 'a',
      lists: parent.lists + (isList ? 1 : 0),
      tight: parent.tight || name === 'li' || name === 'td' || name === 'th' || name === 'dd' || name === 'dt',
      items: 0,
      ordered: name === 'ol',
      sourceLine,
      cells: 0,
    };
    if (BLOCK.has(name) || name === 'td' || name === 'th') frame.block = frame;
    if (name === 'body') this.bodyDepth = depth;
    if (BLOCK.has(name)) {
      this.flush();
      if (PARAGRAPH.has(name) && !parent.tight && !(isList && parent.lists > 0)) this.paragraphBreak();
    }
    if (name === 'td' || name === 'th') {
      // A cell after another in the same row: a separator, unless the row's line has been cut by a block.
      const row = this.nearest('tr');
      if (row && row.cells++ > 0 && this.buf !== '') {
        this.buf += CELL_SEPARATOR;
        this.space = false;
        this.lastLink = false;
      }
    }
    if (name === 'li') {
      const list = this.nearestList();
      const number = list ? ++list.items : 1;
      const indent = '  '.repeat(Math.max(1, frame.lists));
      this.bullet = frame;
      this.bulletText = `${indent}${list?.ordered ? `${number}.` : '•'} `;
    }
    this.stack.push(frame);
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
    if (frame.pre && !parent.pre) this.preStart = true;
  }

  private preStart = false;

  private nearest(name: string): Frame | undefined {
    for (let i = this.stack.length - 1, stop = Math.max(1, i - 64); i >= stop; i--) {
      const frame = this.stack[i]!;
      if (frame.name === name) return frame;
      if (frame.name === 'table') return undefined;
    }
    return undefined;
  }

  private nearestList(): Frame | undefined {
    for (let i = this.stack.length - 1, stop = Math.max(1, i - 64); i >= stop; i--) {
      const frame = this.stack[i]!;
      if (frame.name === 'ul' || frame.name === 'ol' || frame.name === 'menu' || frame.name === 'dir') return frame;
    }
    return undefined;
  }

  private pop(): void {
    const frame = this.stack.pop()!;
    this.open.set(frame.name, this.open.get(frame.name)! - 1);
    if (this.collect !== null && frame.name === this.collectFor) {
      this.meta.raw(frame.name, this.collect);
      this.collect = null;
    }
    if (BLOCK.has(frame.name)) {
      this.flush();
      const parent = this.top();
      if (PARAGRAPH.has(frame.name) && !parent.tight && !(frame.lists > 0 && parent.lists > 0 && frame.name !== 'pre')) this.paragraphBreak();
    }
    if (this.bullet === frame) this.bullet = null;
    if (frame.depth === this.bodyDepth) this.bodyDepth = -1;
  }

  private paragraphBreak(): void {
    this.blank = true;
  }

  private text(text: string): void {
    if (this.collect !== null) {
      this.collect += text;
      return;
    }
    const top = this.top();
    if (top.skip) return;
    if (top.pre) {
      let chunk = text.replace(/\r\n?/g, '\n');
      if (this.preStart) {
        this.preStart = false;
        if (chunk.startsWith('\n')) chunk = chunk.slice(1);
      }
      const parts = chunk.split('\n');
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) this.flush(true);
        const part = parts[i]!;
        if (part === '') continue;
        this.startLine(top);
        this.buf += part;
        if (top.link) this.linkChars += part.length;
      }
      return;
    }
    this.preStart = false;
    const collapsed = text.replace(SPACES, ' ');
    if (collapsed === ' ') {
      if (this.buf !== '') this.space = true;
      return;
    }
    if (collapsed === '') return;
    const lead = collapsed.charCodeAt(0) === 32;
    const trail = collapsed.charCodeAt(collapsed.length - 1) === 32;
    const word = collapsed.slice(lead ? 1 : 0, trail ? collapsed.length - 1 : collapsed.length);
    if (this.lineFrame === null) this.startLine(top);
    else if (lead || this.space) {
      this.buf += ' ';
      // A space between two pieces of link text is link text.
      if (top.link && this.lastLink) this.linkChars++;
    }
    this.buf += word;
    if (top.link) this.linkChars += word.length;
    this.lastLink = top.link;
    this.space = trail;
  }

  private lastLink = false;

  private startLine(top: Frame): void {
    if (this.lineFrame !== null) return;
    this.lineFrame = top.block;
    this.lineTop = top;
    this.linePath = this.path(top.block);
    this.lineTokens = tokensOf(top.block);
    if (this.bullet !== null) {
      this.buf = this.bulletText;
      this.bullet = null;
    } else if (top.lists > 0 && this.isOpen('li')) {
      this.buf = '  '.repeat(top.lists + 1);
    }
    this.prefix = this.buf.length;
  }

  private prefix = 0;

  /** Ends the line being built; `keepEmpty` makes an empty line inside `<pre>` a blank line. */
  private flush(keepEmpty = false): void {
    const frame = this.lineFrame;
    if (frame === null) {
      if (keepEmpty) this.blank = true;
      return;
    }
    const top = this.lineTop!;
    const text = this.buf;
    if (text.length === this.prefix) {
      // Only a list marker: the item's text comes later, on a line of its own.
      this.resetLine();
      return;
    }
    if (this.blank && this.lines.length > 0 && this.lines[this.lines.length - 1]!.text !== '') {
      this.lines.push({ n: this.lines.length + 1, text: '' });
    }
    this.blank = false;
    const markup: LineMarkup = {
      tag: frame.depth === 0 || frame.name === 'html' || frame.name === 'body' ? 'body' : frame.name,
      path: this.linePath,
      heading: frame.heading,
      linkChars: Math.min(this.linkChars, text.length - this.prefix),
      tokens: this.lineTokens,
      landmarks: frame.landmarks,
      hidden: top.hidden,
      sourceLine: frame.sourceLine,
    };
    this.lines.push({ n: this.lines.length + 1, text, markup });
    if (this.pendingTimes.length > 0) {
      for (const time of this.pendingTimes) time.line = this.lines.length;
      this.pendingTimes = [];
    }
    this.resetLine();
  }

  private resetLine(): void {
    this.buf = '';
    this.lastLink = false;
    this.space = false;
    this.linkChars = 0;
    this.lineFrame = null;
    this.lineTop = null;
    this.prefix = 0;
  }

  private path(frame: Frame): string[] {
    const from = this.bodyDepth >= 0 && this.bodyDepth <= frame.depth ? this.bodyDepth + 1 : 1;
    const path: string[] = [];
    const start = Math.max(from, frame.depth + 1 - MAX_PATH);
    if (start > from) path.push('…');
    for (let i = start; i <= frame.depth; i++) {
      const name = this.stack[i]!.name;
      if (name !== 'html' && name !== 'body') path.push(name);
    }
    return path;
  }
}

const LI_STOP = new Set([...SPECIAL].filter((name) => name !== 'address' && name !== 'div' && name !== 'p' && name !== 'li' && name !== 'dd' && name !== 'dt'));
const TABLE_SCOPE = new Set(['html', 'table', 'template']);
const HEAD_CONTENT = new Set(['head', 'meta', 'link', 'title', 'script', 'style', 'base', 'basefont', 'bgsound', 'noscript', 'template', 'html']);
const TABLE_PARTS = new Set(['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/** The class and id tokens of a frame and its ancestors, nearest first; each frame's list is worked out once. */
function tokensOf(frame: Frame): string[] {
  const todo: Frame[] = [];
  let f: Frame | null = frame;
  while (f !== null && f.tokens === null) {
    todo.push(f);
    f = f.parent;
  }
  for (let i = todo.length - 1; i >= 0; i--) {
    const g = todo[i]!;
    const inherited = g.parent?.tokens ?? [];
    if (g.own === null) {
      g.tokens = inherited;
      continue;
    }
    const tokens: string[] = [];
    for (const token of g.own!.toLowerCase().split(SPACES)) if (token !== '' && !tokens.includes(token) && tokens.length < MAX_TOKENS) tokens.push(token);
    for (const token of inherited) {
      if (tokens.length >= MAX_TOKENS) break;
      if (!tokens.includes(token)) tokens.push(token);
    }
    g.tokens = tokens;
  }
  return frame.tokens!;
}
