// Types of systems.js, for the TypeScript tests.
export interface Page {
  id: string;
  url: string;
  html?: string;
  htmlBytes?: Uint8Array;
  txt?: string;
  txtBytes?: Uint8Array;
}
export interface Answer {
  text: string;
  title: string;
  author: string;
  published: string;
  error: string | null;
}
export interface System {
  name: string;
  input: 'html' | 'txt';
  target?: boolean;
  run(page: Page): Answer | Promise<Answer>;
}
export function keepEveryLine(page: Page): Answer;
export function keepLongLines(n: number): (page: Page) => Answer;
export function readability(page: Page): Answer;
export function defuddle(page: Page): Promise<Answer>;
export function systems(options?: { minWords?: number[]; declutterOptions?: Record<string, unknown> }): System[];
