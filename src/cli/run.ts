import { formatFinding } from '../core/model/finding.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { KessanError } from '../core/errors.js';
import type { Io } from './io.js';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Rewrites the arguments before they are parsed (an option whose value may be left out). */
  readonly args?: (args: readonly string[]) => string[];
  run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number>;
}

/** A command loaded only when it runs: start-up stays cheap (convert doesn't load the validator's rules). */
export interface LazyCommand {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

const COMMANDS: readonly (Command | LazyCommand)[] = [
  { name: 'convert', summary: 'convert between release text and XBRL formats', load: async () => (await import('./convert.js')).convertCommand },
  { name: 'validate', summary: 'validate XBRL instances (or release text) and list findings', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'facts', summary: 'list the facts of instances or releases (csv, json, jsonl, parquet, duckdb)', load: async () => (await import('./facts.js')).factsCommand },
  { name: 'init', summary: 'draft a profile and taxonomy from a release kessan has never seen', load: async () => (await import('./init.js')).initCommand },
  { name: 'taxonomy', summary: 'build a release taxonomy (XBRL files) from its spec', load: async () => (await import('./taxonomy.js')).taxonomyCommand },
  { name: 'roundtrip', summary: 'release text → XBRL → text → XBRL: same facts, same tables?', load: async () => (await import('./roundtrip.js')).roundtripCommand },
  { name: 'serve', summary: 'serve validation and conversion over HTTP, with a review page', load: async () => (await import('./serve.js')).serveCommand },
];

async function resolveCommand(c: Command | LazyCommand): Promise<Command> {
  return 'load' in c ? c.load() : c;
}

function mainHelp(): string {
  return [
    'kessan: earnings releases to XBRL and back',
    '',
    'Usage: kessan <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Run `kessan <command> --help` for a command\'s options.',
    'Exit codes: 0 ok, 1 the input has problems (listed), 2 usage error or unreadable input.',
    '',
  ].join('\n');
}

/** Runs one command line; returns the exit code. A user's mistake is one message, never a stack trace. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout.write('kessan 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`kessan: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  const command = await resolveCommand(entry);
  try {
    const { values, positionals } = parseArgs({
      args: command.args ? command.args(rest) : [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout.write(command.usage);
      return 0;
    }
    return await command.run(positionals, values as Record<string, unknown>, io);
  } catch (e) {
    if (e instanceof KessanError) {
      io.stderr.write(`kessan ${name}: ${formatFinding(e.finding)}\n`);
      return e.exitCode;
    }
    if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`kessan ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    const err = e as Error;
    io.stderr.write(`kessan ${name}: internal error: ${err.message}\n(this is a bug in kessan; please report it with the input that caused it)\n`);
    if (process.env.KESSAN_DEBUG) io.stderr.write(`${err.stack}\n`);
    return 2;
  }
}

/** Runs the command line of this process (its arguments, stdout and stderr), and sets its exit code. */
export async function runMain(): Promise<void> {
  // `kessan facts big.xbrl | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
