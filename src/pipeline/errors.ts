/**
 * Failures a user can cause: each carries a code, a one-line message and
 * details for a program to act on. The CLI prints the message as
 * `declutter: <path>: <message>`, never a stack trace, with advice naming
 * its flags added (cli/diagnostics.ts): library messages name no flag.
 */
export type ErrorCode =
  | 'not-found'
  | 'is-directory'
  | 'permission-denied'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'decode'
  | 'unrecognized'
  | 'unknown-source'
  | 'bad-option'
  | 'bad-cleaner'
  | 'strict'
  | 'bad-record'
  | 'io';

/** What a program may want to know beyond the message; each key is set only by the codes that name it. */
export interface ErrorDetails {
  /** `unrecognized`, `unknown-source`: the ids of the cleaners in use. */
  cleaners?: string[];
  /** `unknown-source`: the id asked for. */
  source?: string;
  /** `strict`: the warnings that failed the page. */
  warnings?: string[];
  /** `decode`: the encoding the caller forced; `binary`: the UTF-16 the text may be, without a byte-order mark. */
  encoding?: string;
  /** `too-large`: the limit in bytes, and the size when it is known. */
  maxBytes?: number;
  size?: number | null;
  /** Validation of a cleaner definition: the cleaner and the rule at fault. */
  cleaner?: string;
  rule?: string;
  /** A cleaner file at fault, the place inside it (`zones.body[1].match`) and the problem at that place. */
  file?: string;
  path?: string;
  problem?: string;
}

export class DeclutterError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'DeclutterError';
    this.code = code;
    this.details = details;
  }
}

export function isDeclutterError(error: unknown): error is DeclutterError {
  return error instanceof DeclutterError;
}

/** Errno codes in the words a user reads; the code itself adds nothing for them. */
const SYSTEM_MESSAGES: Record<string, [ErrorCode, string]> = {
  ENOENT: ['not-found', 'no such file'],
  ENOTDIR: ['not-found', 'a component of the path is not a directory'],
  ELOOP: ['not-found', 'too many levels of symbolic links'],
  ENAMETOOLONG: ['not-found', 'file name too long'],
  EISDIR: ['is-directory', 'is a directory, not a file'],
  EACCES: ['permission-denied', 'permission denied'],
  EPERM: ['permission-denied', 'permission denied'],
  EEXIST: ['io', 'a file is in the way of a directory that must be created'],
  ENOSPC: ['io', 'no space left on device'],
  EDQUOT: ['io', 'disk quota exceeded'],
  EFBIG: ['io', 'file too large for the file system or the file size limit'],
  EROFS: ['io', 'read-only file system'],
  EIO: ['io', 'input/output error'],
  EMFILE: ['io', 'too many open files'],
  ENFILE: ['io', 'too many open files in the system'],
  ENXIO: ['io', 'no such device or address'],
  EBUSY: ['io', 'resource busy'],
};

/** Node's file-system errors in the words of the message a user reads. */
export function fromSystemError(error: unknown): DeclutterError {
  if (error instanceof DeclutterError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const known = code ? SYSTEM_MESSAGES[code] : undefined;
  if (known) return new DeclutterError(known[0], known[1]);
  const message = error instanceof Error ? error.message : String(error);
  // Node writes `CODE: description, syscall 'path'`; the path is already on the line, so keep the description.
  const description = /^[A-Z0-9]+: ([^,]+)/.exec(message)?.[1] ?? message;
  return new DeclutterError('io', code ? `${description} (${code})` : description);
}
