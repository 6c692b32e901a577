/**
 * Bytes (or text) → lines: the one place that picks the reader. HTML is
 * recognized by its content (a doctype, `<html`, leading markup), whatever
 * the file is called, so a `.txt` file or standard input holding HTML is read
 * as HTML; anything else is a text dump.
 *
 * The HTML reader (htmlparser2 and the renderer on top of it) is not
 * imported here: loading it costs more than cleaning a text page, so a text
 * page must not pay for it. Whoever runs the pipeline hands it in, as the
 * `htmlReader` option or once with `setHtmlReader` (the library does the
 * former, the CLI the latter with a reader it loads on the first HTML page).
 */
import { binaryReason } from '../pipeline/decode/binary.js';
import { decodeBytes, decodeText, type DecodedText } from '../pipeline/decode/index.js';
import { DeclutterError } from '../pipeline/errors.js';
import type { Line } from '../pipeline/types.js';
import { htmlCharset, isHtml } from './html/sniff.js';
import type { HtmlDocument } from './html/types.js';
import { normalizeLine, splitLines } from './text.js';
import type { DocumentMetadata } from './types.js';

export type InputKind = 'text' | 'html';

/** What the pipeline needs of an HTML reader (src/input/html/index.ts is one). */
export interface HtmlReader {
  parseHtml(text: string): HtmlDocument;
}

/** A reader, or a function that loads one when the first HTML page comes. */
export type HtmlReaderSource = HtmlReader | (() => HtmlReader);

export interface ReadOptions {
  /** Force this encoding (a WHATWG label) instead of detecting one. */
  encoding?: string | undefined;
  /** The HTML reader to use for this page; default: the one given to `setHtmlReader`. */
  htmlReader?: HtmlReaderSource | undefined;
}

export interface InputDocument {
  kind: InputKind;
  decoded: DecodedText;
  lines: Line[];
  /** What the document states about itself (HTML only; null for text). */
  metadata: DocumentMetadata | null;
  /** What was wrong with the page's markup (HTML only), for the article's warnings. */
  warnings: string[];
}

let registered: HtmlReaderSource | null = null;
let loaded: HtmlReader | null = null;

/** Sets the HTML reader used when a page's options name none (a loader is called at most once). */
export function setHtmlReader(reader: HtmlReaderSource | null): void {
  registered = reader;
  loaded = null;
}

function resolveReader(option: HtmlReaderSource | undefined): HtmlReader | null {
  if (option !== undefined) return typeof option === 'function' ? option() : option;
  if (loaded) return loaded;
  if (registered === null) return null;
  loaded = typeof registered === 'function' ? registered() : registered;
  return loaded;
}

/** How many leading bytes are enough to tell HTML from text (isHtml looks at 4 KB after comments). */
const SNIFF_BYTES = 65536;

/**
 * Decodes the input and renders it to lines with the right reader. For HTML
 * bytes, the charset the document declares is used when no byte-order mark
 * says otherwise and no encoding is forced; a declared charset the bytes do
 * not fit, or one that names no encoding, falls back to the usual decoding,
 * with a warning. Binary content is refused here, before any rendering.
 */
export function readInput(input: string | Uint8Array, options: ReadOptions = {}): InputDocument {
  let decoded: DecodedText;
  if (typeof input === 'string') {
    decoded = decodeText(input);
  } else if (options.encoding || hasBom(input) || !isHtml(latin1(input.subarray(0, SNIFF_BYTES)))) {
    decoded = decodeBytes(input, options.encoding);
  } else {
    decoded = decodeDeclared(input);
  }
  const binary = binaryReason(decoded.text);
  if (binary) throw new DeclutterError('binary', binary.reason, binary.encoding ? { encoding: binary.encoding } : {});
  if (!isHtml(decoded.text)) return { kind: 'text', decoded, lines: splitLines(decoded.text), metadata: null, warnings: [] };

  const reader = resolveReader(options.htmlReader);
  if (reader === null) throw new DeclutterError('bad-option', 'this page is HTML, and no HTML reader was given to read it');
  const document = reader.parseHtml(decoded.text);
  const lines: Line[] = document.lines.map((line) => {
    const out: Line = { n: line.n, text: normalizeLine(line.text) };
    if (line.markup) out.markup = line.markup;
    return out;
  });
  return { kind: 'html', decoded, lines, metadata: document.metadata, warnings: document.warnings };
}

/** HTML bytes without a BOM: the declared charset, else the usual UTF-8 / Windows-1252 decoding. */
function decodeDeclared(bytes: Uint8Array): DecodedText {
  const charset = htmlCharset(bytes);
  if (charset === null || charset === 'utf-8') return decodeBytes(bytes);
  try {
    return decodeBytes(bytes, charset);
  } catch {
    const decoded = decodeBytes(bytes);
    decoded.warnings.unshift(`the page declares charset ${charset}, which its bytes are not; decoded as ${decoded.encoding}`);
    return decoded;
  }
}

function hasBom(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  );
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
