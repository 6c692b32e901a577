import { lstatSync } from 'node:fs';
import type { Command } from 'commander';
import { closestWord } from '../cleaners/validate.js';
import { UsageError } from './diagnostics.js';

const USAGE_HINT = '(run declutter --help for usage)';

/** The names (and aliases) of the program's commands, as typed. */
export function commandNames(program: Command): string[] {
  return program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
}

/**
 * Refuses an input in the command position that is a mistyped command: no
 * file or directory of that name exists, it is no path or pattern, and a
 * command is one or two edits away (`declutter chek pages`). Nothing is
 * cleaned then; a file that does exist under such a name is still cleaned.
 */
export function refuseMistypedCommand(word: string | undefined, program: Command): void {
  if (word === undefined || word === '-' || /[/\\.*?[\]{}!]/.test(word) || exists(word)) return;
  const command = closestWord(word, commandNames(program));
  if (command !== null) throw new UsageError(`unknown command '${word}' (did you mean ${command}?)`, USAGE_HINT);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** `declutter help [command]`: the program's help, or a command's. */
export function showHelp(program: Command, name: string | undefined): void {
  if (name === undefined) return program.outputHelp();
  const command = program.commands.find((candidate) => candidate.name() === name || candidate.aliases().includes(name));
  if (command !== undefined) return command.outputHelp();
  const near = closestWord(name, commandNames(program));
  throw new UsageError(`unknown command '${name}'${near === null ? '' : ` (did you mean ${near}?)`}`, USAGE_HINT);
}
