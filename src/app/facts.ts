/** One file's facts as listing rows (CSV, JSON lines or JSON array members), for `kessan facts`; the columns are `fact-listing.ts`'s. */
import type { Fact } from '../core/model/fact.js';
import { formatFinding, type Finding } from '../core/model/finding.js';
import { formatPeriod } from '../core/model/period.js';
import { formatQName } from '../core/model/qname.js';
import type { QName } from '../core/model/qname.js';
import type { Report } from '../core/model/report.js';
import { formatUnit } from '../core/model/unit.js';
import type { FactInfo } from '../core/xbrl/infoset.js';
import { failureOf, type Failure } from './batch/failure.js';
import { csvLine, listingRow, xmlText } from './fact-listing.js';
import { openDocument, type OpenedDocument } from './open.js';

export { csvField, csvHeader } from './fact-listing.js';

export type ListFormat = 'csv' | 'json' | 'jsonl';

export interface ListOptions {
  readonly format: ListFormat;
  /** Add each concept's standard label from the document's DTS, in this language (`label` column). */
  readonly labels?: string;
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
  return doc;
}

/**
 * One fact as people read it (the review page; `fact-listing.ts` has the listing's typed columns). `segment` and `scenario` hold the context's content
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
    const doc = await openForListing(file, options, warn);
    const label = options.labels ? await labelsFor(doc, options.labels, warn) : undefined;
    return { file, facts: doc.report.facts.length, chunks: formatRows(doc.report, file, options.format, label), warnings, errors };
  } catch (e) {
    return { file, facts: 0, chunks: [], warnings, errors, failure: failureOf(e, file) };
  }
}

/** The labels of a document's concepts (its DTS loaded once per taxonomy entry point in a batch), warning of what is missing. */
async function labelsFor(doc: OpenedDocument, lang: string, warn: (f: Finding) => void): Promise<(concept: QName) => string | null> {
  const { documentLabels } = await import('./labels.js');
  return documentLabels(doc, lang, warn);
}

function formatRows(report: Report, filing: string, format: ListFormat, label?: (concept: QName) => string | null): string[] {
  const chunks: string[] = [];
  let buf = '';
  const ctx = { filing, namespaces: new Map(Object.entries(report.namespaces)), ...(label ? { label } : {}) };
  const labels = label !== undefined;
  for (const f of report.facts) {
    const r = listingRow(f, ctx);
    if (format === 'csv') buf += csvLine(r, labels);
    else if (format === 'jsonl') buf += `${JSON.stringify(r)}\n`;
    else buf += `${buf || chunks.length ? ',\n' : ''}${JSON.stringify(r)}`;
    if (buf.length >= CHUNK) (chunks.push(buf), (buf = ''));
  }
  if (buf) chunks.push(buf);
  return chunks;
}
