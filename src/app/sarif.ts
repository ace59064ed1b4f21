/**
 * A validation as SARIF 2.1.0 (`kessan validate --format sarif`), the format code-scanning views read: one run,
 * the tool's rules with their help text from each rule's own metadata (the same text as docs/rules.md), and one
 * result per finding with its rule, level, message and physical location (file, line and column).
 *
 * A finding's level follows the exit policy: a finding that fails its file (`--fail-on`) is an `error`, another
 * warning or inconsistency a `warning`, info a `note`; kessan's own severity is kept in the result's properties.
 * Paths given relative (as on the command line) stay relative to `%SRCROOT%`, the folder kessan ran in, so that a
 * viewer opens them in the repository; absolute paths (a taxonomy file outside it) are `file:` URIs.
 */
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../core/model/finding.js';
import type { Rule } from '../validate/rule.js';
import { allRules } from '../validate/rules.js';
import type { FileReport } from './batch/validate-one.js';
import { KESSAN_VERSION } from './report.js';
import { failsOn, type FailOn } from './verdict.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The part of SARIF 2.1.0 kessan writes (the tests check the output against the published schema). */
export declare namespace Sarif {
  interface Message { text: string; markdown?: string }
  interface ArtifactLocation { uri: string; uriBaseId?: string }
  interface Region { startLine: number; startColumn?: number }
  interface Location { physicalLocation: { artifactLocation: ArtifactLocation; region?: Region } }
  type Level = 'error' | 'warning' | 'note' | 'none';
  interface ReportingDescriptor {
    id: string;
    name?: string;
    shortDescription?: Message;
    fullDescription?: Message;
    help?: Message;
    defaultConfiguration?: { level: Level };
    properties?: Record<string, unknown>;
  }
  interface Result { ruleId: string; ruleIndex: number; level: Level; message: Message; locations: Location[]; properties?: Record<string, unknown> }
  interface Run {
    tool: { driver: { name: string; version: string; semanticVersion: string; rules: ReportingDescriptor[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Result[];
    columnKind: 'utf16CodeUnits' | 'unicodeCodePoints';
  }
  interface Log { $schema: string; version: '2.1.0'; runs: Run[] }
}

const SRCROOT = '%SRCROOT%';

/** The SARIF log of a validation's file entries, `cwd` being the folder relative paths are relative to. */
export function sarifLog(files: readonly FileReport[], failOn: FailOn, cwd: string = process.cwd()): Sarif.Log {
  const rules = new Map<string, Rule>(allRules().map((r) => [r.code, r]));
  const descriptors: Sarif.ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const ruleIndex = (code: string): number => {
    let i = index.get(code);
    if (i === undefined) {
      i = descriptors.length;
      index.set(code, i);
      descriptors.push(descriptor(code, rules.get(code), failOn));
    }
    return i;
  };
  // Every rule kessan has, in the order they run, then the codes of readers and the DTS loader as they occur.
  for (const r of allRules()) ruleIndex(r.code);
  const results: Sarif.Result[] = [];
  for (const entry of files) for (const f of entry.findings) results.push(result(f, entry.file, ruleIndex(f.code), failOn));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kessan', version: KESSAN_VERSION, semanticVersion: KESSAN_VERSION, rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** A rule's reporting descriptor: its code, its docs as help, its level under the policy. */
function descriptor(code: string, rule: Rule | undefined, failOn: FailOn): Sarif.ReportingDescriptor {
  if (!rule) {
    // A code a reader or the DTS loader reports (Arelle's where one exists): no rule file, so no docs of its own.
    const text = `${code}: reported while reading the document or loading its taxonomy; the message says what and where.`;
    return { id: code, shortDescription: { text: code }, help: { text } };
  }
  const docs = rule.docs.replace(/\s+/g, ' ').trim();
  return {
    id: rule.code,
    ...(rule.name ? { name: rule.name } : {}),
    shortDescription: { text: firstSentence(docs) },
    fullDescription: { text: docs },
    help: { text: docs, markdown: docs },
    defaultConfiguration: { level: level(rule.severity, failOn) },
    properties: { severity: rule.severity, needs: [...rule.needs] },
  };
}

function result(f: Finding, file: string, ruleIndex: number, failOn: FailOn): Sarif.Result {
  const where = f.file ?? file;
  const region: Sarif.Region | undefined = f.line ? { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } : undefined;
  return {
    ruleId: f.code,
    ruleIndex,
    level: level(f.severity, failOn),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(where), ...(region ? { region } : {}) } }],
    properties: { severity: f.severity, ...(f.factIds?.length ? { factIds: [...f.factIds] } : {}) },
  };
}

/** SARIF's level: a finding that fails its file is an error; other warnings and inconsistencies warnings; info a note. */
function level(severity: Severity, failOn: FailOn): Sarif.Level {
  if (failsOn(severity, failOn)) return 'error';
  return severity === 'info' ? 'note' : 'warning';
}

function artifactLocation(path: string): Sarif.ArtifactLocation {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function firstSentence(text: string): string {
  const m = /^(.+?[.:])(\s|$)/.exec(text);
  return m ? m[1]! : text;
}
