import type { Command, Option } from 'commander';
import { VERSION } from '../version.js';

/**
 * Shell completion scripts, made from the program's own definitions (the
 * ones --help shows): its commands, their options, and the choices of
 * options and arguments. Nothing here names an option.
 */

export type Shell = 'bash' | 'zsh' | 'fish';

export interface OptionModel {
  /** As typed: `-f`, `--format`. */
  flags: string[];
  description: string;
  /** What the option takes, or null for a switch. */
  value: { name: string; complete: Completion } | null;
  /** Can be given more than once (it collects a list). */
  repeatable: boolean;
}

/** What a value or an operand completes to: files, directories, these words, or nothing to offer. */
export type Completion = { kind: 'files' } | { kind: 'dirs' } | { kind: 'words'; words: string[] } | { kind: 'none' };

export interface CommandModel {
  /** Empty for the program itself. */
  name: string;
  summary: string;
  options: OptionModel[];
  operands: Completion;
}

/** The program and each of its commands, as completion sees them. */
export function describeProgram(program: Command): CommandModel[] {
  const names = program.commands.map((command) => command.name());
  return [program, ...program.commands].map((command) => {
    const help = command.createHelp();
    const argument = command.registeredArguments[0];
    const operands: Completion =
      argument === undefined
        ? { kind: 'none' }
        : argument.argChoices
          ? { kind: 'words', words: [...argument.argChoices] }
          : argument.name() === 'command'
            ? { kind: 'words', words: names }
            : { kind: 'files' };
    return {
      name: command === program ? '' : command.name(),
      summary: command.summary() || command.description(),
      options: help.visibleOptions(command).map(optionModel),
      operands,
    };
  });
}

function optionModel(option: Option): OptionModel {
  const flags = [option.short, option.long].filter((flag): flag is string => flag !== undefined);
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1];
  const complete: Completion = option.argChoices
    ? { kind: 'words', words: [...option.argChoices] }
    : valueName === 'dir'
      ? { kind: 'dirs' }
      : valueName !== undefined && /^file/.test(valueName)
        ? { kind: 'files' }
        : { kind: 'none' };
  return {
    flags,
    description: option.description,
    value: valueName === undefined ? null : { name: valueName, complete },
    repeatable: Array.isArray(option.defaultValue),
  };
}

export function completionScript(shell: Shell, program: Command): string {
  const model = describeProgram(program);
  switch (shell) {
    case 'bash':
      return bashScript(model);
    case 'zsh':
      return zshScript(model);
    case 'fish':
      return fishScript(model);
  }
}

