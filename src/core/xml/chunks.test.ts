import { describe, expect, it } from 'vitest';
import { writeInCopies } from './chunks.js';
import { SaxesParser } from './saxes.js';

/** Every text, attribute and element event with its position, from one write or from writeInCopies. */
function events(source: string, chunked: boolean): string[] {
  const out: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('opentag', (t) => out.push(`open ${t.name} ${JSON.stringify(Object.values(t.attributes).map((a) => a.value))} ${parser.line}:${parser.column}`));
  parser.on('text', (t) => out.push(`text ${JSON.stringify(t)} ${parser.line}:${parser.column}`));
  parser.on('closetag', (t) => out.push(`close ${t.name} ${parser.line}:${parser.column}`));
  parser.on('error', (e) => out.push(`error ${e.message}`));
  if (chunked) writeInCopies(parser, source);
  else parser.write(source).close();
  return out;
}

describe('writeInCopies', () => {
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
