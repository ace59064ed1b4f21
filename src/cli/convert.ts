import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { KessanError } from '../core/errors.js';
import { formatFinding, hasErrors, uniqueFindings, type Finding } from '../core/model/finding.js';
import { formatOf } from '../app/formats.js';
import type { Profile } from '../formats/release/profile/profile.js';
import { canRead, loadReader } from '../app/readers.js';
import { canWrite, loadWriter } from '../app/writers.js';
import { writeFileAtomic } from '../app/write-file.js';
import type { Command } from './run.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';
import type { Io } from './io.js';

const USAGE = `Usage: kessan convert <input> -o <output> [--to FORMAT] [--profile PROFILE.json]

Reads <input> and writes it as <output>. Formats follow the extensions:
  .txt .md             earnings release text (read with its filer profile; rendered from the taxonomy)
  .xbrl .xml           XBRL 2.1 instance
  .html .htm .xhtml    Inline XBRL (1.1 written; 1.0 and 1.1 read, document sets included)
  .json                xBRL-JSON (OIM 1.0)

Options:
  -o, --output FILE     where to write (required; never the input itself)
      --to FORMAT       output format when the extension doesn't say: release, xbrl, ixbrl, json
  -p, --profile FILE    filer profile (entity, fiscal year, taxonomy); by default
                        <input-name>.profile.json or the one *.profile.json beside the input
  -h, --help            this help

${LIMITS_HELP}
Exit: 0 written; 1 written but the input has problems (listed on stderr);
      2 usage error or unreadable input (nothing written).
`;

/** A relative schemaRef read from `input`, made relative to `output` (absolute URLs stay as they are). */
export function relinkSchemaRef(href: string | undefined, input: string, output: string): string | undefined {
  if (!href || /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(href) || href.startsWith('/')) return href;
  const target = resolve(dirname(resolve(input)), href);
  return relative(dirname(resolve(output)), target).split(sep).join('/');
}

/** The schemaRef href an instance at `output` needs to reach the taxonomy (relative, with `/`). */
export { findProfile, readInputText } from '../app/files.js';

export function schemaRefFor(profile: Profile, output: string): string {
  if (profile.schemaRef) return profile.schemaRef;
  return relative(dirname(resolve(output)), profile.taxonomySchema).split(sep).join('/');
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  applyLimitOptions(values);
  if (positionals.length !== 1) throw new KessanError('kessan:usage', `convert takes exactly one input file\n\n${USAGE}`, {}, 2);
  const input = positionals[0]!;
  const output = values.output as string | undefined;
  if (!output) throw new KessanError('kessan:usage', `convert needs -o <output>\n\n${USAGE}`, {}, 2);
  if (resolve(output) === resolve(input) || sameFile(input, output)) throw new KessanError('kessan:usage', 'the output would overwrite the input; choose another -o', { file: output }, 2);
  const from = formatOf(input);
  const to = formatOf(output, values.to as string | undefined);
  if (!canRead(from)) throw new KessanError('kessan:unsupported', `reading ${from} documents is not supported yet`, { file: input }, 2);
  if (!canWrite(to)) throw new KessanError('kessan:unsupported', `writing ${to} is not supported yet`, { file: output }, 2);
  // Only the reader and writer this conversion needs are loaded (start-up time is most of a small conversion).
  const [read, write] = await Promise.all([loadReader(from, input), loadWriter(to)]);
  const report = read(input, { ...(values.profile ? { profile: values.profile as string } : {}), schemaRef: (p) => schemaRefFor(p, output) });
  for (const f of report.findings) io.stderr.write(`${formatFinding(f)}\n`);
  // A report read from an instance keeps its own schemaRef; re-point it when the output moves elsewhere.
  const schemaRef = from === 'release' ? undefined : relinkSchemaRef(report.taxonomy.schemaRefs[0], input, output);
  const written: Finding[] = [];
  const text = write(report, { ...(schemaRef ? { schemaRef } : {}), findings: written });
  const all = uniqueFindings([...report.findings, ...written]);
  for (const f of all) if (!report.findings.includes(f)) io.stderr.write(`${formatFinding(f)}\n`);
  try {
    await writeFileAtomic(output, text);
  } catch (e) {
    throw new KessanError('kessan:outputUnwritable', `cannot write the output: ${(e as Error).message}`, { file: output }, 2);
  }
  const nil = report.facts.filter((f) => f.value === null).length;
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  io.stderr.write(`kessan convert: wrote ${output}: ${report.facts.length} facts (${nil} nil); ${errors} error(s), ${warnings} warning(s)\n`);
  return hasErrors(all) ? 1 : 0;
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

/** Whether two paths name the same existing file (a link, another spelling). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
