import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt } from '../../../test/support/cut.js';
import { fileChunks, parseChunks, textChunks } from './chunks.js';
import { createParser } from './parse.js';
import { SaxesParser } from './saxes.js';
import { decodeXml } from './tree.js';

/** Every text, attribute and element event with its position, from one write or from the copied pieces. */
function events(source: string, chunked: boolean): string[] {
  const out: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('opentag', (t) => out.push(`open ${t.name} ${JSON.stringify(Object.values(t.attributes).map((a) => a.value))} ${parser.line}:${parser.column}`));
  parser.on('text', (t) => out.push(`text ${JSON.stringify(t)} ${parser.line}:${parser.column}`));
  parser.on('closetag', (t) => out.push(`close ${t.name} ${parser.line}:${parser.column}`));
  parser.on('error', (e) => out.push(`error ${e.message}`));
  if (chunked) for (const piece of textChunks(source)) parser.write(piece);
  else parser.write(source);
  parser.close();
  return out;
}

describe('textChunks', () => {
  // The copies are 64 Ki code units: a surrogate pair or a CR LF may fall across two of them.
  it('gives the events and positions of one write, whatever falls on a 64 KiB boundary', () => {
    for (let shift = 0; shift < 8; shift++) {
      // The 20 code units of the start tag, then the x's: "😀\r\n😀" starts 4 before the boundary, plus shift.
      const pad = 65536 - 20 - 4 + shift;
      const source = `<a b="${'y'.repeat(10)}😀">${'x'.repeat(pad)}😀\r\n😀<c d="\r\n😀"/>\r\n${'z'.repeat(70000)}</a>`;
      expect(events(source, true)).toEqual(events(source, false));
    }
  });
});

/** Line and column (1-based, in UTF-16 code units as the tracker counts) of every `<` that starts an element. */
function expectedStarts(text: string): string[] {
  const out: string[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 60 && /[A-Za-z]/.test(text[i + 1] ?? '')) out.push(`${line}:${i - lineStart + 1}`);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) (line++, (lineStart = i + 1));
  }
  return out;
}

function trackedStarts(pieces: readonly string[]): string[] {
  const parser = createParser('t.xml');
  const out: string[] = [];
  parser.on('opentagstart', () => {
    out.push(`${parser.tagLine}:${parser.tagColumn}`);
  });
  parseChunks(parser, pieces, 't.xml');
  return out;
}


describe('start tag positions over pieces', () => {
  const element = fc.record({
    name: fc.constantFrom('a', 'xbrli:context', 'us-gaap:Revenues', 'n'.repeat(40)),
    before: fc.array(fc.constantFrom('\n', '\r\n', '\r', ' ', 'text', '😀', '\t'), { maxLength: 6 }).map((a) => a.join('')),
  });
  const documents = fc.array(element, { minLength: 1, maxLength: 40 }).map((els) => `<?xml version="1.0"?>\r\n<root xmlns:xbrli="x" xmlns:us-gaap="u">${els.map((e) => `${e.before}<${e.name} x="1"/>`).join('')}</root>`);

  it('gives every start tag the line and column of its `<`, wherever the pieces are cut', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.nat(), { maxLength: 12 }), (text, at) => {
        expect(trackedStarts(cutAt(text, at))).toEqual(expectedStarts(text));
        // Without a CR, line feeds are found another way.
        const lf = text.replace(/\r\n?/g, '\n');
        expect(trackedStarts(cutAt(lf, at))).toEqual(expectedStarts(lf));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a tag that begins in the previous 64 KiB piece', () => {
    const text = `<root>\n${'x'.repeat(65536 - 10)}\r\n<abcdefghijklmnop/>\n</root>`;
    expect(trackedStarts([...textChunks(text)])).toEqual(expectedStarts(text));
  });

  it('counts the lines of a text that spans several pieces (read once it is whole)', () => {
    const text = `<root>\n<a>${'line\r\n'.repeat(60_000)}</a>\n<b/>\r<c/>\n</root>`;
    expect(trackedStarts([...textChunks(text)])).toEqual(expectedStarts(text));
    expect(trackedStarts([...textChunks(text)]).slice(-2)).toEqual(['60003:1', '60004:1']);
  });

  it('rejects a DOCTYPE after a prolog longer than a piece', () => {
    const text = `<?xml version="1.0"?><!--${'c'.repeat(100_000)}-->\n<!DOCTYPE r [<!ENTITY e "x">]><r/>`;
    expect(() => trackedStarts([...textChunks(text)])).toThrow(expect.objectContaining({ code: 'kessan:xmlDoctype', location: expect.objectContaining({ line: 2, column: 1 }) }));
    // Cut inside `<!DOCTYPE` itself.
    const at = text.indexOf('<!DOCTYPE') + 3;
    expect(() => trackedStarts([text.slice(0, at), text.slice(at)])).toThrow(expect.objectContaining({ code: 'kessan:xmlDoctype' }));
  });
});

