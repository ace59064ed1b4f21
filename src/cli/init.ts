import { KessanError } from '../core/errors.js';
import { formatFinding } from '../core/model/finding.js';
import { initRelease } from '../app/init.js';
import { coverageLine } from '../formats/release/read/coverage.js';
import type { Command } from './run.js';
import type { Io } from './io.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';

const USAGE = `Usage: kessan init <release> --entity-scheme URI --entity ID -o <dir>
                   [--currency CODE] [--fiscal-year-end MM-DD | --fiscal-calendar 52-53-saturday]
                   [--prefix PREFIX] [--namespace URI] [--base us-gaap] [--taxonomy-dir DIR | --package P.zip]

Reads a release kessan has never seen (HTML, space-aligned or tab-separated text) and writes, in <dir>:
  <name>.spec.yaml     a taxonomy spec drafted from the release: a concept for every table row, the
                       tables, the calculations that hold, dimensions for segment columns (read it and
                       edit it; docs/taxonomy-spec.md)
  <name>.xsd, <name>_lab.xml, _pre.xml, _cal.xml, _def.xml
                       the taxonomy built from the spec (kessan taxonomy build)
  <name>.profile.json  the filer profile: entity, fiscal calendar, currency, taxonomy
where <name> is the release's file name without its extension. Then
  kessan convert <release> --profile <dir>/<name>.profile.json -o out.xbrl
tags every figure. When <dir>/<name>.spec.yaml exists, init keeps it as it is (your edits) and only
adds what is new: concepts, rows and tables the release prints that the spec does not have. An
existing profile is kept too.

Options:
      --entity-scheme URI    the entity identifier's scheme, e.g. http://www.sec.gov/CIK (required)
      --entity ID            the entity identifier, e.g. the SEC CIK 320193 (required)
  -o, --output DIR           where to write (required)
      --currency CODE        the reporting currency (ISO 4217); by default the one the release prints
      --fiscal-year-end MM-DD  the fiscal year's last day; by default the balance sheet's year-end date
      --fiscal-calendar 52-53-saturday
                             the fiscal year has 52 or 53 weeks and ends on a Saturday (told from the
                             balance sheet's dates when they are not month ends)
      --prefix PREFIX        the taxonomy's namespace prefix (default: from the release's file name)
      --namespace URI        the taxonomy's namespace (default http://kessan.dev/taxonomy/<prefix>/<name>)
      --base NAME|URL        a base taxonomy (us-gaap, srt, dei, ifrs-full, jppfs_cor, or a schema URL) whose
                             concepts rows take where exactly one fits their name or label; found offline
                             with --taxonomy-dir or --package (repeatable)
  -h, --help                 this help

${LIMITS_HELP}
Ends with the release's coverage with what was written: "N table figures: T tagged, R reported".
Exit: 0 written and every figure tagged; 1 written, but some figure is not tagged (listed); 2 usage
      error or unreadable input (nothing written).
`;

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  applyLimitOptions(values);
  if (positionals.length !== 1) throw new KessanError('kessan:usage', `init takes exactly one release\n\n${USAGE}`, {}, 2);
  const scheme = values['entity-scheme'] as string | undefined;
  const entity = values.entity as string | undefined;
  const out = values.output as string | undefined;
  if (!scheme || !entity || !out) throw new KessanError('kessan:usage', `init needs --entity-scheme, --entity and -o\n\n${USAGE}`, {}, 2);
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(scheme)) throw new KessanError('kessan:usage', `--entity-scheme must be a URI such as http://www.sec.gov/CIK, not "${scheme}"`, {}, 2);
  if (!/^\S+$/.test(entity)) throw new KessanError('kessan:usage', `--entity must be an identifier without spaces, not "${entity}"`, {}, 2);
  const calendar = values['fiscal-calendar'] as string | undefined;
  if (calendar !== undefined && calendar !== '52-53-saturday') throw new KessanError('kessan:usage', `--fiscal-calendar must be 52-53-saturday, not "${calendar}"`, {}, 2);
  const r = await initRelease(positionals[0]!, {
    entityScheme: scheme, entity, out,
    ...(values.currency ? { currency: values.currency as string } : {}),
    ...(values['fiscal-year-end'] ? { fiscalYearEnd: values['fiscal-year-end'] as string } : {}),
    ...(calendar ? { fiscalCalendar: '52-53-saturday' as const } : {}),
    ...(values.prefix ? { prefix: values.prefix as string } : {}),
    ...(values.namespace ? { namespace: values.namespace as string } : {}),
    ...(values.base ? { base: values.base as string[] } : {}),
  });
  if (r.merged) {
    const a = r.merged.added;
    io.stderr.write(`kessan init: kept ${r.spec}; added ${a.concepts.length} concept(s), ${a.rows.length} row(s), ${a.tables.length} table(s)\n`);
  } else io.stderr.write(`kessan init: wrote ${r.spec}\n`);
  io.stderr.write(`kessan init: built ${r.schema} and its linkbases\nkessan init: profile ${r.profile}\n`);
  for (const n of r.notes) io.stderr.write(`kessan init: note: ${n}\n`);
  for (const f of r.findings) io.stderr.write(`${formatFinding(f)}\n`);
  if (r.coverage) io.stderr.write(`kessan init: ${coverageLine(r.coverage)}\n`);
  return r.coverage && r.coverage.figures > 0 && r.coverage.reported === 0 ? 0 : 1;
}

export const initCommand: Command = {
  name: 'init',
  summary: 'draft a profile, taxonomy spec and taxonomy from a release kessan has never seen',
  usage: USAGE,
  options: {
    ...LIMIT_OPTIONS,
    output: { type: 'string', short: 'o' },
    'entity-scheme': { type: 'string' },
    entity: { type: 'string' },
    currency: { type: 'string' },
    'fiscal-year-end': { type: 'string' },
    'fiscal-calendar': { type: 'string' },
    prefix: { type: 'string' },
    namespace: { type: 'string' },
    base: { type: 'string', multiple: true },
  },
  run,
};
