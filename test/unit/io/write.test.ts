import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSink, writeFileAtomic } from '../../../src/io/write.js';
import { DeclutterError } from '../../../src/pipeline/errors.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'declutter-write-'));

describe('writeFileAtomic with exclusive', () => {
  it('writes a new file, its folders too, leaving nothing else', () => {
    const dir = fresh();
    const path = join(dir, 'sub', 'new.yaml');
    writeFileAtomic(path, 'id: x\n', { exclusive: true });
    expect(readFileSync(path, 'utf8')).toBe('id: x\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['new.yaml']);
  });

  it('refuses a file or link already there, before writing, and leaves it as it was', () => {
    const dir = fresh();
    const path = join(dir, 'taken.yaml');
    writeFileSync(path, 'mine\n');
    expect(() => writeFileAtomic(path, 'theirs\n', { exclusive: true })).toThrow(new DeclutterError('io', 'already exists'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'link.yaml'));
    expect(() => writeFileAtomic(join(dir, 'link.yaml'), 'theirs\n', { exclusive: true })).toThrow(new DeclutterError('io', 'already exists'));
    expect(readFileSync(path, 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'taken.yaml']);
  });

  it('does not replace a file made while it was writing', () => {
    const dir = fresh();
    const path = join(dir, 'raced.yaml');
    const sink = openSink(path, { exclusive: true });
    sink.write('draft\n');
    writeFileSync(path, 'made meanwhile\n');
    expect(() => sink.commit()).toThrow(new DeclutterError('io', 'already exists'));
    sink.abandon();
    expect(readFileSync(path, 'utf8')).toBe('made meanwhile\n');
    expect(readdirSync(dir)).toEqual(['raced.yaml']);
  });
});
