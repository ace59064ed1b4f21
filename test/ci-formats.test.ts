import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { bufferIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { allRules } from '../src/validate/rules.js';
import { EXAMPLE, ROOT, SHARED } from './support/example.js';

/**
 * `kessan validate --format sarif` and `--format junit` on the corpus, the example's output and a hand-broken copy,
 * checked against their published schemas (vendored in schemas/, see schemas/README.md; nothing is fetched): SARIF
 * 2.1.0's JSON Schema with ajv, the Ant JUnit XSD with libxml2 (xmllint-wasm). And what a viewer needs: every
 * result points at a file that exists, at a line that file has.
 */
const CORPUS = join(SHARED, 'corpus');
const TAXONOMIES = join(SHARED, 'taxonomies');
const OUT = join(ROOT, 'out', `ci-formats-${process.pid}`);
const GOOD = join(OUT, 'iij-2q-fy2004.xbrl');
const require = createRequire(import.meta.url);

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function sarifValidator() {
  const Ajv04 = require('ajv-draft-04') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
  const addFormats = require('ajv-formats') as (ajv: unknown) => void;
  // unicodeRegExp: false: the published rtm.5 schema has a pattern (language) with a stray ']' that only the non-unicode RegExp accepts.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object);
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn?: number } } }[];
}

/** Where a viewer opens a result: its artifact's URI against the run's base URIs, as a local path. */
function pathOf(loc: SarifResult['locations'][0], bases: Record<string, { uri: string }>): string {
  const a = loc.physicalLocation.artifactLocation;
  return fileURLToPath(a.uriBaseId ? new URL(a.uri, bases[a.uriBaseId]!.uri) : new URL(a.uri));
}

