import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file.js';

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-atomic-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the parent folder and writes UTF-8 text', async () => {
    const path = join(dir, 'a', 'b', 'out.xbrl');
    await writeFileAtomic(path, '日本語\n');
    expect(readFileSync(path, 'utf8')).toBe('日本語\n');
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const path = join(dir, 'c.txt');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, new Uint8Array([110, 101, 119]));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('fails (cleaning up) when the target cannot be replaced', async () => {
    const path = join(dir, 'is-a-dir');
    await writeFileAtomic(join(path, 'x'), 'x');
    await expect(writeFileAtomic(path, 'y')).rejects.toThrow();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
