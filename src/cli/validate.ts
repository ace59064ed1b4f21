import { KessanError } from '../errors.js';
import { formatFinding, type Finding } from '../model/finding.js';
import { compileSchema } from '../schemas.js';
import { validateFile, type FileVerdict } from '../validate/file.js';
import type { CalcMode, DuplicatesMode } from '../validate/rule.js';
import type { Io } from './io.js';
import type { Command } from './run.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';

const USAGE = `Usage: kessan validate <file…> [--format text|json] [--calc MODE] [--duplicates MODE] [--profile P.json]

Validates XBRL 2.1 instances (.xbrl, .xml) against XBRL 2.1 and their taxonomy (loaded offline: XBRL
International's schemas from kessan's catalog; anything else not local is reported once as unavailable and
the checks that need it are skipped). Release text (.txt, .md) is read with its filer profile and validated
the same way.

Options:
      --format text|json   text: one line per finding "file:line:col severity code message" and a summary;
                           json: a report (schemas/validation-report.schema.json)
      --calc MODE          calculation checks: none | xbrl21 (XBRL 2.1) | c11r (Calculations 1.1
                           round-to-nearest, default) | c11t (Calculations 1.1 truncation)
      --duplicates MODE    which duplicate facts to report (arelle:duplicateFacts warnings): none |
                           inconsistent (default) | consistent | complete | all
  -p, --profile FILE       filer profile, for release text
  -h, --help               this help

${LIMITS_HELP}
Exit: 0 no errors; 1 errors found; 2 usage error or an unreadable file.
`;

const CALC = ['none', 'xbrl21', 'c11r', 'c11t'];
const DUPLICATES = ['none', 'inconsistent', 'consistent', 'complete', 'all'];

function summary(all: readonly Finding[]) {
  const count = (s: Finding['severity']) => all.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), inconsistencies: count('inconsistency'), info: count('info') };
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  applyLimitOptions(values);
  if (!positionals.length) throw new KessanError('kessan:usage', `validate needs at least one file\n\n${USAGE}`, {}, 2);
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new KessanError('kessan:usage', `--format must be text or json, not "${format}"`, {}, 2);
  const calc = (values.calc as string | undefined) ?? 'c11r';
  if (!CALC.includes(calc)) throw new KessanError('kessan:usage', `--calc must be one of ${CALC.join(', ')}`, {}, 2);
  const duplicates = (values.duplicates as string | undefined) ?? 'inconsistent';
  if (!DUPLICATES.includes(duplicates)) throw new KessanError('kessan:usage', `--duplicates must be one of ${DUPLICATES.join(', ')}`, {}, 2);
  const options = { calc: calc as CalcMode, duplicates: duplicates as DuplicatesMode, ...(values.profile ? { profile: values.profile as string } : {}) };
  const verdicts: FileVerdict[] = [];
  let unreadable = false;
  for (const file of positionals) {
    try {
      verdicts.push(validateFile(file, options));
    } catch (e) {
      if (!(e instanceof KessanError)) throw e;
      unreadable ||= e.exitCode === 2;
      const finding: Finding = { code: e.code, severity: 'error', message: e.message, ...(e.location.file ? {} : { file }), ...e.location };
      verdicts.push({ file, format: 'xbrl', facts: 0, findings: [finding], ms: 0 });
    }
  }
  const all = verdicts.flatMap((v) => v.findings);
  const totals = summary(all);
  if (format === 'json') {
    const report = {
      kessan: '0.1.0',
      options: { calc: options.calc, duplicates: options.duplicates },
      files: verdicts.map((v) => ({ file: v.file, format: v.format, valid: !v.findings.some((f) => f.severity === 'error'), facts: v.facts, ms: v.ms, findings: v.findings.map(plain) })),
      summary: { files: verdicts.length, ...totals },
    };
    const check = compileSchema('validation-report.schema.json');
    if (!check(report)) throw new Error(`validation report does not match its schema: ${JSON.stringify(check.errors?.[0])}`);
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const v of verdicts) for (const f of v.findings) io.stdout.write(`${formatFinding(f)}\n`);
    io.stdout.write(`${verdicts.length} file(s), ${verdicts.reduce((a, v) => a + v.facts, 0)} facts: ${totals.errors} error(s), ${totals.warnings} warning(s), ${totals.inconsistencies} inconsistenc${totals.inconsistencies === 1 ? 'y' : 'ies'}\n`);
  }
  if (unreadable) return 2;
  return totals.errors ? 1 : 0;
}

/** A finding as JSON: only defined fields (the schema forbids others). */
function plain(f: Finding): Finding {
  return {
    code: f.code, severity: f.severity, message: f.message,
    ...(f.file ? { file: f.file } : {}), ...(f.line ? { line: f.line } : {}), ...(f.column ? { column: f.column } : {}),
    ...(f.factIds?.length ? { factIds: [...f.factIds] } : {}),
  };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate XBRL instances (or release text) and list findings',
  usage: USAGE,
  options: {
    ...LIMIT_OPTIONS,
    format: { type: 'string' },
    calc: { type: 'string' },
    duplicates: { type: 'string' },
    profile: { type: 'string', short: 'p' },
  },
  run,
};
