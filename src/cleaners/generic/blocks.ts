/**
 * Rejoins the physical lines of a page into blocks: one paragraph, heading,
 * list item or table row each. Text dumps made at a fixed width (w3m's
 * `-cols 200`, for instance) wrap long paragraphs onto several lines; a line
 * is a continuation of the one before when the one before was full, that is
 * when the next word would not have fitted on it.
 */
import type { LineMarkup } from '../../input/types.js';

export interface BlockLine {
  n: number;
  text: string;
  markup?: LineMarkup;
}

export interface Block {
  /** Indexes into the input lines, in order. */
  lines: number[];
  /** The block's text, its lines joined by single spaces, bullet kept. */
  text: string;
  /** Leading spaces of the first line. */
  indent: number;
  /** The bullet that opens the block ('•', '□', '◦', '1.', '-', …) or ''. */
  bullet: string;
  /** The text without indentation and bullet. */
  bare: string;
  /** Blank lines right before and right after the block. */
  blankBefore: boolean;
  blankAfter: boolean;
  markup?: LineMarkup;
}

/** The leading run of non-space characters, as `split(/\s+/u)[0]` gives it for a trimmed line. */
const FIRST_WORD = /^\S*/u;
const BULLET = /^(\s*)([•□◦▪●○■◆▶►‣⁃∙·*\-–—+]|\(?\d{1,3}[.)]|\(?[a-z][.)])(\s+)/u;

/** Display columns of a string: East Asian wide and fullwidth characters take two. */
export function displayWidth(s: string): number {
  // fast path: below U+1100 (and no surrogates) every character takes one column
  let narrow = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && (c <= 0x36f || c >= 0x1100)) {
      narrow = false;
      break;
    }
  }
  if (narrow) return s.length;
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x1100) w += 1;
    else if (
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
    )
      w += 2;
    else if (c >= 0x300 && c <= 0x36f) w += 0;
    else w += 1;
  }
  return w;
}

/**
 * The width a dump was wrapped at, or 0 when it shows no wrapping: the
 * widest line, provided that at least two lines come within a tenth of it
 * and are followed by another text line.
 */
export function wrapWidth(texts: string[]): number {
  return widthOf(
    texts.map((t) => displayWidth(t.trimEnd())),
    texts.map((t) => t.trim() === ''),
  );
}

/** wrapWidth from each line's display width (trailing spaces left out) and blankness. */
function widthOf(widths: number[], blank: boolean[]): number {
  let max = 0;
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]!;
    if (w > max && w <= 400 && i + 1 < blank.length && !blank[i + 1]) max = w;
  }
  if (max < 60) return 0;
  let near = 0;
  for (let i = 0; i < widths.length; i++) {
    if (widths[i]! >= max * 0.9 && i + 1 < blank.length && !blank[i + 1]) near++;
  }
  return near >= 2 ? max : 0;
}

function leading(s: string): number {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

export function splitBullet(text: string): { indent: number; bullet: string; bare: string; textStart: number } {
  const m = BULLET.exec(text);
  if (m) {
    const indent = m[1]!.length;
    return { indent, bullet: m[2]!, bare: text.slice(m[0].length).trim(), textStart: m[0].length };
  }
  const indent = leading(text);
  return { indent, bullet: '', bare: text.trim(), textStart: indent };
}

/** Groups lines into blocks. Lines with markup are never joined (the reader already made one line a block). */
export function toBlocks(lines: BlockLine[]): Block[] {
  const hasMarkup = lines.some((l) => l.markup);
  const blank = lines.map((l) => l.text.trim() === '');
  // display widths only for a dump, where lines may be wrapped
  const widths = hasMarkup ? [] : lines.map((l) => displayWidth(l.text.trimEnd()));
  const width = hasMarkup ? 0 : widthOf(widths, blank);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (blank[i]) {
      i++;
      continue;
    }
    const head = splitBullet(first.text);
    const idx = [i];
    const parts = [first.text.trim()];
    while (width > 0 && i + 1 < lines.length) {
      const next = lines[i + 1]!.text;
      if (blank[i + 1]) break;
      const nb = splitBullet(next);
      if (nb.bullet !== '' && nb.bullet !== '-' && nb.bullet !== '–') break;
      const nextIndent = leading(next);
      if (nextIndent < head.indent || (head.bullet !== '' && nextIndent < head.textStart)) break;
      const firstWord = FIRST_WORD.exec(next.trim())?.[0] ?? '';
      if (widths[i]! + 1 + displayWidth(firstWord) <= width) break;
      i++;
      idx.push(i);
      parts.push(next.trim());
    }
    const text = parts.join(' ');
    const blankBefore = idx[0]! === 0 || blank[idx[0]! - 1]!;
    const last = idx[idx.length - 1]!;
    const blankAfter = last === lines.length - 1 || blank[last + 1]!;
    const block: Block = {
      lines: idx,
      text,
      indent: head.indent,
      bullet: head.bullet,
      bare: head.bullet ? text.replace(BULLET, '').trim() : text,
      blankBefore,
      blankAfter,
    };
    if (first.markup) block.markup = first.markup;
    blocks.push(block);
    i++;
  }
  return blocks;
}
