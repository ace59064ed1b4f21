import { formatFinding } from '../core/model/finding.js';
import { KessanError } from '../core/errors.js';
import { batchExitCode, failureOf, type Failure } from '../app/batch/failure.js';
import { existsSync } from 'node:fs';
import { fileTextSink, formatOfOutput, OUTPUT_FORMATS, textSink, type ListingSink, type OutputFormat } from '../app/facts-output.js';
import { parseShard, shardEntries, type Shard } from '../app/batch/shard.js';
import { BATCH_HELP, BATCH_OPTIONS, parseJobs, planBatch } from './batch-options.js';
import { defaultJobs, runPool } from '../app/batch/pool.js';
import { Progress, wantProgress } from './progress.js';
import type { Io } from './io.js';
import type { Command } from './run.js';
import { applyLimitOptions, LIMIT_OPTIONS, LIMITS_HELP } from './limits.js';

export { csvField } from '../app/fact-listing.js';

const USAGE = `Usage: kessan facts <file|folder>... [--format csv|json|jsonl|parquet|duckdb] [-o FILE]
                    [--labels [LANG]] [--shard I/N] [--jobs N] [--profile PROFILE.json]

Lists the facts of each file, one row per fact, with the same columns in every format:
  filing, document             the batch entry (a document set: its first document) and the fact's file
  entity_scheme, entity_id
  concept, concept_namespace, concept_name, concept_prefix
  label                        with --labels only: the concept's standard label from the DTS
  period_type                  instant, duration or forever
  period_start, period_end     a duration's first and last day (dates, as XBRL means them)
  period_instant               an instant's day
  dimensions, dimensions_json  dimension → member (typed: its content); a map, and the same as JSON text
  segment, scenario            context content other than dimensions, as XML (XBRL 2.1 and Inline XBRL)
  unit, unit_numerator, unit_denominator
  value, value_decimal         the value exactly as text; as DECIMAL(38,10) where it is a number that fits
  decimals, nil, lang, id, line
Formats follow the extensions:
  .xbrl .xml          XBRL 2.1 instance
  .html .htm .xhtml   Inline XBRL (a document set is read whole)
  .json               xBRL-JSON
  .txt .md            earnings release text (read with its filer profile, as convert does)

Options:
      --format F        csv (one header row), json (one array), jsonl (one object a line), parquet or
                        duckdb (a database file with one table, facts); default: by -o's extension, else csv
  -o, --output FILE     write the listing to FILE (written whole, then renamed into place); parquet and
                        duckdb need it. Default: standard output
      --labels [LANG]   add the label column, in LANG (a language tag; default en, else any language)
      --shard I/N       read only shard I of N: the documents whose path hashes to it (SHA-256 of the
                        path relative to the folder named); shards 1/N … N/N together read each once
  -p, --profile FILE    filer profile for release text (default: found beside the input)
  -h, --help            this help

Values are exact (never rounded through floating point). Empty cells in CSV are null in JSON: a nil
fact's value, decimals INF (and a text fact's), no unit. Instance items whose context or unit is missing
are not facts; each is reported on stderr as a warning. The rows of one file are written together, as
soon as that file is read. Parquet and DuckDB hold typed columns (DATE, DECIMAL, MAP, BOOLEAN, INTEGER);
memory is bounded by the largest document, not the batch.

${BATCH_HELP}
${LIMITS_HELP}
Exit: 0 every file listed; 1 some file could not be read (each is named on stderr as
      "kessan facts: file:line:col: error code message"; the others are listed), or the only file
      is not well-formed, or reading a file found an error (printed on stderr; its facts are still
      listed); 2 usage error, or no file could be read and one was unreadable
      (missing, not a format kessan reads, an empty folder).
`;

/** `--labels [LANG]`: a language tag right after it is its value (`--labels ja`); alone it means English. */
function labelArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...out, ...args.slice(i)];
    if (a !== '--labels') {
      out.push(a);
      continue;
    }
    const next = args[i + 1];
    if (next !== undefined && LANG.test(next) && !existsSync(next)) (out.push(`--labels=${next}`), i++);
    else out.push('--labels=en');
  }
  return out;
}

const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