/** A word in single quotes for a POSIX shell (bash, zsh). */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A shell function name for a command (the program's own is `__declutter`, `_declutter` the entry point). */
function functionName(command: CommandModel): string {
  return `__declutter${command.name === '' ? '' : `_${command.name.replace(/[^A-Za-z0-9]/g, '_')}`}`;
}

function bashCompletion(completion: Completion): string {
  switch (completion.kind) {
    case 'files':
      return 'compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur")';
    case 'dirs':
      return 'compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur")';
    case 'words':
      return `mapfile -t COMPREPLY < <(compgen -W ${quote(completion.words.join(' '))} -- "$cur")`;
    case 'none':
      return 'COMPREPLY=()';
  }
}

function bashScript(model: CommandModel[]): string {
  const [root, ...commands] = model as [CommandModel, ...CommandModel[]];
  const valueFlags = (command: CommandModel) => command.options.filter((option) => option.value !== null).flatMap((option) => option.flags);
  const lines = [
    `# bash completion for declutter ${VERSION}, made by \`declutter completion bash\` from its own option definitions.`,
    '# Load it with: source <(declutter completion bash)',
    '',
  ];
  for (const command of model) {
    lines.push(`${functionName(command)}() {`);
    const withValues = command.options.filter((option) => option.value !== null);
    if (withValues.length > 0) {
      lines.push('  case "$prev" in');
      for (const option of withValues) lines.push(`    ${option.flags.join('|')}) ${bashCompletion(option.value!.complete)}; return ;;`);
      lines.push('  esac');
    }
    lines.push(`  if [[ "$cur" == -* ]]; then mapfile -t COMPREPLY < <(compgen -W ${quote(command.options.flatMap((option) => option.flags).join(' '))} -- "$cur"); return; fi`);
    if (command === root) {
      // The first operand may be a command as well as a page.
      lines.push(`  if [[ -z "$operand" ]]; then compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -W ${quote(commands.map((c) => c.name).join(' '))} -- "$cur"; compgen -f -- "$cur"); return; fi`);
    }
    lines.push(`  ${bashCompletion(command.operands)}`, '}', '');
  }
  lines.push(
    '_declutter() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" operand="" word i',
    '  ((COMP_CWORD > 0)) && prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  # The command is the first word that is neither an option of declutter nor its value.',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    word="${COMP_WORDS[i]}"',
    '    case "$word" in',
    ...(valueFlags(root).length > 0 ? [`      ${valueFlags(root).join('|')}) ((i++)) ;;`] : []),
    '      -*) ;;',
    '      *) operand="$word"; break ;;',
    '    esac',
    '  done',
    '  case "$operand" in',
    ...commands.map((command) => `    ${quote(command.name)}) ${functionName(command)} ;;`),
    `    *) ${functionName(root)} ;;`,
    '  esac',
    '}',
    'complete -F _declutter declutter',
    '',
  );
  return lines.join('\n');
}

/** Text inside an _arguments `[description]` or a `name:description` pair. */
function zshText(text: string): string {
  return text.replace(/([\\[\]:])/g, '\\$1');
}

function zshAction(completion: Completion): string {
  switch (completion.kind) {
    case 'files':
      return '_files';
    case 'dirs':
      return '_files -/';
    case 'words':
      return `(${completion.words.join(' ')})`;
    case 'none':
      return ' ';
  }
}

function zshSpecs(command: CommandModel): string[] {
  return command.options.map((option) => {
    const exclusive = option.repeatable ? '*' : option.flags.length > 1 ? `(${option.flags.join(' ')})` : '';
    const names = option.flags.length > 1 ? `{${option.flags.join(',')}}` : option.flags[0]!;
    const value = option.value === null ? '' : `:${zshText(option.value.name)}:${zshAction(option.value.complete)}`;
    const spec = `[${zshText(option.description)}]${value}`;
    return option.flags.length > 1 ? `${exclusive ? quote(exclusive) : ''}${names}${quote(spec)}` : quote(`${exclusive}${names}${spec}`);
  });
}

function zshOperands(command: CommandModel): string {
  return command.operands.kind === 'none' ? '' : quote(`*:${command.name || 'input'}:${zshAction(command.operands)}`);
}

function zshScript(model: CommandModel[]): string {
  const [root, ...commands] = model as [CommandModel, ...CommandModel[]];
  const lines = [
    '#compdef declutter',
    `# zsh completion for declutter ${VERSION}, made by \`declutter completion zsh\` from its own option definitions.`,
    '',
  ];
  for (const command of commands) {
    lines.push(`${functionName(command)}() {`, '  _arguments -s -S \\');
    for (const spec of [...zshSpecs(command), zshOperands(command)].filter(Boolean)) lines.push(`    ${spec} \\`);
    lines.push('    && return 0', '  return 1', '}', '');
  }
  lines.push(
    '__declutter_commands() {',
    '  local -a commands',
    `  commands=(${commands.map((command) => quote(`${zshText(command.name)}:${command.summary}`)).join(' ')})`,
    "  _describe -t commands 'declutter command' commands",
    '}',
    '',
    '_declutter() {',
    '  local curcontext="$curcontext" state line ret=1',
    '  typeset -A opt_args',
    '  _arguments -s -S -C \\',
    ...zshSpecs(root).map((spec) => `    ${spec} \\`),
    "    '1: :->first' \\",
    "    '*:: :->rest' && return 0",
    '  case $state in',
    "    first) _alternative 'commands:command:__declutter_commands' 'files:input:_files' && ret=0 ;;",
    '    rest)',
    '      case $line[1] in',
    ...commands.map((command) => `        ${command.name}) ${functionName(command)} && ret=0 ;;`),
    '        *)',
    '          _arguments -s -S \\',
    ...zshSpecs(root).map((spec) => `            ${spec} \\`),
    `            ${zshOperands(root)} && ret=0`,
    '          ;;',
    '      esac',
    '      ;;',
    '  esac',
    '  return ret',
    '}',
    '',
    'if [[ $zsh_eval_context[-1] == loadautofunc ]]; then',
    '  _declutter "$@"',
    'else',
    '  compdef _declutter declutter',
    'fi',
    '',
  );
  return lines.join('\n');
}

function fishQuote(text: string): string {
  return `'${text.replace(/([\\'])/g, '\\$1')}'`;
}

function fishScript(model: CommandModel[]): string {
  const [root, ...commands] = model as [CommandModel, ...CommandModel[]];
  const names = commands.map((command) => command.name).join(' ');
  const lines = [
    `# fish completion for declutter ${VERSION}, made by \`declutter completion fish\` from its own option definitions.`,
    '',
    '# Commands, where the first operand goes (or a page: files stay offered).',
    ...commands.map((command) => `complete -c declutter -n __fish_use_subcommand -a ${fishQuote(command.name)} -d ${fishQuote(command.summary)}`),
  ];
  for (const command of model) {
    const condition = command === root ? `not __fish_seen_subcommand_from ${names}` : `__fish_seen_subcommand_from ${command.name}`;
    lines.push('', `# ${command === root ? 'declutter' : `declutter ${command.name}`}`);
    for (const option of command.options) {
      const flags = option.flags.map((flag) => (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`)).join(' ');
      const value = option.value === null ? '' : fishValue(option.value.complete);
      lines.push(`complete -c declutter -n ${fishQuote(condition)} ${flags}${value} -d ${fishQuote(option.description)}`);
    }
    if (command !== root && command.operands.kind !== 'files') lines.push(`complete -c declutter -n ${fishQuote(condition)} -f${command.operands.kind === 'words' ? ` -a ${fishQuote(command.operands.words.join(' '))}` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}

function fishValue(completion: Completion): string {
  switch (completion.kind) {
    case 'files':
      return ' -r -F';
    case 'dirs':
      return " -r -f -a '(__fish_complete_directories)'";
    case 'words':
      return ` -x -a ${fishQuote(completion.words.join(' '))}`;
    case 'none':
      return ' -x';
  }
}
