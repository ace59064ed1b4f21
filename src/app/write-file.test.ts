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

  it('writes text in pieces as they are made, and on a piece that throws keeps the old file and no temporary one', async () => {
    const path = join(dir, 'pieces.txt');
    const made: number[] = [];
    function* pieces(fail: boolean) {
      for (let i = 0; i < 3; i++) {
        if (fail && i === 2) throw new Error('refused');
        made.push(i);
        yield `${i}:日本語\n`;
      }
    }
    await writeFileAtomic(path, { pieces: pieces(false) });
    expect(readFileSync(path, 'utf8')).toBe('0:日本語\n1:日本語\n2:日本語\n');
    expect(made).toEqual([0, 1, 2]);
    await expect(writeFileAtomic(path, { pieces: pieces(true) })).rejects.toThrow('refused');
    expect(readFileSync(path, 'utf8')).toBe('0:日本語\n1:日本語\n2:日本語\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes pieces that fill its buffer many times over, and pieces larger than it, byte for byte', async () => {
    const path = join(dir, 'large.txt');
    // ~3 MB of UTF-8 in pieces of every size up to 40,000 code units (1 to 4 bytes each), and one of 600,000.
    const pieces: string[] = [];
    for (let n = 0; n < 150; n++) pieces.push(`${n}:${'aé日😀'.repeat((n * 7919) % 10_000)}\n`);
    pieces.splice(75, 0, '日'.repeat(600_000));
    await writeFileAtomic(path, { pieces });
    expect(readFileSync(path).equals(Buffer.from(pieces.join('')))).toBe(true);
  });
});
