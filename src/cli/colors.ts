import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colours for one output stream: only when it is a terminal, and never when
 * NO_COLOR is set (https://no-color.org), whatever the terminal says.
 */
export function colorsFor(stream: NodeJS.WriteStream): ChalkInstance {
  const wanted = stream.isTTY === true && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
  return new Chalk({ level: wanted ? 1 : 0 });
}
