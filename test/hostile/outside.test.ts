/**
 * Nothing outside the document's folder (and the folders allowed with --allow-dir, and kessan's catalog) is read
 * — not opened, not even looked at — whatever the document's taxonomy reference says, in every format that names
 * one: an XBRL instance's schemaRef, an Inline XBRL document's, an xBRL-JSON report's `documentInfo.taxonomy`.
 * Each case runs in-process for its exit code and message, and through the built CLI under strace (when both are
 * there) to see every file it opens or looks at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { CLI } from '../support/cli.js';

const HAVE_STRACE = existsSync(CLI) && spawnSync('strace', ['-f', '-e', 'trace=openat', 'true'], { stdio: 'ignore' }).status === 0;

const tmp = mkdtempSync(join(tmpdir(), 'kessan-outside-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const doc = join(tmp, 'doc');
const secret = join(tmp, 'secret');
mkdirSync(doc);
mkdirSync(secret);
writeFileSync(
  join(secret, 'secret.xsd'),
  `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" targetNamespace="http://example.com/s" elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:element name="A" id="s_A" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>
</xs:schema>
`,
);

const OUTSIDE = ['../secret/secret.xsd', '/proc/self/environ'];

function json(href: string): string {
  // No unit: whether the fact is numeric is a question for the taxonomy, so the reader asks for it.
  return JSON.stringify({
    documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-json', namespaces: { s: 'http://example.com/s' }, taxonomy: [href] },
    facts: { f1: { value: '10', dimensions: { concept: 's:A', entity: 's:x', period: '2020-01-01T00:00:00' } } },
  });
}

function instance(href: string): string {
  return `<?xml version="1.0"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:s="http://example.com/s">
  <link:schemaRef xlink:type="simple" xlink:href="${href}"/>
  <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://example.com/s">x</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2019-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:unit id="u"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
  <s:A contextRef="c" unitRef="u" decimals="0">10</s:A>
</xbrli:xbrl>
`;
}

function inline(href: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:s="http://example.com/s">
<head><title>t</title></head>
<body>
<div style="display:none"><ix:header><ix:references><link:schemaRef xlink:type="simple" xlink:href="${href}"/></ix:references>
<ix:resources>
  <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://example.com/s">x</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2019-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:unit id="u"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
<p><ix:nonFraction name="s:A" contextRef="c" unitRef="u" decimals="0">10</ix:nonFraction></p>
</body>
</html>
`;
}

interface Case {
  readonly name: string;
  readonly file: string;
  readonly argv: string[];
  /** Whether the command needs the taxonomy (and so must say it refused it); the others never look for it. */
  readonly needsTaxonomy: boolean;
}

const CASES: Case[] = [];
OUTSIDE.forEach((href, i) => {
  const files = { json: join(doc, `r${i}.json`), xbrl: join(doc, `r${i}.xbrl`), html: join(doc, `r${i}.xhtml`) };
  writeFileSync(files.json, json(href));
  writeFileSync(files.xbrl, instance(href));
  writeFileSync(files.html, inline(href));
  for (const [kind, file] of Object.entries(files)) {
    CASES.push({ name: `${kind} → ${href}: validate`, file, argv: ['validate', file], needsTaxonomy: true });
    for (const to of ['xbrl', 'json', 'release']) {
      if (to === kind) continue;
      // xBRL-JSON asks its taxonomy whether a fact without a unit is numeric; release text needs its labels.
      const needsTaxonomy = kind === 'json' || to === 'release';
      CASES.push({ name: `${kind} → ${href}: convert --to ${to}`, file, argv: ['convert', file, '-o', join(tmp, `out-${i}-${kind}.${to === 'release' ? 'txt' : to}`), '--to', to], needsTaxonomy });
    }
  }
});

// Other references a document can make: an EDINET-style manifest listing a document outside its folder, and an
// instance's xsi:schemaLocation (read for typing custom content) naming a schema outside it.
const setDir = join(tmp, 'set');
mkdirSync(setDir);
writeFileSync(join(setDir, 'a.xhtml'), inline('http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd'));
writeFileSync(join(secret, 'b.xhtml'), inline('http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd'));
writeFileSync(join(setDir, 'manifest.xml'), `<?xml version="1.0"?><manifest xmlns="http://disclosure.edinet-fsa.go.jp/2013/manifest"><list><instance id="i" type="jpcrp" preferredFilename="x.xbrl"><ixbrl>a.xhtml</ixbrl><ixbrl>../secret/b.xhtml</ixbrl></instance></list></manifest>`);
for (const argv of [['validate', join(setDir, 'a.xhtml')], ['facts', join(setDir, 'a.xhtml')]]) {
  CASES.push({ name: `manifest → ../secret/b.xhtml: ${argv[0]}`, file: argv[1]!, argv, needsTaxonomy: true });
}
const located = join(doc, 'located.xbrl');
writeFileSync(located, instance('http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd').replace('<xbrli:xbrl ', '<xbrli:xbrl xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://example.com/s ../secret/secret.xsd" '));

async function run(argv: string[]): Promise<{ exit: number; out: string }> {
  const io = bufferIo();
  const exit = await runCli(argv, io);
  return { exit, out: io.err() + io.out() };
}

/** Every path the built CLI opens or looks at (open, stat, access, readlink) while running `argv`. */
function touched(argv: string[]): string[] {
  const log = join(tmp, 'strace.log');
  spawnSync('strace', ['-f', '-qq', '-o', log, '-e', 'trace=open,openat,stat,lstat,newfstatat,statx,access,faccessat,faccessat2,readlink,readlinkat', process.execPath, CLI, ...argv], { stdio: 'ignore' });
  const paths = execFileSync('sed', ['-n', 's/.*"\\([^"]*\\)".*/\\1/p', log], { encoding: 'utf8' });
  return paths.split('\n').filter(Boolean);
}

describe('a taxonomy reference outside the document folder is refused, never read', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await run(c.argv);
      expect(r.out).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      if (c.needsTaxonomy) {
        expect(r.out).toContain('kessan:referenceRefused');
        expect(r.out.split('kessan:referenceRefused').length, 'said once').toBe(2);
        expect(r.exit, r.out).toBe(1);
      } else {
        expect(r.out).not.toContain('kessan:referenceRefused');
        expect(r.exit, r.out).toBe(0);
      }
      if (HAVE_STRACE) {
        const seen = touched(c.argv);
        expect(seen.length).toBeGreaterThan(10); // strace saw the run
        expect(seen.filter((p) => p.includes('secret') || p.includes('/proc/self/environ'))).toEqual([]);
      }
    }, 20_000);
  }

  it("an instance's xsi:schemaLocation outside its folder is not looked at", async () => {
    const r = await run(['validate', located]);
    expect(r.out).not.toMatch(/internal error/);
    if (HAVE_STRACE) expect(touched(['validate', located]).filter((p) => p.includes('secret'))).toEqual([]);
  });

  it('is read when its folder is allowed with --allow-dir', async () => {
    const file = join(doc, 'r0.json');
    const r = await run(['convert', file, '-o', join(tmp, 'allowed.xbrl'), '--allow-dir', secret]);
    expect(r.out).not.toContain('kessan:referenceRefused');
    expect(r.exit, r.out).toBe(0);
  });
});
