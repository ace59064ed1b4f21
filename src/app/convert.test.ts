import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertFile } from './convert.js';
import { readInstanceFile } from '../formats/xbrl/read/read.js';
import { writeXbrlJson } from '../formats/json/write/index.js';
import { writeXbrl } from '../formats/xbrl/write/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'formats', 'xbrl', 'write', 'fixtures');

/** An instance of `n` facts, each in a context of its own; fact `bad` (if any) in one whose identifier has a space. */
function instance(n: number, bad?: number): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="http://example.com/tiny">', '<link:schemaRef xlink:type="simple" xlink:href="tiny.xsd"/>', '<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>'];
  for (let i = 0; i < n; i++) {
    const id = i === bad ? 'A B' : `E${i % 7}`;
    lines.push(`<xbrli:context id="c${i}"><xbrli:entity><xbrli:identifier scheme="http://www.example.com/entity">${id}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2004-09-30</xbrli:instant></xbrli:period></xbrli:context>`);
    lines.push(`<t:Cash contextRef="c${i}" unitRef="JPY" decimals="0" id="f${i}">${i * 1000}</t:Cash>`);
  }
  lines.push('</xbrli:xbrl>', '');
  return lines.join('\n');
}

describe('convertFile writes XBRL and xBRL-JSON in pieces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-convert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(FIXTURES, 'tiny.xsd'), join(dir, 'tiny.xsd'));

  it('gives the bytes the whole-text writers give, over several pieces', async () => {
    const input = join(dir, 'many.xbrl');
    writeFileSync(input, instance(2500));
    const report = readInstanceFile(input);
    await convertFile(input, join(dir, 'many.json'));
    await convertFile(input, join(dir, 'out', 'many.xbrl'));
    expect(readFileSync(join(dir, 'many.json'), 'utf8')).toBe(writeXbrlJson(report, { schemaRef: 'tiny.xsd' }));
    expect(readFileSync(join(dir, 'out', 'many.xbrl'), 'utf8')).toBe(writeXbrl(report, { schemaRef: '../tiny.xsd' }));
  });

  it('a fact refused after the first pieces: nothing written, no temporary file, the reason last', async () => {
    const input = join(dir, 'bad.xbrl');
    writeFileSync(input, instance(2500, 2200));
    const output = join(dir, 'bad.json');
    const c = await convertFile(input, output);
    expect(c).toMatchObject({ written: false, failed: true, exitCode: 2 });
    expect(c.findings.at(-1)).toMatchObject({ code: 'kessan:invalidEntityIdentifier' });
    expect(c.findings.at(-1)!.message).toContain('fact f2200');
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
