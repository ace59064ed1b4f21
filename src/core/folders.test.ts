import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolder } from './folders.js';

describe('makeFolder', () => {
  const base = mkdtempSync(join(tmpdir(), 'kessan-folders-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('makes every missing level, and is quiet when the folder exists', () => {
    const dir = join(base, 'a', 'b', 'c');
    makeFolder(dir);
    makeFolder(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('says ENOTDIR where a file stands in the way, at any level', () => {
    writeFileSync(join(base, 'file'), '');
    expect(() => makeFolder(join(base, 'file'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeFolder(join(base, 'file', 'x', 'y'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  // Node 20's mkdirSync(…, { recursive: true }) never returns here.
  it.skipIf(process.platform !== 'linux')('fails, and returns, under /proc where mkdir says ENOENT', () => {
    expect(() => makeFolder('/proc/kessan-no-such/x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
