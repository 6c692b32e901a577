import { Chalk, type ChalkInstance } from 'chalk';
import { colorMode } from './color-mode.js';

/**
 * Colours for one output stream meant for people: in auto mode only when it
 * is a terminal. Output for programs (JSON, NDJSON, Markdown) never asks.
 */
export function colorsFor(stream: NodeJS.WriteStream): ChalkInstance {
  const mode = colorMode();
  const wanted = mode === 'always' || (mode === 'auto' && stream.isTTY === true);
  return new Chalk({ level: wanted ? 1 : 0 });
}
