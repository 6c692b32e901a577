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