describe('fileChunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-chunks-'));
  const file = (name: string, bytes: Buffer | string): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const whole = (path: string): string => [...fileChunks(path)].join('');
  const errorOf = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('no error');
  };

  it('decodes as decodeXml does, with characters across the 64 KiB reads', () => {
    // A 3-byte and a 4-byte character at every offset around the first boundary.
    for (let shift = 0; shift < 4; shift++) {
      const text = `\uFEFF<a>${'x'.repeat(65536 - 3 - 2 + shift)}日😀</a>`;
      const path = file(`u${shift}.xml`, text);
      expect(whole(path)).toBe(decodeXml(Buffer.from(text), path));
    }
    const latin = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), Buffer.from([0xe9]), Buffer.from(`${'y'.repeat(70000)}</a>`)]);
    expect(whole(file('latin.xml', latin))).toBe(decodeXml(latin));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<a>${'z'.repeat(40000)}日</a>`, 'utf16le')]);
    expect(whole(file('utf16.xml', utf16))).toBe(decodeXml(utf16));
  });

  it('names the line decodeXml names for bytes that are not UTF-8, or a NUL, in a later piece', () => {
    const bad = Buffer.concat([Buffer.from(`<a>\n${'x'.repeat(70000)}\n\n`), Buffer.from([0xc3, 0x28]), Buffer.from('</a>')]);
    const path = file('bad.xml', bad);
    const expected = errorOf(() => decodeXml(bad, path));
    expect(errorOf(() => whole(path))).toEqual(expected);
    expect(expected).toMatchObject({ code: 'kessan:xmlNotWellFormed', location: { line: 4 } });
    const nul = file('nul.xml', `<a>\n${'x'.repeat(70000)}\n\u0000</a>`);
    expect(errorOf(() => whole(nul))).toMatchObject({ code: 'kessan:xmlNotWellFormed', location: { line: 3 } });
  });

  it('refuses a missing file and a folder as reading them whole does', () => {
    expect(errorOf(() => whole(join(dir, 'missing.xml')))).toMatchObject({ code: 'kessan:inputUnreadable', exitCode: 2 });
    mkdirSync(join(dir, 'folder.xml'));
    expect(errorOf(() => whole(join(dir, 'folder.xml')))).toMatchObject({ code: 'kessan:inputUnreadable', exitCode: 2 });
  });
});

describe('fileChunks from a pipe', () => {
  it('reads a pipe to its end, and says what is wrong in it without reading it twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-pipe-'));
    const fifo = join(dir, 'in.xml');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here
    // A writer in another process: the declaration arrives in pieces smaller than the 200 bytes the encoding is told from.
    const feed = (bytes: string) =>
      spawn('sh', ['-c', `exec 3>${fifo}; printf '%s' '<?xml version="1.0" ' >&3; sleep 0.1; printf '${bytes}' >&3`]);
    feed(`encoding="ISO-8859-1"?><a>\\351</a>`);
    expect([...fileChunks(fifo)].join('')).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>');
    feed('?><a>\\303\\050</a>');
    expect(() => [...fileChunks(fifo)]).toThrow(expect.objectContaining({ code: 'kessan:xmlNotWellFormed', message: expect.stringContaining('not UTF-8') }));
  });
});
