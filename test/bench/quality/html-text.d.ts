// Types of html-text.js, for the TypeScript tests.
export function htmlText(root: { firstChild: unknown }): string;
