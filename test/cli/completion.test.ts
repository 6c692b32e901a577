import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, Option } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { manPage } from '../../src/cli/man.js';
import { runCli, tempDir } from './run.js';

/** What the tests compare with: commander's own definitions, as --help lists them. */
const program = buildProgram();
const commands: Command[] = [program, ...program.commands];
const commandNames = program.commands.map((command) => command.name());
const optionsOf = (command: Command): Option[] => command.createHelp().visibleOptions(command);
const flagsOf = (option: Option): string[] => [option.short, option.long].filter((flag): flag is string => flag !== undefined);
const label = (command: Command) => (command === program ? 'declutter' : `declutter ${command.name()}`);
const words = (command: Command) => (command === program ? ['declutter'] : ['declutter', command.name()]);

function script(shell: string): string {
  const result = runCli(['completion', shell]);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('bash completion', () => {
  let file: string;
  let cwd: string;
  beforeAll(() => {
    const dir = tempDir();
    file = join(dir, 'declutter.bash');
    writeFileSync(file, script('bash'));
    cwd = join(dir, 'work');
    mkdirSync(join(cwd, 'pages'), { recursive: true });
    writeFileSync(join(cwd, 'page.txt'), 'a page\n');
  });

  /** The candidates bash is offered for the last word of `words`, as the completion function leaves them in COMPREPLY. */
  function complete(line: string[]): string[] {
    const program = 'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _declutter; printf "%s\\n" "${COMPREPLY[@]}"';
    const result = spawnSync('bash', ['--norc', '-c', program, file, ...line], { cwd, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return result.stdout.split('\n').filter(Boolean).sort();
  }

  it('is a valid bash script', () => {
    const result = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    expect(result).toMatchObject({ status: 0, stderr: '' });
  });

  it('offers the commands and the files where a command or a page goes', () => {
    expect(complete(['declutter', ''])).toEqual([...commandNames, 'page.txt', 'pages'].sort());
    expect(complete(['declutter', 'ch'])).toEqual(['check']);
    expect(complete(['declutter', 'pa'])).toEqual(['page.txt', 'pages']);
    // After the program's options and their values, the command is still to come; after a page, it is not.
    expect(complete(['declutter', '-f', 'md', '--jobs', '2', 'ch'])).toEqual(['check']);
    expect(complete(['declutter', 'page.txt', 'ch'])).toEqual([]);
    expect(complete(['declutter', 'page.txt', ''])).toEqual(['page.txt', 'pages']);
  });

  it('offers every option of every command, and only its own', () => {
    for (const command of commands) {
      expect(complete([...words(command), '-']), label(command)).toEqual(optionsOf(command).flatMap(flagsOf).sort());
    }
    expect(complete(['declutter', 'check', '--u'])).toEqual(['--update']);
  });

  it('offers the choices of an option after it, and directories for a directory', () => {
    let checked = 0;
    for (const command of commands) {
      for (const option of optionsOf(command).filter((option) => option.argChoices)) {
        for (const flag of flagsOf(option)) expect(complete([...words(command), flag, '']), `${label(command)} ${flag}`).toEqual([...option.argChoices!].sort());
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(commands.length);
    expect(complete(['declutter', '-f', 'nd'])).toEqual(['ndjson']);
    expect(complete(['declutter', '--out-dir', ''])).toEqual(['pages']);
  });

  it('offers the choices of a command\'s operand, and the commands after help', () => {
    let withChoices = 0;
    for (const command of program.commands) {
      const choices = command.registeredArguments[0]?.argChoices;
      if (!choices) continue;
      withChoices++;
      expect(complete([...words(command), '']), label(command)).toEqual([...choices].sort());
    }
    expect(withChoices).toBeGreaterThan(0);
    expect(complete(['declutter', 'completion', 'z'])).toEqual(['zsh']);
    expect(complete(['declutter', 'help', ''])).toEqual([...commandNames].sort());
    expect(complete(['declutter', 'check', ''])).toEqual(['page.txt', 'pages']);
  });
});

/** The part of a script that completes one command: its function (zsh), its lines (fish). */
function zshPart(text: string, command: Command): string {
  // As the script names it: a hyphen (init-cleaner) is no character of a shell function name everywhere.
  const name = command === program ? '_declutter' : `__declutter_${command.name().replace(/[^A-Za-z0-9]/g, '_')}`;
  const start = text.indexOf(`\n${name}() {\n`);
  expect(start, name).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf('\n}\n', start));
}

function fishPart(text: string, command: Command): string[] {
  const condition = command === program ? `'not __fish_seen_subcommand_from ${commandNames.join(' ')}'` : `'__fish_seen_subcommand_from ${command.name()}'`;
  return text.split('\n').filter((line) => line.startsWith(`complete -c declutter -n ${condition} `));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('zsh completion', () => {
  it('is a valid zsh script that registers itself for declutter', () => {
    const dir = tempDir();
    const file = join(dir, '_declutter');
    writeFileSync(file, script('zsh'));
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const loaded = spawnSync('zsh', ['-f', '-c', 'autoload -Uz compinit && compinit -u -D && source "$0" && print -r -- ${_comps[declutter]}', file], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
    expect(loaded).toMatchObject({ status: 0, stdout: '_declutter\n', stderr: '' });
  });

  it('completes every option of every command, with its choices, and every command', () => {
    const text = script('zsh');
    expect(text.startsWith('#compdef declutter\n')).toBe(true);
    for (const command of commands) {
      const part = zshPart(text, command);
      for (const option of optionsOf(command)) {
        for (const flag of flagsOf(option)) expect(part, `${label(command)} ${flag}`).toMatch(new RegExp(`[{,'*]${escape(flag)}[[,}]`));
        if (option.argChoices) expect(part).toContain(`:(${option.argChoices.join(' ')})'`);
      }
    }
    for (const name of commandNames) expect(text).toMatch(new RegExp(`'${name}:[^']+'`));
  });
});

describe('fish completion', () => {
  let file: string;
  let cwd: string;
  beforeAll(() => {
    const dir = tempDir();
    file = join(dir, 'declutter.fish');
    writeFileSync(file, script('fish'));
    cwd = join(dir, 'work');
    mkdirSync(join(cwd, 'pages'), { recursive: true });
    writeFileSync(join(cwd, 'page.txt'), 'a page\n');
  });

  /** The candidates fish offers for a command line (`complete -C`), without their descriptions. */
  function complete(line: string): string[] {
    const result = spawnSync('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', file, line], { cwd, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return result.stdout.split('\n').filter(Boolean).map((candidate) => candidate.split('\t')[0]!).sort();
  }

  it('is a valid fish script', () => {
    expect(spawnSync('fish', ['--no-config', '-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
  });

  it('offers the commands and the files, every option of every command, and the choices', () => {
    expect(complete('declutter ')).toEqual([...commandNames, 'page.txt', 'pages/'].sort());
    expect(complete('declutter ch')).toEqual(['check']);
    expect(complete('declutter page.txt ch')).toEqual([]);
    for (const command of commands) {
      expect(complete(`${words(command).join(' ')} -`), label(command)).toEqual(optionsOf(command).flatMap(flagsOf).sort());
      for (const option of optionsOf(command).filter((option) => option.argChoices)) {
        expect(complete(`${words(command).join(' ')} ${option.long} `), `${label(command)} ${option.long}`).toEqual([...option.argChoices!].sort());
      }
    }
    expect(complete('declutter completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('declutter help ')).toEqual([...commandNames].sort());
  });

  it('completes every option of every command, with its choices, and every command', () => {
    const text = script('fish');
    for (const command of commands) {
      const lines = fishPart(text, command);
      for (const option of optionsOf(command)) {
        const short = option.short ? ` -s ${option.short.slice(1)}` : '';
        const line = lines.find((candidate) => candidate.includes(`${short} -l ${option.long!.slice(2)} `));
        expect(line, `${label(command)} ${option.flags}`).toBeDefined();
        if (option.argChoices) expect(line).toContain(` -x -a '${option.argChoices.join(' ')}' `);
      }
      expect(lines.filter((line) => / -l /.test(line))).toHaveLength(optionsOf(command).length);
    }
    for (const name of commandNames) expect(text).toContain(`complete -c declutter -n __fish_use_subcommand -a '${name}' -d `);
  });
});

describe('completion', () => {
  it('refuses a shell it does not know', () => {
    const result = runCli(['completion', 'tcsh']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("declutter: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });
});

describe('the manual page', () => {
  const page = 'dist/declutter.1';

  it('is the one the program makes, and the package ships it', () => {
    expect(readFileSync(page, 'utf8')).toBe(manPage(buildProgram()));
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(manifest.man).toBe(`./${page}`);
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    expect(packed.status).toBe(0);
    expect(JSON.parse(packed.stdout)[0].files.map((entry: { path: string }) => entry.path)).toContain(page);
  });

  it('renders without warnings', () => {
    const groff = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', page], { encoding: 'utf8' });
    expect(groff).toMatchObject({ status: 0, stderr: '' });
  });

  it('shows every command with every option, and what it takes', () => {
    const man = spawnSync('man', ['--warnings', '-l', page], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '100', MANPAGER: 'cat', PAGER: 'cat' } });
    expect(man.stderr).toBe('');
    expect(man.status).toBe(0);
    const text = man.stdout;
    expect(text).toMatch(/^DECLUTTER\(1\) +User Commands/);
    const sections = (command: Command) => {
      const help = command.createHelp();
      const head = command === program ? text.indexOf('\nOPTIONS\n') : text.indexOf(`\n   ${help.commandUsage(command)}\n`);
      expect(head, label(command)).toBeGreaterThan(0);
      const next = command === program ? text.indexOf('\nCOMMANDS\n') : text.indexOf('\n   declutter ', head + 1);
      return text.slice(head, next === -1 ? undefined : next);
    };
    for (const command of commands) {
      const section = sections(command);
      const help = command.createHelp();
      for (const option of optionsOf(command)) {
        expect(section, `${label(command)} ${option.flags}`).toMatch(new RegExp(`\\n {7,}${escape(help.optionTerm(option))}(?= |\\n)`));
        for (const choice of option.argChoices ?? []) expect(section).toContain(`"${choice}"`);
      }
    }
    expect(text).toContain(' $ declutter page.txt | jq .title ');
  });
});
