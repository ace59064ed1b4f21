/** xBRL-CSV in memory for tests: write a report's files, read files back without touching the disk. */
import type { Report } from '../../src/core/model/report.js';
import { memorySource, readXbrlCsv, type ReadXbrlCsvOptions } from '../../src/formats/csv/read/index.js';
import { writeXbrlCsv, type WriteXbrlCsvOptions } from '../../src/formats/csv/write/index.js';
import { aspects } from './facts.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Reads an xBRL-CSV report from files given as text (`r.json` is the metadata unless `primary` says otherwise). */
export function readCsvFiles(files: Record<string, string | Uint8Array>, options: ReadXbrlCsvOptions & { primary?: string } = {}): Report {
  const entries = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? utf8(v) : v]));
  const primary = options.primary ?? 'r.json';
  return readXbrlCsv(memorySource('mem', entries, primary), `mem/${primary}`, options);
}

/** A report's xBRL-CSV files as `readCsvFiles` takes them. */
export function csvFilesOf(report: Report, options: WriteXbrlCsvOptions = {}): Record<string, string> {
  const w = writeXbrlCsv(report, options);
  return { 'r.json': w.metadata, ...Object.fromEntries(w.tables.map((t) => [t.url, t.text])) };
}

/** Facts as comparable data, ids aside (xBRL-CSV gives facts ids of its own: table.row.column), in a fixed order. */
export function factSet(report: Report): string[] {
  return report.facts.map((f) => JSON.stringify({ ...aspects(f), id: undefined })).sort();
}
