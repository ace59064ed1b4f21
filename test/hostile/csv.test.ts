/**
 * Hostile xBRL-CSV (issue 21): quoting errors, huge fields, a column referring to itself, metadata files that
 * extend one another in a cycle, a 1 GB sparse file, zip bombs, references out of the report's folder. Each case
 * runs through the CLI in-process: the expected exit code and code, no internal error or stack trace, under 5 s,
 * the same outcome twice. References outside the folder are checked under strace too (when it and the built CLI
 * are there): nothing outside the report's folder is opened or looked at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { setLimits } from '../../src/core/limits.js';
import { CLI } from '../support/cli.js';

const LIMIT_MS = 5000;
const HAVE_STRACE = existsSync(CLI) && spawnSync('strace', ['-f', '-e', 'trace=openat', 'true'], { stdio: 'ignore' }).status === 0;
const tmp = mkdtempSync(join(tmpdir(), 'kessan-hostile-csv-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  setLimits();
});

const NS = { t: 'http://example.com/tiny', e: 'http://example.com/entity', iso4217: 'http://www.xbrl.org/2003/iso4217' };
type Md = { documentInfo: Record<string, unknown>; tableTemplates: Record<string, { columns: Record<string, Record<string, unknown>>; dimensions: Record<string, string> }>; tables: Record<string, Record<string, unknown>> } & Record<string, unknown>;
function metadata(change: (m: Md) => void = () => {}): string {
  const m: Md = {
    documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', namespaces: NS, taxonomy: ['tiny.xsd'] },
    dimensions: { entity: 'e:A' },
    tableTemplates: { t1: { columns: { period: {}, rev: { dimensions: { concept: 't:Revenues', unit: 'iso4217:JPY' }, decimals: -3 } }, dimensions: { period: '$period' } } },
    tables: { t1: { url: 't1.csv' } },
  };
  change(m);
  return JSON.stringify(m, null, 2);
}
const GOOD_CSV = 'period,rev\n2004-07-01..2004-09-30,1000\n';

let n = 0;
/** A report folder holding `files` (the metadata is r.json); returns the metadata file's path. */
function report(files: Record<string, string | Uint8Array>): string {
  const dir = join(tmp, `r${n++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries({ 't1.csv': GOOD_CSV, ...files })) writeFileSync(join(dir, name), data);
  return join(dir, 'r.json');
}

/** A sparse file of `size` bytes (NULs, no disk used). */
function sparse(path: string, size: number): string {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

interface Case {
  readonly name: string;
  readonly make: () => string;
  readonly argv?: (file: string) => string[];
  readonly exit: 0 | 1 | 2;
  readonly code?: string;
}

const GB = 1024 ** 3;
const CASES: Case[] = [
  { name: 'a valid report', make: () => report({ 'r.json': metadata() }), argv: (f) => ['facts', f], exit: 0 },
  { name: 'a quoted cell never closed', make: () => report({ 'r.json': metadata(), 't1.csv': 'period,rev\n2004,"1000\n2005,2\n' }), exit: 1, code: 'xbrlce:invalidCSVFileFormat' },
  { name: 'text after a closing quote', make: () => report({ 'r.json': metadata(), 't1.csv': 'period,rev\n2004,"1000"0\n' }), exit: 1, code: 'xbrlce:invalidCSVFileFormat' },
  { name: 'a bare quote inside a cell', make: () => report({ 'r.json': metadata(), 't1.csv': 'period,rev\n2004,10"00\n' }), exit: 1, code: 'xbrlce:invalidCSVFileFormat' },
  { name: 'a 70 MB cell', make: () => report({ 'r.json': metadata(), 't1.csv': `period,rev\n2004,${'9'.repeat(70 * 1024 * 1024)}\n` }), exit: 1, code: 'kessan:csvLimit' },
  { name: 'a 70 MB quoted cell never closed', make: () => report({ 'r.json': metadata(), 't1.csv': `period,rev\n2004,"${'x'.repeat(70 * 1024 * 1024)}` }), exit: 1, code: 'xbrlce:invalidCSVFileFormat' },
  { name: 'a 70 MB quoted cell', make: () => report({ 'r.json': metadata(), 't1.csv': `period,rev\n2004,"${'x'.repeat(70 * 1024 * 1024)}"\n` }), exit: 1, code: 'kessan:csvLimit' },
  { name: 'a header of 200,000 columns', make: () => report({ 'r.json': metadata(), 't1.csv': `${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',')}\n` }), exit: 1, code: 'kessan:csvLimit' },
  { name: 'a row of 5 million commas', make: () => report({ 'r.json': metadata(), 't1.csv': `period,rev\n2004,1${','.repeat(5_000_000)}x\n` }), exit: 1, code: 'xbrlce:unmappedCellValue' },
  { name: 'a column referring to itself', make: () => report({ 'r.json': metadata((m) => (m.tableTemplates.t1!.columns.rev = { dimensions: { concept: '$rev' } })) }), exit: 1, code: 'xbrlce:invalidReference' },
  { name: 'a template referring a fact column to itself', make: () => report({ 'r.json': metadata((m) => (m.tableTemplates.t1!.dimensions.period = '$rev')) }), exit: 1, code: 'xbrlce:invalidReference' },
  {
    name: 'metadata files extending each other in a cycle',
    make: () => report({ 'r.json': metadata((m) => (m.documentInfo.extends = ['a.json'])), 'a.json': JSON.stringify({ documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', extends: ['b.json'] } }), 'b.json': JSON.stringify({ documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', extends: ['a.json'] } }) }),
    exit: 1,
    code: 'xbrlce:cycleInExtensionChain',
  },
  { name: 'a metadata file extending itself', make: () => report({ 'r.json': metadata((m) => (m.documentInfo.extends = ['r.json'])) }), exit: 1, code: 'xbrlce:cycleInExtensionChain' },
  { name: 'a 1 GB sparse table', make: () => { const f = report({ 'r.json': metadata() }); sparse(join(f, '..', 't1.csv'), GB); return f; }, exit: 2, code: 'kessan:fileTooLarge' },
  { name: 'a 1 GB sparse table under a raised size limit', make: () => { const f = report({ 'r.json': metadata() }); sparse(join(f, '..', 't1.csv'), GB); return f; }, argv: (f) => ['validate', f, '--max-file-size', '2G'], exit: 1, code: 'xbrlce:invalidCSVFileFormat' },
  { name: 'a 1 GB sparse metadata file (its document type, then NULs)', make: () => sparseMetadata(), argv: (f) => ['validate', f, '--max-file-size', '2G'], exit: 1, code: 'xbrlce:invalidJSON' },
  { name: 'a 1 GB sparse report package', make: () => sparse(join(tmp, 'sparse.xbr'), GB), exit: 2, code: 'kessan:fileTooLarge' },
  { name: 'a zip bomb (a small package inflating past the size limit)', make: () => bomb(), argv: (f) => ['validate', f, '--max-file-size', '1M'], exit: 1, code: 'kessan:invalidPackage' },
  { name: 'a package that is no zip', make: () => { writeFileSync(join(tmp, 'junk.xbr'), 'not a zip at all'); return join(tmp, 'junk.xbr'); }, exit: 1, code: 'kessan:invalidPackage' },
  { name: 'a UTF-16 table', make: () => report({ 'r.json': metadata(), 't1.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_CSV, 'utf16le')]) }), exit: 1, code: 'xbrlce:invalidCSVFileFormat' },
  { name: 'invalid UTF-8 in a table', make: () => report({ 'r.json': metadata(), 't1.csv': Buffer.from([...Buffer.from('period,rev\n2004,'), 0xc0, 0x80, 10]) }), exit: 1, code: 'xbrlce:invalidCSVFileFormat' },
  { name: 'a table that is a folder', make: () => { const f = report({ 'r.json': metadata((m) => (m.tables.t1!.url = 'sub')) }); mkdirSync(join(f, '..', 'sub')); return f; }, exit: 1, code: 'xbrlce:missingRequiredCSVFile' },
  { name: '100,000 tables in the metadata', make: () => report({ 'r.json': metadata((m) => { for (let i = 0; i < 100_000; i++) m.tables[`x${i}`] = { url: `x${i}.csv`, template: 't1', optional: true }; }) }), exit: 1, code: 'kessan:csvLimit' },
  { name: '__proto__ and constructor as names', make: () => report({ 'r.json': metadata((m) => { m.tableTemplates.t1!.columns.rev = { dimensions: { concept: '$constructor' } }; }) }), exit: 1, code: 'xbrlce:invalidReferenceTarget' },
  { name: 'a parameter named __proto__', make: () => report({ 'r.json': metadata().replace('"dimensions": {', '"parameters": {"__proto__": "x"}, "dimensions": {') }), exit: 1, code: 'xbrlce:unreferencedParameter' },
];

function sparseMetadata(): string {
  const file = join(tmp, 'sparse.json');
  const head = Buffer.from('{"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-csv", ');
  const fd = openSync(file, 'w');
  writeFileSync(fd, head);
  ftruncateSync(fd, GB);
  closeSync(fd);
  return file;
}

function bomb(): string {
  const zeros = new Uint8Array(10 * 1024 * 1024);
  const zip = zipSync({ r: { 'META-INF': { 'reportPackage.json': strToU8('{"documentInfo":{"documentType":"https://xbrl.org/report-package/2023/xbr"}}') }, reports: { 'r.json': strToU8(metadata()), 't1.csv': zeros } } }, { level: 9 });
  const file = join(tmp, 'bomb.xbr');
  writeFileSync(file, zip);
  return file;
}

async function run(argv: string[]): Promise<{ exit: number; out: string; ms: number }> {
  const io = bufferIo();
  const t0 = performance.now();
  const exit = await runCli(argv, io);
  return { exit, out: io.err() + io.out(), ms: performance.now() - t0 };
}

describe('hostile xBRL-CSV', () => {
  it('warms up', async () => {
    await run(['validate', CASES[0]!.make()]);
  }, 60_000);

  for (const c of CASES) {
    it(`${c.name} → exit ${c.exit}${c.code ? ` ${c.code}` : ''}`, async () => {
      const file = c.make();
      const argv = (c.argv ?? ((f: string) => ['validate', f]))(file);
      const r = await run(argv);
      expect(r.out, r.out.slice(0, 2000)).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(r.exit, r.out.slice(0, 2000)).toBe(c.exit);
      if (c.code) expect(r.out).toContain(c.code);
      expect(r.ms).toBeLessThan(LIMIT_MS);
      expect((await run(argv)).exit).toBe(r.exit);
    }, 8 * LIMIT_MS);
  }
});

describe('references out of an xBRL-CSV report are refused, never read', () => {
  const secret = join(tmp, 'secret');
  mkdirSync(secret, { recursive: true });
  writeFileSync(join(secret, 't.csv'), GOOD_CSV);
  writeFileSync(join(secret, 'base.json'), JSON.stringify({ documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-csv', namespaces: NS, taxonomy: ['tiny.xsd'] } }));
  const cases: [string, string, string][] = [
    ['a table in another folder', metadata((m) => (m.tables.t1!.url = '../secret/t.csv')), 'kessan:referenceRefused'],
    ['a table at an absolute path', metadata((m) => (m.tables.t1!.url = '/proc/self/environ')), 'kessan:referenceRefused'],
    ['a base file in another folder', metadata((m) => (m.documentInfo.extends = ['../secret/base.json'])), 'xbrlce:unresolvableBaseMetadataFile'],
    ['a table on the network', metadata((m) => (m.tables.t1!.url = 'http://127.0.0.1:9/t.csv')), 'xbrlce:missingRequiredCSVFile'],
  ];
  for (const [name, md, code] of cases) {
    it(name, async () => {
      const file = report({ 'r.json': md });
      const r = await run(['validate', file]);
      expect(r.out).toContain(code);
      expect(r.exit, r.out).toBe(1);
      if (HAVE_STRACE) {
        const log = join(tmp, 'strace.log');
        spawnSync('strace', ['-f', '-qq', '-o', log, '-e', 'trace=open,openat,stat,lstat,newfstatat,statx,access,faccessat,faccessat2,readlink,readlinkat', process.execPath, CLI, 'validate', file], { stdio: 'ignore' });
        const seen = execFileSync('sed', ['-n', 's/.*"\\([^"]*\\)".*/\\1/p', log], { encoding: 'utf8' }).split('\n').filter(Boolean);
        expect(seen.length).toBeGreaterThan(10);
        expect(seen.filter((p) => p.includes('secret') || p.includes('/proc/self/environ'))).toEqual([]);
      }
    }, 30_000);
  }
});
