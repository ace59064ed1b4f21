import { availableParallelism } from 'node:os';
import { isFolder } from '../app/batch/files.js';
import { KessanError } from '../core/errors.js';
import { parseSize } from '../core/limits.js';
import { parseJobs } from './batch-options.js';
import type { Io } from './io.js';
import { applyLimitOptions, LIMIT_OPTIONS } from './limits.js';
import type { Command } from './run.js';

const USAGE = `Usage: kessan serve [--host 127.0.0.1] [--port 8080] [--root DIR] [--max-body 64M] [--jobs N]
                    [--timeout 60s]

Serves the validator, the converters and the fact listing over HTTP, and a review page at /.

  POST /v1/validate   the report of \`kessan validate --format json\` (options: ?calc= ?duplicates=)
  POST /v1/convert    ?to=xbrl|ixbrl|json|release|csv: the converted document (csv: a report package)
  POST /v1/facts      ?format=csv|json|jsonl: the facts, as \`kessan facts\`
  POST /v1/review     what the review page shows (report, facts with labels, the document)
  GET  /v1/health     GET /openapi.json (all of it described)

A document is sent as the request body (curl --data-binary @file.xbrl), a zip, or multipart files
(curl -F document=@release.txt -F profile=@release.profile.json). Files sent together (an Inline XBRL
set, a release and its profile, an instance and its extension taxonomy) are read as one filing.

Options:
      --host HOST          address to listen on (default 127.0.0.1; anything else exposes the service)
      --port N             port (default 8080; 0 picks a free one)
      --root DIR           a folder of taxonomies uploads may reference (relative references from an
                           upload resolve as if it were a folder inside DIR). Nothing else on the server
                           is read besides the upload and kessan's own taxonomies; nothing is fetched.
      --max-body SIZE      largest upload, a zip counted as it unpacks (default 64M); larger gets 413
  -j, --jobs N             worker processes documents run in (default: one per core)
      --timeout TIME       longest a document may take: 90s, 2m, 500ms (default 60s); longer gets 503
      --max-file-size, --max-depth, --max-facts   as for the other commands (see kessan validate --help)
  -h, --help               this help

Stop it with Ctrl-C.
`;

/** `90s`, `2m`, `500ms`, or a number of seconds, as milliseconds. */
export function parseDuration(raw: string): number | undefined {
  const m = /^\s*(\d{1,9})\s*(ms|s|m)?\s*$/.exec(raw);
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1000);
  return n > 0 ? n : undefined;
}

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  if (positionals.length) throw new KessanError('kessan:usage', `serve takes no file; documents are sent to it\n\n${USAGE}`, {}, 2);
  const limits = applyLimitOptions(values);
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const portText = (values.port as string | undefined) ?? '8080';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new KessanError('kessan:usage', `--port must be a number from 0 to 65535, not "${portText}"`, {}, 2);
  const maxBody = values['max-body'] === undefined ? 64 * 1024 * 1024 : parseSize(String(values['max-body']));
  if (maxBody === undefined) throw new KessanError('kessan:usage', `--max-body must be a size such as 64M, not "${String(values['max-body'])}"`, {}, 2);
  const timeoutMs = values.timeout === undefined ? 60_000 : parseDuration(String(values.timeout));
  if (timeoutMs === undefined) throw new KessanError('kessan:usage', `--timeout must be a time such as 60s, 2m or 500ms, not "${String(values.timeout)}"`, {}, 2);
  const root = values.root as string | undefined;
  if (root !== undefined && !isFolder(root)) throw new KessanError('kessan:usage', `--root must be a folder: ${root}`, { file: root }, 2);
  const jobs = parseJobs(values.jobs) ?? availableParallelism();

  const { createService } = await import('../app/serve/server.js');
  const service = await createService({ host, port: Number(portText), maxBody, jobs, timeoutMs, limits, ...(root ? { root } : {}) });
  let address: string;
  try {
    address = await service.app.listen({ host, port: Number(portText) });
  } catch (e) {
    await service.close();
    throw new KessanError('kessan:usage', `cannot listen on ${host}:${portText}: ${(e as Error).message}`, {}, 2);
  }
  io.stderr.write(`kessan serve: listening on ${address} (${jobs} worker process(es), uploads up to ${maxBody} bytes, ${timeoutMs} ms a document)\n`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') io.stderr.write(`kessan serve: warning: listening on ${host}, not only this machine: anyone who can reach it can use it\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.stderr.write('kessan serve: stopping\n');
  await service.close();
  return 0;
}

const { 'allow-dir': _allowDir, ...READING_LIMITS } = LIMIT_OPTIONS;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve validation and conversion over HTTP, with a review page',
  usage: USAGE,
  options: {
    ...READING_LIMITS,
    host: { type: 'string' },
    port: { type: 'string' },
    root: { type: 'string' },
    'max-body': { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    timeout: { type: 'string' },
  },
  run,
};
