import type { EventEmitter } from 'node:events';
import type { Command, Option } from 'commander';
import { VERSION } from '../version.js';

/**
 * The manual page, declutter(1) in roff, made from the program's own
 * definitions: the same usage lines, option terms and descriptions (with
 * choices and defaults), and the same examples and notes as --help.
 */
export function manPage(program: Command): string {
  const help = program.createHelp();
  const lines = [
    `.TH DECLUTTER 1 "" "declutter ${VERSION}" "User Commands"`,
    '.SH NAME',
    `declutter \\- ${roffText(lowerFirst(program.description().replace(/\.$/, '')))}`,
    '.SH SYNOPSIS',
  ];
  for (const command of [program, ...program.commands]) {
    lines.push('.B', roffText(help.commandUsage(command)), '.br');
  }
  lines.pop();
  lines.push('.SH DESCRIPTION', roffText(program.description()));
  lines.push('.SH OPTIONS', ...optionItems(program));
  lines.push(...afterHelp(program, '.SH'));
  lines.push('.SH COMMANDS');
  for (const command of program.commands) {
    lines.push(`.SS ${roffQuoted(help.commandUsage(command))}`, roffText(command.description()));
    const options = optionItems(command);
    if (options.length > 0) lines.push('.PP', 'Options:', '.RS', ...options, '.RE');
    lines.push(...afterHelp(command, '.PP'));
  }
  lines.push('.SH ENVIRONMENT', '.TP', '.B NO_COLOR', 'Any value but the empty one: no colours (unless --color says otherwise).', '.TP', '.B FORCE_COLOR', '0 or false: no colours; 1, 2, 3, true or empty: colours even when not on a terminal (unless NO_COLOR or --color says otherwise).');
  return `${lines.join('\n')}\n`;
}

function optionItems(command: Command): string[] {
  const help = command.createHelp();
  return help.visibleOptions(command).flatMap((option) => ['.TP', optionTerm(option), roffText(help.optionDescription(option))]);
}

/** `-f, --format <format>` in bold, the value in italics. */
function optionTerm(option: Option): string {
  return option.flags
    .split(/(<[^>]+>|\[[^\]]+\])/)
    .map((part, index) => (part === '' ? '' : index % 2 === 1 ? `\\fI${roffText(part)}\\fR` : `\\fB${roffText(part)}\\fR`))
    .join('');
}

/**
 * The text a command adds after its --help (examples, notes, exit status):
 * a block that starts with `Heading:` gets that heading (a section of its
 * own for the program), example lines stay as they are, prose is filled.
 */
function afterHelp(command: Command, heading: '.SH' | '.PP'): string[] {
  let text = '';
  // addHelpText() listens for this event of the command (an EventEmitter, which commander's types leave out).
  (command as unknown as EventEmitter).emit('afterHelp', { error: false, command, write: (chunk: string) => (text += chunk) });
  const lines: string[] = [];
  for (const block of text.trim().split(/\n\s*\n/)) {
    const rows = block.split('\n');
    const titled = /^([A-Z][a-z]+(?: [a-z]+)?):(?: (.*))?$/.exec(rows[0]!);
    if (titled) {
      lines.push(heading === '.SH' ? `.SH ${roffQuoted(titled[1]!.toUpperCase())}` : `.PP\n\\fB${roffText(titled[1]!)}:\\fR`);
      rows[0] = heading === '.SH' ? upperFirst(titled[2] ?? '') : (titled[2] ?? '');
      if (rows[0] === '') rows.shift();
      if (heading === '.PP' && rows.length > 0 && !rows[0]!.startsWith(' ')) lines.push('.br');
    } else {
      lines.push('.PP');
    }
    if (rows.some((row) => row.startsWith('  '))) {
      lines.push('.nf', ...rows.map(roffText), '.fi');
    } else {
      lines.push(...rows.map(roffText));
    }
  }
  return lines;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Text as roff shows it: backslashes escaped, minus signs kept (options stay typeable), no line taken for a request, characters beyond ASCII by code. */
function roffText(text: string): string {
  const escaped = text
    .replaceAll('\\', '\\e')
    .replaceAll('-', '\\-').replace(/[^\x00-\x7f]/gu, (char) => `\\[u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
  return /^[.']/.test(escaped) ? `\\&${escaped}` : escaped;
}

function roffQuoted(text: string): string {
  return `"${roffText(text).replaceAll('"', '\\(dq')}"`;
}
