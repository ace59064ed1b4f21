import { KessanError } from '../errors.js';
import type { Fact } from '../model/fact.js';
import { formatFinding, type Finding } from '../model/finding.js';
import { formatPeriod } from '../model/period.js';
import { formatQName } from '../model/qname.js';
import type { Report } from '../model/report.js';
import { formatUnit } from '../model/unit.js';
import { formatOf } from '../formats.js';
import { canRead, readAny } from '../io/read.js';
import { loadProfile } from '../profile/profile.js';
import { readReleaseWithProfile } from '../readers/release/index.js';
import type { FactInfo } from '../readers/xbrl/model.js';
import { readInstanceFile } from '../readers/xbrl/read.js';
import { findProfile, readInputText, schemaRefFor } from './convert.js';
import type { Io } from './io.js';
import type { Command } from './run.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';

const USAGE = `Usage: kessan facts <file>... [--format csv|json|jsonl] [--profile PROFILE.json]

Lists the facts of each file: concept, entity, period, dimensions, unit, value, decimals,
language, id and where the fact is. Formats follow the extensions:
  .xbrl .xml   XBRL 2.1 instance
  .txt .md     earnings release text (read with its filer profile, as convert does)

Options:
      --format F        csv (default; a header row), json (one array) or jsonl (one object a line)
  -p, --profile FILE    filer profile for release text (default: found beside the input)
  -h, --help            this help

Values are printed exactly as decimals (never rounded through floating point); a nil fact has an
empty value and nil=true (null in JSON). Instance items whose context or unit is missing are not
facts; each is reported on stderr as a warning.

${LIMITS_HELP}
Exit: 0 listed; 2 usage error or unreadable input (1 if an instance is not well-formed XML).
`;

const COLUMNS = ['concept', 'scheme', 'identifier', 'period', 'dimensions', 'unit', 'value', 'nil', 'decimals', 'lang', 'id', 'file', 'line'] as const;

const WHY: Record<NonNullable<FactInfo['notInReport']>, (f: FactInfo) => string> = {
  contextMissing: (f) => `its contextRef "${f.contextRef ?? ''}" names no context`,
  periodInvalid: (f) => `the period of its context "${f.contextRef ?? ''}" cannot be read`,
  unitMissing: (f) => `its unitRef "${f.unitRef ?? ''}" names no unit`,
  unitInvalid: (f) => `the measures of its unit "${f.unitRef ?? ''}" cannot be resolved`,
};

function readReport(file: string, values: Record<string, unknown>, warn: (f: Finding) => void): Report {
  const format = formatOf(file);
  if (format === 'xbrl') {
    const report = readInstanceFile(file);
    for (const f of report.instance.facts) {
      if (!f.notInReport) continue;
      warn({ code: 'kessan:factNotListed', severity: 'warning', message: `item ${formatQName(f.element)} is not a fact: ${WHY[f.notInReport](f)}`, file, line: f.line, column: f.column });
    }
    return report;
  }
  if (format === 'release') {
    const text = readInputText(file);
    const profile = loadProfile((values.profile as string | undefined) ?? findProfile(file));
    const report = readReleaseWithProfile(text, file, profile, schemaRefFor(profile, file));
    for (const f of report.findings) warn(f);
    return report;
  }
  if (!canRead(format)) throw new KessanError('kessan:unsupported', `reading ${format} input is not supported yet by facts`, { file }, 2);
  const report = readAny(file, {}, format);
  for (const f of report.findings) warn(f);
  return report;
}

/** One fact as the listing's fields (strings, exact values). */
function row(f: Fact, file: string) {
  const dims: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [d, v] of f.dimensions) dims[formatQName(d)] = 'typed' in v ? v.typed : formatQName(v);
  const source = f.sources[0];
  return {
    concept: formatQName(f.concept),
    scheme: f.entity.scheme,
    identifier: f.entity.identifier,
    period: formatPeriod(f.period),
    dimensions: dims,
    unit: f.unit ? formatUnit(f.unit) : null,
    value: f.value === null ? null : typeof f.value === 'string' ? f.value : f.value.toFixed(),
    decimals: f.decimals ?? null,
    lang: f.lang ?? null,
    id: f.id,
    file: source?.file ?? file,
    line: source?.line ?? null,
  };
}

/** RFC 4180: quote a field when it holds a comma, a quote or a line break (or leading/trailing space). */
export function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(r: ReturnType<typeof row>): string {
  const cells: Record<(typeof COLUMNS)[number], string> = {
    concept: r.concept,
    scheme: r.scheme,
    identifier: r.identifier,
    period: r.period,
    dimensions: Object.entries(r.dimensions).map(([d, m]) => `${d}=${m}`).join(';'),
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

/** Writes in chunks of about 64 KiB: one write per fact is slow on a million facts. */
function chunkedWriter(out: Io['stdout']) {
  let buf = '';
  return {
    write(s: string) {
      buf += s;
      if (buf.length >= 65536) (out.write(buf), (buf = ''));
    },
    flush() {
      if (buf) out.write(buf);
      buf = '';
    },
  };
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  applyLimitOptions(values);
  if (positionals.length === 0) throw new KessanError('kessan:usage', `facts needs at least one input file\n\n${USAGE}`, {}, 2);
  const format = ((values.format as string | undefined) ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'json' && format !== 'jsonl') {
    throw new KessanError('kessan:usage', `unknown --format "${format}" (csv, json or jsonl)`, {}, 2);
  }
  // Read everything first: an unreadable file stops the command before anything is printed.
  const warn = (f: Finding) => io.stderr.write(`${formatFinding(f)}\n`);
  const reports = positionals.map((file) => [file, readReport(file, values, warn)] as const);
  const out = chunkedWriter(io.stdout);
  if (format === 'csv') out.write(`${COLUMNS.join(',')}\r\n`);
  if (format === 'json') out.write('[');
  let first = true;
  for (const [file, report] of reports) {
    for (const f of report.facts) {
      const r = row(f, file);
      if (format === 'csv') out.write(csvLine(r));
      else if (format === 'jsonl') out.write(`${JSON.stringify(r)}\n`);
      else {
        out.write(`${first ? '\n' : ',\n'}${JSON.stringify(r)}`);
        first = false;
      }
    }
  }
  if (format === 'json') out.write(first ? ']\n' : '\n]\n');
  out.flush();
  return 0;
}

export const factsCommand: Command = {
  name: 'facts',
  summary: 'list the facts of instances or releases (csv, json, jsonl)',
  usage: USAGE,
  options: {
    ...LIMIT_OPTIONS,
    format: { type: 'string' },
    profile: { type: 'string', short: 'p' },
  },
  run,
};
