/**
 * A validation as JUnit XML (`kessan validate --format junit`), the format test dashboards read, in the shape of
 * the Apache Ant JUnit schema (schemas/junit.xsd): a testsuite per file, a testcase per rule checked. A rule
 * without a failing finding passes; each finding that fails its file (`--fail-on`) is a testcase of its own with
 * one `failure` (the schema allows one per testcase), named by its code and where it is. A file that could not be
 * read is one testcase with an `error`. Findings that do not fail the file (warnings under the default policy,
 * info) are listed in the suite's `system-out`, one line each as the text format prints them.
 */
import { hostname } from 'node:os';
import { formatFinding, type Finding } from '../core/model/finding.js';
import type { ValidateOptions } from '../validate/rule.js';
import { checkedRules } from '../validate/validate.js';
import type { FileReport } from './batch/validate-one.js';
import type { ReportedOptions } from './report.js';
import { failsOn } from './verdict.js';

export interface JunitEntry {
  readonly report: FileReport;
  /** The file could not be read or checked at all (its one finding says why). */
  readonly failed: boolean;
}

/** The JUnit XML of a validation's file entries. `now` is the run's time (the schema asks each suite for one). */
export function junitXml(entries: readonly JunitEntry[], options: ReportedOptions, now: Date = new Date()): string {
  const timestamp = now.toISOString().slice(0, 19);
  const host = xmlToken(hostname()) || 'localhost';
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>'];
  entries.forEach((e, id) => out.push(...suite(e, id, options, timestamp, host)));
  out.push('</testsuites>', '');
  return out.join('\n');
}

function suite(entry: JunitEntry, id: number, options: ReportedOptions, timestamp: string, host: string): string[] {
  const { report } = entry;
  const cases: string[] = [];
  const quiet: Finding[] = [];
  let failures = 0;
  let errors = 0;
  if (entry.failed) {
    const f = report.findings[0]!;
    cases.push(`    <testcase name="${attr(`read ${report.format}`)}" classname="${attr(report.file)}" time="0">`, `      <error type="${attr(f.code)}" message="${attr(f.message)}">${text(formatFinding(f))}</error>`, '    </testcase>');
    errors++;
  } else {
    const failing = new Map<string, Finding[]>();
    for (const f of report.findings) {
      if (!failsOn(f.severity, options.failOn)) quiet.push(f);
      else failing.set(f.code, [...(failing.get(f.code) ?? []), f]);
    }
    for (const rule of checkedRules({ instance: report.format === 'xbrl', taxonomy: true }, validateOptions(options))) {
      if (!failing.has(rule.code)) cases.push(`    <testcase name="${attr(rule.code)}" classname="${attr(report.file)}" time="0"/>`);
    }
    for (const [code, list] of failing) {
      for (const f of list) {
        cases.push(
          `    <testcase name="${attr(`${code} ${place(f, report.file)}`.trim())}" classname="${attr(report.file)}" time="0">`,
          `      <failure type="${attr(code)}" message="${attr(f.message)}">${text(formatFinding(f))}</failure>`,
          '    </testcase>',
        );
        failures++;
      }
    }
  }
  const tests = cases.filter((c) => c.startsWith('    <testcase')).length;
  const seconds = (report.ms / 1000).toFixed(3);
  return [
    `  <testsuite package="kessan" id="${id}" name="${attr(report.file)}" timestamp="${timestamp}" hostname="${attr(host)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds}">`,
    '    <properties>',
    ...Object.entries({ format: report.format, facts: String(report.facts), valid: String(report.valid), ...stringValues(options) }).map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`),
    '    </properties>',
    ...cases,
    `    <system-out>${text(quiet.map((f) => `${formatFinding(f)}\n`).join(''))}</system-out>`,
    '    <system-err></system-err>',
    '  </testsuite>',
  ];
}

/** The validation options a report states, as the rules see them (to list the rules that were checked). */
function validateOptions(o: ReportedOptions): ValidateOptions {
  return { calc: o.calc, duplicates: o.duplicates, ...(o.utr === 'off' ? { utr: 'none' } : {}) };
}

function stringValues(o: ReportedOptions): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
}

/** Where a finding is, for its testcase's name: line and column in the file, or the other file it is in. */
function place(f: Finding, file: string): string {
  const at = f.line ? `${f.line}${f.column ? `:${f.column}` : ''}` : '';
  if (!f.file || f.file === file) return at ? `at ${at}` : '';
  return `in ${f.file}${at ? `:${at}` : ''}`;
}

// Characters XML 1.0 cannot carry at all: shown as U+FFFD (a report is always written; the JSON report has the original).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' })[c]!);
}

function attr(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' })[c]!);
}

/** An xs:token-safe host name (no leading, trailing or repeated whitespace). */
function xmlToken(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
