import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInputError } from '../../src/ingest/errors.js';
import { assertNotAnInput, OutputError, writeOutputAtomic } from '../../src/report/output.js';

let dir: string;
const undo: (() => void)[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trace-audit-output-'));
});

afterEach(() => {
  for (const step of undo.splice(0)) step();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<OutputError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(OutputError);
    expect(isInputError(err)).toBe(true);
    expect((err as Error).message).not.toContain('\n');
    return err as OutputError;
  }
  throw new Error('expected the write to fail');
}

/** chmod is not enough for root; the immutable flag is, where the file system has it. */
function makeUnwritable(target: string): boolean {
  chmodSync(target, 0o555);
  undo.push(() => chmodSync(target, 0o755));
  try {
    execFileSync('chattr', ['+i', target], { stdio: 'ignore' });
    undo.unshift(() => execFileSync('chattr', ['-i', target], { stdio: 'ignore' }));
  } catch {
    /* not root or no chattr: chmod has to do */
  }
  try {
    writeFileSync(join(target, 'probe'), 'x');
    rmSync(join(target, 'probe'));
    return false;
  } catch {
    return true;
  }
}

describe('writeOutputAtomic', () => {
  it('writes a new file and leaves nothing else behind', async () => {
    const target = join(dir, 'report.json');
    await writeOutputAtomic(target, '{"a":1}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('replaces an existing file whole and keeps its permissions', async () => {
    const target = join(dir, 'report.md');
    writeFileSync(target, 'old '.repeat(10_000));
    chmodSync(target, 0o640);
    const content = Buffer.from('new content\n');
    await writeOutputAtomic(target, content);
    expect(readFileSync(target)).toEqual(content);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('writes through a symlink to the file it points to', async () => {
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await writeOutputAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('fails cleanly in a read-only directory, leaving no temp file', async (ctx) => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    if (!makeUnwritable(locked)) ctx.skip();
    const err = await failure(writeOutputAtomic(join(locked, 'report.json'), 'x'));
    expect(err.message).toMatch(/^Cannot write .*locked\/report\.json: (permission denied|operation not permitted)$/);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('removes its temp file when the rename fails (target is a directory)', async () => {
    const target = join(dir, 'out');
    mkdirSync(target);
    const err = await failure(writeOutputAtomic(target, 'x'));
    expect(err.code).toBe('output-write-failed');
    expect(err.message).toBe(`Cannot write ${target}: it is a directory`);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('keeps the old file intact when writing fails half-way', async () => {
    const target = join(dir, 'report.json');
    writeFileSync(target, 'previous report');
    await failure(writeOutputAtomic(target, 42 as unknown as string));
    expect(readFileSync(target, 'utf8')).toBe('previous report');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('names a missing directory', async () => {
    const err = await failure(writeOutputAtomic(join(dir, 'nope', 'r.json'), 'x'));
    expect(err.message).toBe(`Cannot write ${join(dir, 'nope', 'r.json')}: directory does not exist`);
  });

  it('writes - to stdout and waits until a slow reader has taken everything', async () => {
    const stdout = new PassThrough({ highWaterMark: 16 });
    const content = 'x'.repeat(100_000);
    let done = false;
    const writing = writeOutputAtomic('-', content, { stdout }).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    await writing;
    expect(Buffer.concat(chunks).toString()).toBe(content);
  });

  it('reports a closed stdout as one line', async () => {
    const stdout = new Writable({
      write(_chunk, _enc, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    stdout.on('error', () => undefined);
    const err = await failure(writeOutputAtomic('-', 'x', { stdout }));
    expect(err.code).toBe('output-closed');
    expect(err.message).toBe('Cannot write stdout: the reader closed the pipe');
  });
});

describe('assertNotAnInput', () => {
  const refused = (output: string, inputs: string[]) => {
    try {
      assertNotAnInput(output, inputs);
    } catch (err) {
      expect(err).toBeInstanceOf(OutputError);
      expect((err as OutputError).code).toBe('output-is-input');
      expect((err as Error).message).toBe(`Output ${output} is the same file as input ${inputs.at(-1)}; choose another output path`);
      return true;
    }
    return false;
  };

  it('refuses the same file, however it is named', () => {
    const input = join(dir, 'session.har');
    writeFileSync(input, '{}');
    mkdirSync(join(dir, 'sub'));
    symlinkSync(input, join(dir, 'alias.har'));
    linkSync(input, join(dir, 'hard.har'));
    expect(refused(input, [input])).toBe(true);
    expect(refused(join(dir, 'sub', '..', 'session.har'), [input])).toBe(true);
    expect(refused(join(dir, 'alias.har'), [input])).toBe(true);
    expect(refused(input, [join(dir, 'alias.har')])).toBe(true);
    expect(refused(join(dir, 'hard.har'), [input])).toBe(true);
  });

  it('accepts other files, new files and streams', () => {
    const input = join(dir, 'session.har');
    writeFileSync(input, '{}');
    writeFileSync(join(dir, 'old-report.json'), '{}');
    expect(refused(join(dir, 'old-report.json'), [input])).toBe(false);
    expect(refused(join(dir, 'new-report.json'), [input])).toBe(false);
    expect(refused('-', [input])).toBe(false);
    expect(refused(join(dir, 'new-report.json'), ['-'])).toBe(false);
  });
});
