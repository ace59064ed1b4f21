import { formatFinding } from '../core/model/finding.js';
import { KessanError } from '../core/errors.js';
import { batchExitCode, failureOf, type Failure } from '../app/batch/failure.js';
import { csvHeader, type FactsResult, type ListFormat } from '../app/facts.js';
import { BATCH_HELP, BATCH_OPTIONS, parseJobs, planBatch } from './batch-options.js';
import { defaultJobs, runPool } from '../app/batch/pool.js';
import { Progress, wantProgress } from './progress.js';
import type { Io } from './io.js';
import type { Command } from './run.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';

export { csvField } from '../app/facts.js';

const USAGE = `Usage: kessan facts <file|folder>... [--format csv|json|jsonl] [--jobs N] [--profile PROFILE.json]

Lists the facts of each file: concept, entity, period, dimensions, segment and scenario
content other than dimensions (as XML; XBRL 2.1 and Inline XBRL only), unit, value, decimals,
language, id and where the fact is. Formats follow the extensions:
  .xbrl .xml          XBRL 2.1 instance
  .html .htm .xhtml   Inline XBRL (a document set is read whole)
  .json               xBRL-JSON
  .txt .md            earnings release text (read with its filer profile, as convert does)

Options:
      --format F        csv (default; one header row), json (one array) or jsonl (one object a line)
  -p, --profile FILE    filer profile for release text (default: found beside the input)
  -h, --help            this help

Values are printed exactly as decimals (never rounded through floating point); a nil fact has an
empty value and nil=true (null in JSON). Instance items whose context or unit is missing are not
facts; each is reported on stderr as a warning. The rows of one file are printed together, as soon
as that file is read.

${BATCH_HELP}
${LIMITS_HELP}
Exit: 0 every file listed; 1 some file could not be read (each is named on stderr as
      "kessan facts: file:line:col: error code message"; the others are listed), or the only file
      is not well-formed, or reading a file found an error (printed on stderr; its facts are still
      listed); 2 usage error, or no file could be read and one was unreadable
      (missing, not a format kessan reads, an empty folder).
`;

/** Prints the listing as results come: the CSV header or the JSON array's opening once, each file's rows together. */
function listingWriter(format: ListFormat, write: (text: string | readonly string[]) => void) {
  let opened = false;
  let rows = false;
  return {
    file(r: FactsResult) {
      const head = opened ? '' : format === 'csv' ? csvHeader() : format === 'json' ? '[' : '';
      opened = true;
      if (format === 'json' && r.chunks.length) {
        write([`${head}${rows ? ',\n' : '\n'}`, ...r.chunks]);
        rows = true;
      } else write(head ? [head, ...r.chunks] : r.chunks);
    },
    end() {
      if (format === 'json' && opened) write(rows ? '\n]\n' : ']\n');
    },
  };
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const limits = applyLimitOptions(values);
  if (positionals.length === 0) throw new KessanError('kessan:usage', `facts needs at least one input file\n\n${USAGE}`, {}, 2);
  const format = ((values.format as string | undefined) ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'json' && format !== 'jsonl') {
    throw new KessanError('kessan:usage', `unknown --format "${format}" (csv, json or jsonl)`, {}, 2);
  }
  const jobs = parseJobs(values.jobs);
  const { files, weights, failures } = planBatch(positionals);
  const folders = failures.length;
  const progress = new Progress(io.stderr, files.length, { enabled: files.length > 0 && wantProgress(values, io.stderr) });
  const complain = (f: Failure) => progress.print(io.stderr, `kessan facts: ${formatFinding(f.finding)}\n`);
  failures.forEach(complain);
  const listing = listingWriter(format, (text) => progress.print(io.stdout, text));
  let withErrors = 0;
  try {
    const ran = await runPool(files, {
      spec: { kind: 'facts', options: { format, ...(values.profile ? { profile: values.profile as string } : {}) }, limits },
      jobs: jobs ?? defaultJobs(files.length),
      weights,
      crashed: (file, message) => ({ file, facts: 0, chunks: [], warnings: [], errors: 0, failure: failureOf(new Error(message), file) }),
      onResult: (r) => {
        if (r.warnings.length) progress.print(io.stderr, `${r.warnings.join('\n')}\n`);
        if (r.errors) withErrors++;
        if (r.failure) {
          failures.push(r.failure);
          complain(r.failure);
        } else listing.file(r);
        progress.fileDone(r.facts);
      },
    });
    if (process.env.KESSAN_DEBUG) progress.print(io.stderr, `kessan facts: ${files.length} file(s) ${ran.mode === 'workers' ? `on ${ran.threads} worker threads` : 'in-process'}\n`);
    listing.end();
  } finally {
    progress.finish();
  }
  const total = files.length + folders;
  if (failures.length && total > 1) io.stderr.write(`kessan facts: ${failures.length} of ${total} inputs could not be listed\n`);
  const code = batchExitCode(failures, total);
  // Listed, but reading found an error (a document of a set refused, say): the listing is not the whole input.
  return code === 0 && withErrors > 0 ? 1 : code;
}

export const factsCommand: Command = {
  name: 'facts',
  summary: 'list the facts of instances or releases (csv, json, jsonl)',
  usage: USAGE,
  options: {
    ...LIMIT_OPTIONS,
    ...BATCH_OPTIONS,
    format: { type: 'string' },
    profile: { type: 'string', short: 'p' },
  },
  run,
};
