import { describe, expect, it } from 'vitest';
import { makeZip } from '../../test/support/zip.js';
import { readZip, safeEntryName, ZipError } from './zip.js';

const LIMITS = { maxBytes: 100_000, maxEntries: 10 };
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('utf8');
const failure = (f: () => unknown): ZipError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
  throw new Error('no ZipError');
};

describe('readZip', () => {
  it('reads stored and deflated entries, folders left out, names made relative with /', () => {
    const zip = makeZip([
      { name: 'a/', data: '' },
      { name: 'a/x.xsd', data: '<x/>' },
      { name: 'a\\y.xml', data: 'y'.repeat(5000), deflate: true },
    ]);
    const entries = readZip(zip, LIMITS);
    expect([...entries.keys()]).toEqual(['a/x.xsd', 'a/y.xml']);
    expect(text(entries.get('a/x.xsd'))).toBe('<x/>');
    expect(text(entries.get('a/y.xml'))).toBe('y'.repeat(5000));
  });

  it('stops a zip bomb as it inflates, whatever its header says (too large)', () => {
    const honest = makeZip([{ name: 'bomb.xml', data: Buffer.alloc(1_000_000), deflate: true }]);
    const liar = makeZip([{ name: 'bomb.xml', data: Buffer.alloc(1_000_000), deflate: true, declaredSize: 10 }]);
    for (const zip of [honest, liar]) expect(failure(() => readZip(zip, LIMITS))).toMatchObject({ tooLarge: true });
    expect(failure(() => readZip(makeZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: 'x' }))), LIMITS))).toMatchObject({ tooLarge: true });
  });

  it('refuses an entry whose size is not what its header says, an encrypted one, a duplicate, what is not a zip', () => {
    expect(failure(() => readZip(makeZip([{ name: 'x.xml', data: Buffer.alloc(500), deflate: true, declaredSize: 10 }]), LIMITS)).message).toBe('x.xml inflates to 500 bytes, not the 10 its header says');
    expect(failure(() => readZip(makeZip([{ name: 'x.xml', data: 'x', encrypted: true }]), LIMITS)).message).toContain('"x.xml" is encrypted');
    expect(failure(() => readZip(makeZip([{ name: 'x.xml', data: 'a' }, { name: './x.xml', data: 'b' }]), LIMITS)).message).toBe('x.xml appears twice');
    expect(failure(() => readZip(Buffer.from('hello'), LIMITS)).tooLarge).toBe(false);
  });

  it('refuses (or, when asked, skips without inflating) a name that is absolute or leaves the zip', () => {
    for (const name of ['../evil.xsd', '/etc/evil', 'a/../../evil', 'a\\..\\..\\evil', 'C:/evil']) {
      const zip = makeZip([{ name, data: 'x' }, { name: 'ok.xsd', data: 'y' }]);
      expect(failure(() => readZip(zip, LIMITS)).message, name).toContain('leaves the zip');
      expect([...readZip(zip, { ...LIMITS, unsafeNames: 'skip' }).keys()], name).toEqual(['ok.xsd']);
    }
    expect(safeEntryName('a/./b//c')).toBe('a/b/c');
    expect(safeEntryName('a/b/../c')).toBeUndefined();
  });

  it('inflates only the entries asked for', () => {
    const zip = makeZip([{ name: 'keep.csv', data: 'k' }, { name: 'big.bin', data: Buffer.alloc(1_000_000), deflate: true }]);
    expect([...readZip(zip, { ...LIMITS, keep: (n) => n.endsWith('.csv') }).keys()]).toEqual(['keep.csv']);
  });
});