const hasCorpus = existsSync(CORPUS) && existsSync(TAXONOMIES);

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  expect((await run('convert', EXAMPLE, '-o', GOOD)).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('kessan validate --format sarif', () => {
  it.skipIf(!hasCorpus)('the corpus (with ../shared/taxonomies), the example and a broken copy: valid SARIF 2.1.0, each finding at its file and line', async () => {
    const broken = join(OUT, 'broken.xbrl');
    const xml = readFileSync(GOOD, 'utf8');
    writeFileSync(broken, xml.replace('<iij:Revenues contextRef="D2004-04-01_2004-09-30"', '<iij:Revenues contextRef="I2004-09-30"'));
    try {
      const args = [CORPUS, GOOD, broken, '--taxonomy-dir', TAXONOMIES, '--jobs', '1'];
      const sarif = await run('validate', ...args, '--format', 'sarif');
      const json = await run('validate', ...args, '--format', 'json');
      expect(sarif.code).toBe(1);
      expect(sarif.code).toBe(json.code);
      const log = JSON.parse(sarif.out) as { version: string; runs: { tool: { driver: { rules: { id: string; help?: { text: string } }[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: SarifResult[] }[] };
      const check = sarifValidator();
      expect(check(log), JSON.stringify(check.errors)).toBe(true);
      // The schema is really checked: a result without a message is not SARIF.
      expect(check({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x', locations: [] }] }] })).toBe(false);
      expect(log.version).toBe('2.1.0');
      const [runLog] = log.runs;
      const report = JSON.parse(json.out) as { files: { file: string; findings: { code: string; line?: number; file?: string; severity: string }[] }[] };
      const findings = report.files.flatMap((f) => f.findings);
      // One result per finding, in the report's order, with its rule.
      expect(runLog!.results.map((r) => r.ruleId)).toEqual(findings.map((f) => f.code));
      const rules = runLog!.tool.driver.rules;
      for (const r of runLog!.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      // Every rule kessan has is described, with its documentation as help.
      for (const rule of allRules()) expect(rules.find((d) => d.id === rule.code)?.help?.text).toBe(rule.docs.replace(/\s+/g, ' ').trim());
      // A viewer opens each result in a file that exists, at a line it has.
      const lines = new Map<string, number>();
      runLog!.results.forEach((r, i) => {
        const path = pathOf(r.locations[0]!, runLog!.originalUriBaseIds);
        expect(existsSync(path), path).toBe(true);
        const f = findings[i]!;
        expect(path).toBe(resolve(f.file ?? ''));
        if (f.line) {
          if (!lines.has(path)) lines.set(path, readFileSync(path, 'utf8').split('\n').length);
          expect(r.locations[0]!.physicalLocation.region?.startLine).toBe(f.line);
          expect(f.line).toBeLessThanOrEqual(lines.get(path)!);
        }
      });
      // The broken copy's error, and the example's inconsistency, are errors under the default --fail-on.
      const period = runLog!.results.find((r) => r.ruleId === 'xbrl.4.7.2:contextPeriodType')!;
      expect(period.level).toBe('error');
      expect(pathOf(period.locations[0]!, runLog!.originalUriBaseIds)).toBe(broken);
      expect(runLog!.results.find((r) => r.ruleId === 'oime:disallowedDuplicateFacts')!.level).toBe('error');
      expect(runLog!.results.find((r) => r.ruleId === 'arelle:duplicateFacts')!.level).toBe('warning');
      // Relative paths given on the command line stay relative to %SRCROOT% (a repository's checkout).
      const given = relative(process.cwd(), GOOD);
      const rel = JSON.parse((await run('validate', given, '--format', 'sarif')).out) as typeof log;
      expect(rel.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: given.split('\\').join('/'), uriBaseId: '%SRCROOT%' });
    } finally {
      rmSync(broken, { force: true });
    }
  }, 300_000);
});

describe('kessan validate --format junit', () => {
  it.skipIf(!hasCorpus)('the corpus, the example and an unreadable file: valid against the Ant JUnit XSD, a testsuite per file, a failure per failing finding', async () => {
    const missing = join(OUT, 'no-such-file.xbrl');
    const args = [CORPUS, GOOD, missing, '--taxonomy-dir', TAXONOMIES, '--jobs', '1'];
    const junit = await run('validate', ...args, '--format', 'junit');
    const json = await run('validate', ...args, '--format', 'json');
    expect(junit.code).toBe(1);
    const xsd = readFileSync(join(ROOT, 'schemas', 'junit.xsd'), 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: junit.out }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
    expect(result.errors.slice(0, 5), junit.out.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    // The schema is really checked: a suite without its timestamp is not valid.
    const bad = await validateXML({ xml: [{ fileName: 'bad.xml', contents: junit.out.replace(/ timestamp="[^"]*"/, '') }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
    expect(bad.valid).toBe(false);
    const report = JSON.parse(json.out) as { files: { file: string; findings: { severity: string }[] }[] };
    const suites = [...junit.out.matchAll(/<testsuite package="kessan" id="(\d+)" name="([^"]*)"[^>]* tests="(\d+)" failures="(\d+)" errors="(\d+)"/g)];
    expect(suites.map((s) => s[2])).toEqual(report.files.map((f) => f.file));
    report.files.forEach((f, i) => {
      const failing = f.findings.filter((x) => x.severity === 'error' || x.severity === 'inconsistency').length;
      const [, , , tests, failures, errors] = suites[i]!;
      if (f.file === missing) {
        expect([failures, errors]).toEqual(['0', '1']);
      } else {
        expect(Number(failures)).toBe(failing);
        expect(errors).toBe('0');
        // A testcase per rule checked (passing) besides one per failing finding.
        expect(Number(tests)).toBeGreaterThan(50 + failing);
      }
    });
    expect(junit.out).toMatch(/<testcase name="oime:disallowedDuplicateFacts at 314:3" classname="[^"]*iij-2q-fy2004\.xbrl" time="0">\n {6}<failure type="oime:disallowedDuplicateFacts" message="Calculations check stopped/);
    expect(junit.out).toMatch(/<testcase name="xbrl\.4\.7\.2:contextPeriodType" classname="[^"]*iij-2q-fy2004\.xbrl" time="0"\/>/);
    // Findings that do not fail the file are in its system-out, as the text format prints them.
    expect(junit.out).toMatch(/<system-out>[^<]*iij-2q-fy2004\.xbrl:314:3: warning arelle:duplicateFacts /);
    // --calc none: the calculation rules were not checked, so they are no testcases.
    const none = await run('validate', GOOD, '--format', 'junit', '--calc', 'none');
    expect(none.out).not.toMatch(/calc11e:|calcInconsistency|disallowedDuplicateFacts/);
    expect(none.code).toBe(0);
  }, 300_000);
});
