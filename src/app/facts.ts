/** One file's facts as listing rows (CSV, JSON lines or JSON array members), for `kessan facts`. */
import type { Fact } from '../core/model/fact.js';
import { formatFinding, type Finding } from '../core/model/finding.js';
import { formatPeriod } from '../core/model/period.js';
import { formatQName } from '../core/model/qname.js';
import type { Report } from '../core/model/report.js';
import { formatUnit } from '../core/model/unit.js';
import type { FactInfo } from '../core/xbrl/infoset.js';
import type { XmlNode } from '../core/model/xml.js';
import { contentXml } from '../formats/xbrl/write/content.js';
import { failureOf, type Failure } from './batch/failure.js';
import { openDocument } from './open.js';

export type ListFormat = 'csv' | 'json' | 'jsonl';

export const COLUMNS = ['concept', 'scheme', 'identifier', 'period', 'dimensions', 'segment', 'scenario', 'unit', 'value', 'nil', 'decimals', 'lang', 'id', 'file', 'line'] as const;

export interface ListOptions {
  readonly format: ListFormat;
  /** Filer profile for release text (default: found beside the input). */
  readonly profile?: string;
  /** Inline XBRL: the documents of the file's set (see `OpenOptions.members`). */
  readonly members?: readonly string[];
}

/** What listing one file gave: its rows as text (in chunks), and the warnings; or why it could not be read. */
export interface FactsResult {
  readonly file: string;
  readonly facts: number;
  /**
   * The rows, in order, as chunks of about 1 MB: CSV lines (CRLF) without the header, JSON lines, or JSON
   * array members joined by ",\n" (nothing before the first or after the last).
   */
  readonly chunks: string[];
  /** Warnings, each one printed line. */
  readonly warnings: string[];
  /** How many of them are errors (the file was listed, but reading it found something wrong: exit 1). */
  readonly errors: number;
  readonly failure?: Failure;
}

const WHY: Record<NonNullable<FactInfo['notInReport']>, (f: FactInfo) => string> = {
  contextMissing: (f) => `its contextRef "${f.contextRef ?? ''}" names no context`,
  periodInvalid: (f) => `the period of its context "${f.contextRef ?? ''}" cannot be read`,
  unitMissing: (f) => `its unitRef "${f.unitRef ?? ''}" names no unit`,
  unitInvalid: (f) => `the measures of its unit "${f.unitRef ?? ''}" cannot be resolved`,
};

/** Opens one document for listing: warns of what reading found, and of instance items that are not facts. */
async function openForListing(file: string, options: ListOptions, warn: (f: Finding) => void) {
  const doc = await openDocument(file, { ...(options.profile ? { profile: options.profile } : {}), ...(options.members ? { members: options.members } : {}) });
  for (const f of doc.report.findings) warn(f);
  for (const f of doc.instance?.facts ?? []) {
    if (!f.notInReport) continue;
    warn({ code: 'kessan:factNotListed', severity: 'warning', message: `item ${formatQName(f.element)} is not a fact: ${WHY[f.notInReport](f)}`, file, line: f.line, column: f.column });
  }
  return doc.report;
}

/**
 * One fact as the listing's fields (strings, exact values). `segment` and `scenario` hold the context's content
 * other than dimension members as XML, with the prefixes the document uses (declared inline where `namespaces`,
 * the document's own declarations, do not bind them).
 */
export function factRow(f: Fact, file: string, namespaces: ReadonlyMap<string, string> = new Map()) {
  const dims: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [d, v] of f.dimensions) dims[formatQName(d)] = 'typed' in v ? v.typed : formatQName(v);
  const source = f.sources[0];
  return {
    concept: formatQName(f.concept),
    scheme: f.entity.scheme,
    identifier: f.entity.identifier,
    period: formatPeriod(f.period),
    dimensions: dims,
    segment: xmlText(f.nonDimensional?.segment, namespaces),
    scenario: xmlText(f.nonDimensional?.scenario, namespaces),
    unit: f.unit ? formatUnit(f.unit) : null,
    value: f.value === null ? null : typeof f.value === 'string' ? f.value : f.value.toFixed(),
    decimals: f.decimals ?? null,
    lang: f.lang ?? null,
    id: f.id,
    file: source?.file ?? file,
    line: source?.line ?? null,
  };
}

export type FactRow = ReturnType<typeof factRow>;

function xmlText(nodes: readonly XmlNode[] | undefined, namespaces: ReadonlyMap<string, string>): string | null {
  return nodes?.length ? contentXml(nodes, namespaces).join('') : null;
}

/** RFC 4180: quote a field when it holds a comma, a quote or a line break (or leading/trailing space). */
export function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
}

export function csvLine(r: FactRow): string {
  const cells: Record<(typeof COLUMNS)[number], string> = {
    concept: r.concept,
    scheme: r.scheme,
    identifier: r.identifier,
    period: r.period,
    dimensions: Object.entries(r.dimensions).map(([d, m]) => `${d}=${m}`).join(';'),
    segment: r.segment ?? '',
    scenario: r.scenario ?? '',
    unit: r.unit ?? '',
    value: r.value ?? '',
    nil: r.value === null ? 'true' : '',
    decimals: r.decimals === null ? '' : String(r.decimals),
    lang: r.lang ?? '',
    id: r.id,
    file: r.file,
    line: r.line === null ? '' : String(r.line),
  };
  return `${COLUMNS.map((c) => csvField(cells[c])).join(',')}\r\n`;
}

const CHUNK = 1 << 20;

/** Reads one file and formats its facts; never throws (an unreadable file is a `failure`). */
export async function listFacts(file: string, options: ListOptions): Promise<FactsResult> {
  const warnings: string[] = [];
  let errors = 0;
  const warn = (f: Finding) => {
    warnings.push(formatFinding(f));
    if (f.severity === 'error') errors++;
  };
  try {
    const report = await openForListing(file, options, warn);
    return { file, facts: report.facts.length, chunks: formatRows(report, file, options.format), warnings, errors };
  } catch (e) {
    return { file, facts: 0, chunks: [], warnings, errors, failure: failureOf(e, file) };
  }
}

function formatRows(report: Report, file: string, format: ListFormat): string[] {
  const chunks: string[] = [];
  let buf = '';
  const namespaces = new Map(Object.entries(report.namespaces));
  for (const f of report.facts) {
    const r = factRow(f, file, namespaces);
    if (format === 'csv') buf += csvLine(r);
    else if (format === 'jsonl') buf += `${JSON.stringify(r)}\n`;
    else buf += `${buf || chunks.length ? ',\n' : ''}${JSON.stringify(r)}`;
    if (buf.length >= CHUNK) (chunks.push(buf), (buf = ''));
  }
  if (buf) chunks.push(buf);
  return chunks;
}