function parseFormat(values: Record<string, unknown>): OutputFormat {
  const given = values.format as string | undefined;
  const output = values.output as string | undefined;
  const format = (given?.toLowerCase() ?? (output ? formatOfOutput(output) : undefined) ?? 'csv') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new KessanError('kessan:usage', `unknown --format "${given}" (${OUTPUT_FORMATS.join(', ')})`, {}, 2);
  if ((format === 'parquet' || format === 'duckdb') && !output) throw new KessanError('kessan:usage', `--format ${format} writes a file: give it with -o`, {}, 2);
  return format;
}

function parseLabels(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const lang = String(raw);
  if (!LANG.test(lang)) throw new KessanError('kessan:usage', `--labels takes a language tag such as en or ja, not "${lang}"`, {}, 2);
  return lang;
}

async function openSink(format: OutputFormat, output: string | undefined, labels: boolean, stdout: (text: string | readonly string[]) => void): Promise<ListingSink> {
  if (format === 'parquet' || format === 'duckdb') {
    const { openColumnarSink } = await import('../app/facts-columnar.js');
    return openColumnarSink({ format, output: output!, labels });
  }
  return output ? fileTextSink(format, labels, output) : textSink(format, labels, stdout);
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const limits = applyLimitOptions(values);
  if (positionals.length === 0) throw new KessanError('kessan:usage', `facts needs at least one input file\n\n${USAGE}`, {}, 2);
  const format = parseFormat(values);
  const output = values.output as string | undefined;
  const labels = parseLabels(values.labels);
  const jobs = parseJobs(values.jobs);
  let shard: Shard | undefined;
  if (values.shard !== undefined && !(shard = parseShard(String(values.shard)))) throw new KessanError('kessan:usage', `--shard must be I/N with 1 ≤ I ≤ N (such as 2/8), not "${String(values.shard)}"`, {}, 2);
  const plan = planBatch(positionals);
  const { files, weights } = shard ? shardEntries(plan.files, plan.weights, positionals, shard) : plan;
  const failures = plan.failures;
  const folders = failures.length;
  const progress = new Progress(io.stderr, files.length, { enabled: files.length > 0 && wantProgress(values, io.stderr) });
  const complain = (f: Failure) => progress.print(io.stderr, `kessan facts: ${formatFinding(f.finding)}\n`);
  failures.forEach(complain);
  const sink = await openSink(format, output, labels !== undefined, (text) => progress.print(io.stdout, text));
  let withErrors = 0;
  let listed = 0;
  try {
    const ran = await runPool(files, {
      spec: { kind: 'facts', options: { format: format === 'parquet' || format === 'duckdb' ? 'jsonl' : format, ...(values.profile ? { profile: values.profile as string } : {}), ...(labels ? { labels } : {}) }, limits },
      jobs: jobs ?? defaultJobs(files.length),
      weights,
      crashed: (file, error) => ({ file, facts: 0, chunks: [], warnings: [], errors: 0, failure: failureOf(error, file) }),
      onResult: (r) => {
        if (r.warnings.length) progress.print(io.stderr, `${r.warnings.join('\n')}\n`);
        if (r.errors) withErrors++;
        progress.fileDone(r.facts);
        if (r.failure) {
          failures.push(r.failure);
          complain(r.failure);
          return;
        }
        listed++;
        return sink.file(r);
      },
    });
    if (process.env.KESSAN_DEBUG) progress.print(io.stderr, `kessan facts: ${files.length} file(s) ${ran.mode === 'workers' ? `on ${ran.threads} worker processes` : 'in-process'}\n`);
    // Nothing could be read at all: no listing (not even an empty one) stands for it.
    if (listed === 0 && failures.length > 0) await sink.abort();
    else await sink.end();
  } catch (e) {
    await sink.abort();
    throw e;
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
  summary: 'list the facts of instances or releases (csv, json, jsonl, parquet, duckdb)',
  usage: USAGE,
  options: {
    ...LIMIT_OPTIONS,
    ...BATCH_OPTIONS,
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    shard: { type: 'string' },
    labels: { type: 'string' },
    profile: { type: 'string', short: 'p' },
  },
  args: labelArgs,
  run,
};
