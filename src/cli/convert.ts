import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { KessanError } from '../errors.js';
import { formatFinding, hasErrors } from '../model/finding.js';
import { formatOf } from '../formats.js';
import { loadProfile, type Profile } from '../profile/profile.js';
import { readReleaseWithProfile } from '../readers/release/index.js';
import { writeXbrl } from '../writers/xbrl/index.js';
import { writeFileAtomic } from '../writers/atomic.js';
import type { Command } from './run.js';
import type { Io } from './io.js';

const USAGE = `Usage: kessan convert <input> -o <output> [--to FORMAT] [--profile PROFILE.json]

Reads <input> and writes it as <output>. Formats follow the extensions:
  .txt .md     earnings release text (input)
  .xbrl .xml   XBRL 2.1 instance (output)

Options:
  -o, --output FILE     where to write (required; never the input itself)
      --to FORMAT       output format when the extension doesn't say: xbrl
  -p, --profile FILE    filer profile (entity, fiscal year, taxonomy); by default
                        <input-name>.profile.json or the one *.profile.json beside the input
  -h, --help            this help

Exit: 0 written; 1 written but the input has problems (listed on stderr);
      2 usage error or unreadable input (nothing written).
`;

/** The profile beside a release: `<name>.profile.json`, or the only `*.profile.json` in its folder. */
export function findProfile(input: string): string {
  const dir = dirname(input);
  const stem = basename(input).replace(/\.[^.]+$/, '');
  const own = join(dir, `${stem}.profile.json`);
  if (exists(own)) return own;
  const all = safeList(dir).filter((f) => f.endsWith('.profile.json'));
  if (all.length === 1) return join(dir, all[0]!);
  throw new KessanError(
    'kessan:noProfile',
    all.length ? `several filer profiles beside the input (${all.join(', ')}); choose one with --profile` : 'no filer profile found beside the input; pass --profile FILE (see examples/iij.profile.json)',
    { file: input },
    2,
  );
}

function exists(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

export function readInputText(file: string): string {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new KessanError('kessan:inputUnreadable', 'no such file', { file }, 2);
  }
  if (st.isDirectory()) throw new KessanError('kessan:inputUnreadable', 'is a folder, not a file', { file }, 2);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new KessanError('kessan:inputUnreadable', `cannot read: ${(e as Error).message}`, { file }, 2);
  }
}

/** The schemaRef href an instance at `output` needs to reach the taxonomy (relative, with `/`). */
export function schemaRefFor(profile: Profile, output: string): string {
  if (profile.schemaRef) return profile.schemaRef;
  return relative(dirname(resolve(output)), profile.taxonomySchema).split(sep).join('/');
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  if (positionals.length !== 1) throw new KessanError('kessan:usage', `convert takes exactly one input file\n\n${USAGE}`, {}, 2);
  const input = positionals[0]!;
  const output = values.output as string | undefined;
  if (!output) throw new KessanError('kessan:usage', `convert needs -o <output>\n\n${USAGE}`, {}, 2);
  if (resolve(output) === resolve(input)) throw new KessanError('kessan:usage', 'the output would overwrite the input; choose another -o', { file: output }, 2);
  const from = formatOf(input);
  const to = formatOf(output, values.to as string | undefined);
  if (from !== 'release') throw new KessanError('kessan:unsupported', `reading ${from} input is not supported yet by convert; kessan reads release text (.txt, .md)`, { file: input }, 2);
  if (to !== 'xbrl') throw new KessanError('kessan:unsupported', `writing ${to} is not supported yet; kessan writes XBRL 2.1 instances (.xbrl, .xml)`, { file: output }, 2);
  const text = readInputText(input);
  const profile = loadProfile((values.profile as string | undefined) ?? findProfile(input));
  const report = readReleaseWithProfile(text, input, profile, schemaRefFor(profile, output));
  for (const f of report.findings) io.stderr.write(`${formatFinding(f)}\n`);
  await writeFileAtomic(output, writeXbrl(report));
  const nil = report.facts.filter((f) => f.value === null).length;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  io.stderr.write(`kessan convert: wrote ${output}: ${report.facts.length} facts (${nil} nil); ${errors} error(s), ${warnings} warning(s)\n`);
  return hasErrors(report.findings) ? 1 : 0;
}

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a release (text) to an XBRL 2.1 instance',
  usage: USAGE,
  options: {
    output: { type: 'string', short: 'o' },
    to: { type: 'string' },
    profile: { type: 'string', short: 'p' },
  },
  run,
};
