import type { ErrorCode, ErrorDetails } from '../pipeline/errors.js';

/**
 * Characters that must not reach a terminal as they are: C0 and C1 controls
 * (ESC starts sequences that set the title, clear the screen or move the
 * cursor; a newline forges a line of its own), DEL, and the bidirectional
 * controls that reorder what is shown (U+202E). Tab is kept.
 */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/**
 * Text from outside (file names, page text) made safe to print for people:
 * each unsafe character becomes a visible escape (`\x1b`, `\n`, `\u202e`).
 * Everything declutter prints for people goes through this; JSON output
 * stays exact.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `declutter: <path>: <what is wrong>`: one line on stderr per problem, escaped. */
export function printError(path: string | null, message: string): void {
  process.stderr.write(escapeForTerminal(path === null ? `declutter: ${message}` : `declutter: ${path}: ${message}`) + '\n');
}

export function printWarning(path: string | null, message: string): void {
  process.stderr.write(escapeForTerminal(path === null ? `declutter: warning: ${message}` : `declutter: ${path}: warning: ${message}`) + '\n');
}

/** A mistake in how declutter was called: exit code 2. */
export class UsageError extends Error {
  /** A line of our own to print after the message (where to read the usage), not escaped. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
    this.name = 'UsageError';
  }
}

/**
 * A library error's message with the advice that names declutter's flags:
 * the library says what is wrong, the CLI says which flag changes it.
 */
export function withAdvice(error: { code: ErrorCode; message: string; details?: ErrorDetails | undefined }): string {
  const { message, details = {} } = error;
  switch (error.code) {
    case 'unrecognized':
      return `${message}; use --source`;
    case 'strict':
      return `${message} (--strict)`;
    case 'decode':
      return details.encoding ? `${message} (forced by --encoding)` : message;
    case 'too-large':
      return message.endsWith(' limit)') ? `${message.slice(0, -1)}, see --max-bytes)` : message;
    case 'binary':
      return details.encoding && message.endsWith(')') ? `${message.slice(0, -1)}: try --encoding ${details.encoding})` : message;
    default:
      return message;
  }
}
