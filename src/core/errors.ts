/**
 * Failures a user can cause: each carries a code and a one-line message that
 * the CLI prints as `declutter: <path>: <message>`, never a stack trace.
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
  | 'strict'
  | 'io';

export class DeclutterError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DeclutterError';
    this.code = code;
  }
}

export function isDeclutterError(error: unknown): error is DeclutterError {
  return error instanceof DeclutterError;
}

/** Node's file-system errors in the words of the message a user reads. */
export function fromSystemError(error: unknown): DeclutterError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new DeclutterError('not-found', 'no such file');
    case 'EISDIR':
      return new DeclutterError('is-directory', 'is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return new DeclutterError('permission-denied', 'permission denied');
    case 'ENOSPC':
      return new DeclutterError('io', 'no space left on device');
    case 'EROFS':
      return new DeclutterError('io', 'read-only file system');
    case 'ENOTDIR':
      return new DeclutterError('not-found', 'a component of the path is not a directory');
    case 'ELOOP':
      return new DeclutterError('not-found', 'too many levels of symbolic links');
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new DeclutterError('io', code ? `${code.toLowerCase()}: ${message}` : message);
    }
  }
}
