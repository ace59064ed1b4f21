import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { compileSchema } from '../src/core/schemas.js';
import { EXAMPLE, PROFILE } from './support/example.js';

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const dir = mkdtempSync(join(tmpdir(), 'kessan-validate-'));
const good = join(dir, 'iij.xbrl');
let xml = '';

beforeAll(async () => {
  expect((await run('convert', EXAMPLE, '-o', good)).code).toBe(0);
  xml = readFileSync(good, 'utf8');
});

/** Writes a broken copy: `from` must occur; returns the file and the 1-based line of the edit. */
function broken(name: string, from: string | RegExp, to: string): { file: string; line: number } {
  const text = xml.replace(from, to);
  if (text === xml) throw new Error(`edit did not apply: ${String(from)}`);
  const file = join(dir, `${name}.xbrl`);
  writeFileSync(file, text);
  const at = typeof from === 'string' ? xml.indexOf(from) : (from.exec(xml)?.index ?? -1);
  return { file, line: xml.slice(0, at).split('\n').length };
}

describe('kessan validate', () => {
  it("finds no errors in kessan's own output, and exits 1 for the release's income-tax slip (an inconsistency) unless --fail-on error", async () => {
    const r = await run('validate', good);
    expect(r.out).toMatch(/1 file\(s\), 695 facts: 0 error\(s\), 2 warning\(s\), 1 inconsistency\n$/);
    expect(r.out).toMatch(/inconsistency oime:disallowedDuplicateFacts .*iij:IncomeTaxExpenseBenefit: 518000000, 517379000/);
    expect(r.code).toBe(1);
    expect((await run('validate', good, '--fail-on', 'error')).code).toBe(0);
    // Warnings fail only when asked: the two printings of the release that disagree are arelle:duplicateFacts warnings.
    const json = JSON.parse((await run('validate', good, '--fail-on', 'error', '--format', 'json')).out);
    expect(json.files[0].valid).toBe(true);
    expect(json.options.failOn).toBe('error');
  });

  it.each([
    ['missing-context', () => broken('missing-context', '<iij:Inventories contextRef="I2004-09-30"', '<iij:Inventories contextRef="NoSuchContext"'), 'xbrl.4.6.1:itemContextRef'],
    ['duration-on-instant', () => broken('duration-on-instant', /<iij:Revenues contextRef="D2004-04-01_2004-09-30"/, '<iij:Revenues contextRef="I2004-09-30"'), 'xbrl.4.7.2:contextPeriodType'],
    ['monetary-in-shares', () => broken('monetary-in-shares', /<iij:Inventories contextRef="I2004-09-30" unitRef="JPY"/, '<iij:Inventories contextRef="I2004-09-30" unitRef="shares"'), 'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure'],
    ['start-after-end', () => broken('start-after-end', '<xbrli:startDate>2003-04-01</xbrli:startDate>', '<xbrli:startDate>2003-10-01</xbrli:startDate>'), 'xbrl.4.7.2:periodStartBeforeEnd'],
    ['missing-decimals', () => broken('missing-decimals', /(<iij:Inventories contextRef="I2004-09-30" unitRef="JPY") decimals="-3"/, '$1'), 'xbrl.4.6.3:missingPrecisionDecimals'],
    ['calc-off-by-a-million', () => broken('calc-off', '>19561770000<', '>19562770000<'), 'calc11e:inconsistentCalculationUsingRounding'],
  ])('reports %s with the code and the line', async (_name, make, code) => {
    const { file, line } = make();
    const r = await run('validate', file, '--format', 'json');
    const report = JSON.parse(r.out) as { files: { findings: { code: string; line?: number; severity: string }[] }[] };
    const hits = report.files[0]!.findings.filter((f) => f.code === code);
    expect(hits.length, r.out).toBeGreaterThan(0);
    if (!['xbrl.4.7.2:periodStartBeforeEnd', 'calc11e:inconsistentCalculationUsingRounding'].includes(code)) expect(hits.map((h) => h.line)).toContain(line);
    // The default policy (--fail-on inconsistency): an error or an inconsistency fails the file.
    expect(r.code).toBe(hits.some((h) => h.severity === 'error' || h.severity === 'inconsistency') ? 1 : 0);
  });

  it.each(['html', 'json'])('validates %s with a schemaRef that does not exist as the XML instance: an IOerror, and the facts still read', async (ext) => {
    const file = join(dir, `iij-copy.${ext}`);
    expect((await run('convert', good, '-o', file)).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const moved = text.replace(/"[^"]*iij-2004\.xsd"/, '"no-such-taxonomy.xsd"');
    expect(moved).not.toBe(text);
    writeFileSync(file, moved);
    const r = await run('validate', file);
    expect(r.out).toMatch(/error IOerror the DTS references .*no-such-taxonomy\.xsd, which does not exist/);
    // xBRL-JSON adds OIM's own error for it, as Arelle does (IOerror and oime:invalidTaxonomy).
    if (ext === 'json') expect(r.out).toMatch(/error oime:invalidTaxonomy .*no-such-taxonomy\.xsd/);
    expect(r.out).toMatch(ext === 'json' ? /1 file\(s\), 695 facts: 2 error\(s\)/ : /1 file\(s\), 695 facts: 1 error\(s\)/);
    expect(r.code).toBe(1);
  });

  it('prints a JSON report that matches its schema', async () => {
    const r = await run('validate', good, EXAMPLE, '--format', 'json', '--profile', PROFILE);
    const report = JSON.parse(r.out);
    const check = compileSchema('validation-report.schema.json');
    expect(check(report), JSON.stringify(check.errors)).toBe(true);
    expect(report.summary.files).toBe(2);
    expect(report.files.map((f: { format: string }) => f.format)).toEqual(['xbrl', 'release']);
  });

  it('validates release text with its profile: the two printings that disagree are warnings', async () => {
    const r = await run('validate', EXAMPLE, '--profile', PROFILE, '--fail-on', 'error');
    expect(r.code).toBe(0);
    // By default the income-tax slip's calculation inconsistency fails it.
    expect((await run('validate', EXAMPLE, '--profile', PROFILE)).code).toBe(1);
    expect(r.out.match(/warning release:inconsistentPrintings/g)).toHaveLength(2);
    // The figures changed so that their columns foot are listed, at info (docs/release-checks.md); no mismatch.
    expect(r.out.match(/:\d+:\d+: info release:adjustedToFoot /g)).toHaveLength(22);
    expect(r.out).toMatch(/iij-2q-fy2004\.txt:371:25: info release:adjustedToFoot DialUpAccessServicesRevenue .* is 6,714\.673, which rounds to 6,715/);
    expect(r.out).not.toMatch(/release:\w+Mismatch/);
    // The profile beside the release is found without --profile.
    expect((await run('validate', EXAMPLE)).out.match(/info release:adjustedToFoot /g)).toHaveLength(22);
  });

  it('exits 2 for an unreadable file and 1 for a not-well-formed one, with the line', async () => {
    expect((await run('validate', join(dir, 'nope.xbrl'))).code).toBe(2);
    const bad = join(dir, 'bad.xbrl');
    writeFileSync(bad, '<?xml version="1.0"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">\n<a></b>\n</xbrli:xbrl>\n');
    const r = await run('validate', bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/bad\.xbrl:3:\d+: error kessan:xmlNotWellFormed/);
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', good, '--calc', 'bogus')).code).toBe(2);
  });
});
