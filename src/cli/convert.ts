import { KessanError } from '../core/errors.js';
import { formatFinding } from '../core/model/finding.js';
import { coverageLine } from '../formats/release/read/coverage.js';
import { convertFile } from '../app/convert.js';
import { formatOf } from '../app/formats.js';
import type { Command } from './run.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';
import type { Io } from './io.js';

const USAGE = `Usage: kessan convert <input> -o <output> [--to FORMAT] [--profile PROFILE.json]

Reads <input> and writes it as <output>. Formats follow the extensions:
  .txt .md             earnings release text (read with its filer profile; rendered from the taxonomy):
                       tab-separated or space-aligned tables, or an EDGAR document wrapping either
  .xbrl .xml           XBRL 2.1 instance
  .html .htm .xhtml    Inline XBRL (1.1 written; 1.0 and 1.1 read, document sets included); an .htm/.html
                       page without Inline XBRL is read as an earnings release in HTML
  .json                xBRL-JSON (OIM 1.0); with --to csv, or when its document type says so,
                       an xBRL-CSV report's metadata file (tables beside it: NAME-TABLE.csv)
  folder/ .xbr .zip    xBRL-CSV (OIM 1.0): a folder holding FOLDER.json and one CSV file per
                       table, or a report package (.xbr written; .xbr and .zip read)

Options:
  -o, --output FILE     where to write (required; never the input itself)
      --to FORMAT       output format when the extension doesn't say: release, xbrl, ixbrl, json, csv
  -p, --profile FILE    filer profile (entity, fiscal year, taxonomy); by default
                        <input-name>.profile.json or the one *.profile.json beside the input
  -h, --help            this help

${LIMITS_HELP}
A release ends with a coverage line: "N table figures: T tagged, R reported".
Exit: 0 written; 1 written but the input has problems (listed on stderr), or a release
      figure was not tagged, or a release has no table;
      2 usage error, unreadable input, or facts the output format cannot carry, such as
      segment or scenario content other than dimensions in xBRL-JSON or xBRL-CSV
      (nothing written).
`;

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  applyLimitOptions(values);
  if (positionals.length !== 1) throw new KessanError('kessan:usage', `convert takes exactly one input file\n\n${USAGE}`, {}, 2);
  const input = positionals[0]!;
  const output = values.output as string | undefined;
  if (!output) throw new KessanError('kessan:usage', `convert needs -o <output>\n\n${USAGE}`, {}, 2);
  const to = values.to === undefined ? undefined : formatOf(output, values.to as string);
  const { report, findings, coverage, written, exitCode } = await convertFile(input, output, { ...(to ? { to } : {}), ...(values.profile ? { profile: values.profile as string } : {}) });
  for (const f of findings) io.stderr.write(`${formatFinding(f)}\n`);
  if (!written) {
    io.stderr.write(`kessan convert: nothing written to ${output}\n`);
    return exitCode;
  }
  const nil = report.facts.filter((f) => f.value === null).length;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  io.stderr.write(`kessan convert: wrote ${output}: ${report.facts.length} facts (${nil} nil); ${errors} error(s), ${warnings} warning(s)\n`);
  if (coverage) io.stderr.write(`kessan convert: ${coverageLine(coverage)}\n`);
  return exitCode;
}

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a release (text) to an XBRL 2.1 instance',
  usage: USAGE,
  options: {
    ...LIMIT_OPTIONS,
    output: { type: 'string', short: 'o' },
    to: { type: 'string' },
    profile: { type: 'string', short: 'p' },
  },
  run,
};
