// Types of targets.js, for the TypeScript tests.
export const RS_TRAFILATURA: Record<string, number>;
export interface Target {
  input: 'html' | 'txt';
  what: string;
  path: string[];
  min?: number;
  max?: number;
  unit?: string;
}
export const TARGETS: Target[];
export interface Check {
  input: string;
  what: string;
  value: number | null;
  measured: string;
  want: string;
  ok: boolean;
}
export function checkTargets(result: { input: string; [key: string]: unknown }): Check[];
