import type { ErrorCode, ErrorDetails } from '../pipeline/errors.js';

/** `declutter: <path>: <what is wrong>`: one line on stderr per problem. */
export function printError(path: string | null, message: string): void {
  process.stderr.write(path === null ? `declutter: ${message}\n` : `declutter: ${path}: ${message}\n`);
}

export function printWarning(path: string, message: string): void {
  process.stderr.write(`declutter: ${path}: warning: ${message}\n`);
}

/** A mistake in how declutter was called: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
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
