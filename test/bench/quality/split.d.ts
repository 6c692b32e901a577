// Types of split.js, for the TypeScript tests.
export const HOLDOUT_SHARE: number;
export function splitHost(url: string): string;
export function isHeldOut(url: string, share?: number): boolean;
export function holdoutIds(pages: Record<string, { url: string }>, share?: number): string[];
export function trainIds(pages: Record<string, { url: string }>, share?: number): string[];
