import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { bufferIo } from '../src/cli/io.js';
import { edit, EXAMPLE, exampleText, PROFILE } from './support/example.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'kessan-cli-'));
}

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('kessan convert', () => {
  it('converts the example to an instance, exit 0, warnings on stderr', async () => {
    const out = join(tmp(), 'sub', 'iij.xbrl');
    const r = await run('convert', EXAMPLE, '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/wrote .*iij\.xbrl: 695 facts \(16 nil\); 0 error\(s\), 2 warning\(s\)/);
    expect(r.err).toMatch(/iij-2q-fy2004\.txt:322:30: warning release:inconsistentPrintings/);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/<link:schemaRef xlink:type="simple" xlink:href="[^"]*taxonomy\/iij\/iij-2004\.xsd"\/>/);
    expect(xml.match(/contextRef=/g)).toHaveLength(695);
  });

  it('-o where no folder can be made (under /proc, under a file): one message, exit 2, no hang', async () => {
    const blocked = join(tmp(), 'a-file');
    writeFileSync(blocked, '');
    for (const out of ['/proc/kessan-nope/iij.xbrl', join(blocked, 'sub', 'iij.xbrl')]) {
      const r = await run('convert', EXAMPLE, '-o', out);
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(/error kessan:outputUnwritable cannot write the output: .*(ENOENT|ENOTDIR)/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('writes the same bytes twice', async () => {
    const dir = tmp();
    await run('convert', EXAMPLE, '-o', join(dir, 'a.xbrl'));
    await run('convert', EXAMPLE, '-o', join(dir, 'b.xbrl'));
    expect(readFileSync(join(dir, 'a.xbrl'), 'utf8')).toBe(readFileSync(join(dir, 'b.xbrl'), 'utf8'));
  });

  it('exits 1 and still writes when the release has a row the taxonomy does not know', async () => {
    const dir = tmp();
    const text = edit(exampleText(), '<b>Equipment Sales</b>\t<b>1,167</b>', 'Widget Rentals\t12\t10\t20.0%\t11\t9.1%\n<b>Equipment Sales</b>\t<b>1,167</b>');
    const input = join(dir, 'release.txt');
    writeFileSync(input, text);
    const r = await run('convert', input, '-o', join(dir, 'out.xbrl'), '--profile', PROFILE);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/release\.txt:88: error release:unknownRow row "Widget Rentals" in table "Revenues"/);
    expect(existsSync(join(dir, 'out.xbrl'))).toBe(true);
  });

  it('finds the profile beside the input, or says how to give one', async () => {
    const dir = tmp();
    const input = join(dir, 'release.txt');
    copyFileSync(EXAMPLE, input);
    const r = await run('convert', input, '-o', join(dir, 'out.xbrl'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no filer profile found beside the input; pass --profile/);
  });

  it.each([
    [['convert'], /convert takes exactly one input file/],
    [['convert', EXAMPLE], /convert needs -o <output>/],
    [['convert', EXAMPLE, '-o', EXAMPLE], /would overwrite the input/],
    [['convert', EXAMPLE, '-o', 'x.unknown'], /cannot tell the format/],
    [['convert', EXAMPLE, '-o', 'x.xbrl', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 for a missing input, a folder, or a broken profile, naming the file', async () => {
    const dir = tmp();
    expect((await run('convert', join(dir, 'nope.txt'), '-o', join(dir, 'o.xbrl'))).err).toMatch(/nope\.txt: error kessan:inputUnreadable no such file/);
    mkdirSync(join(dir, 'folder.txt'));
    expect((await run('convert', join(dir, 'folder.txt'), '-o', join(dir, 'o.xbrl'))).code).toBe(2);
    const bad = join(dir, 'bad.profile.json');
    writeFileSync(bad, JSON.stringify({ entity: { scheme: 'x' }, fiscalYear: {}, currency: 'JPY', taxonomy: { schema: 'x' } }));
    const r = await run('convert', EXAMPLE, '-o', join(dir, 'o.xbrl'), '--profile', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.profile\.json: error kessan:profileInvalid the filer profile is not valid: \/entity must have required property 'identifier'/);
    expect(existsSync(join(dir, 'o.xbrl'))).toBe(false);
  });

  it('prints help for the tool and for each command', async () => {
    const main = await run('--help');
    expect(main.code).toBe(0);
    expect(main.out).toMatch(/convert/);
    const convert = await run('convert', '--help');
    expect(convert.code).toBe(0);
    expect(convert.out).toMatch(/Usage: kessan convert <input> -o <output>/);
  });
});

describe('kessan convert between instances', () => {
  it('reads an instance and writes it elsewhere: same facts, schemaRef re-pointed', async () => {
    const dir = tmp();
    const a = join(dir, 'a.xbrl');
    const b = join(dir, 'deeper', 'b.xbrl');
    expect((await run('convert', EXAMPLE, '-o', a)).code).toBe(0);
    expect((await run('convert', a, '-o', b)).code).toBe(0);
    const [xa, xb] = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
    expect(xb.replace(/xlink:href="[^"]*"/, '')).toBe(xa.replace(/xlink:href="[^"]*"/, ''));
    expect(xb).toMatch(/xlink:href="\.\.\/[^"]*taxonomy\/iij\/iij-2004\.xsd"/);
  });
});

describe('kessan facts on the example', () => {
  it('lists a release through its profile, like convert', async () => {
    const r = await run('facts', EXAMPLE, '--format', 'jsonl');
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n')).toHaveLength(695);
    expect(r.err).toMatch(/warning release:inconsistentPrintings/);
  });

  it('--labels [LANG] adds the standard label from the DTS after the concept\'s parts', async () => {
    const header = (await run('facts', EXAMPLE, '--labels')).out.split('\r\n')[0]!.split(',');
    expect(header.slice(7, 10)).toEqual(['concept_prefix', 'label', 'period_type']);
    const rows = (await run('facts', '--labels', EXAMPLE, '--format', 'jsonl')).out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(695);
    expect(Object.keys(rows[0]!).indexOf('label')).toBe(8);
    expect(rows.find((r) => r.concept === 'iij:Revenues')).toMatchObject({ label: 'Total revenues' });
    expect(rows.every((r) => typeof r.label === 'string' && r.label !== '')).toBe(true);
    // The taxonomy has English labels only: another language falls back to them.
    const fr = (await run('facts', EXAMPLE, '--labels', 'fr', '--format', 'jsonl')).out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(fr.map((r) => r.label)).toEqual(rows.map((r) => r.label));
  });
});
