import { describe, expect, it } from 'vitest';
import { cleaners } from '../../src/cleaners/registry.js';
import { runCli } from './run.js';

describe('declutter sources', () => {
  it('lists each cleaner: id, version, time zone, site, and what it recognizes', () => {
    const result = runCli(['sources']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const blocks = result.stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(cleaners.length);
    cleaners.forEach((source, i) => {
      const [head, recognizes, fingerprints] = blocks[i]!.split('\n');
      expect(head!.split(/ {2,}/)).toEqual([source.id, source.version, source.timeZone, source.site]);
      expect(recognizes!.trim()).toBe(`recognizes: ${source.recognizes}`);
      expect(fingerprints!.trim()).toBe(`fingerprints: ${source.fingerprints.map(({ name }) => name).join('; ')}`);
    });
  });

  it('lists devdiscourse and editorji in their real shape', () => {
    const { stdout } = runCli(['sources']);
    expect(stdout).toMatch(/^devdiscourse {2}\d+\.\d+\.\d+ {2}Asia\/Kolkata {2}Devdiscourse \(devdiscourse\.com\)$/m);
    expect(stdout).toMatch(/^editorji {6}\d+\.\d+\.\d+ {2}Asia\/Kolkata {2}Editorji \(editorji\.com\), with AP and PTI wire copy$/m);
  });

  it('gives the same as data with --format json', () => {
    const result = runCli(['sources', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      cleaners.map((source) => ({
        id: source.id,
        site: source.site,
        version: source.version,
        timeZone: source.timeZone,
        recognizes: source.recognizes,
        fingerprints: source.fingerprints.map(({ name, weight }) => ({ name, weight })),
      })),
    );
  });

  it.each([
    [['sources', 'extra'], "declutter: too many arguments for 'sources'. Expected 0 arguments but got 1."],
    [['sources', '-f', 'xml'], "declutter: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json."],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${message}\n(run declutter sources --help for usage)\n`);
  });

  it('is listed in the main help with the other commands', () => {
    const { stdout } = runCli(['--help']);
    expect(stdout).toMatch(/^ {2}check \[options\] \[paths\.\.\.\] +compare pages/m);
    expect(stdout).toMatch(/^ {2}explain \[options\] \[file\] +show why/m);
    expect(stdout).toMatch(/^ {2}sources \[options\] +list the cleaners/m);
  });
});
