/**
 * `kessan serve`: the validation and conversion service and its review page, on fastify.
 *
 * fastify rather than hono: it runs on Node's own HTTP server (whose request and header timeouts bound a slow
 * client), refuses a body over its limit with 413 before reading it all, validates query strings against JSON
 * schemas (the same objects /openapi.json publishes), has a maintained multipart plugin on busboy with per-file,
 * file-count and part limits, and `inject()` lets the tests exercise every route without a socket.
 *
 * A request's upload is written to a fresh folder (workspace.ts) before any work starts; the work runs on the
 * pool's worker processes (pool.ts); the answer has every server path rewritten (respond.ts); the folder is removed.
 */
import { createServer } from 'node:http';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type Limits } from '../../core/limits.js';
import type { ListFormat } from '../facts.js';
import type { Format } from '../formats.js';
import type { ReportOptions } from '../report.js';
import { QUERIES, openApiDocument } from './openapi.js';
import { registerPage } from './page.js';
import { TaskPool } from './pool.js';
import { receive } from './receive.js';
import { answerFor, errorAnswer, type Answer } from './respond.js';
import type { Task } from './tasks.js';
import { HttpError } from './upload.js';
import { createWorkspace, removeRequestFolder, requestConfinement, scrubber, type Workspace } from './workspace.js';
import { KESSAN_VERSION } from '../report.js';
import type { CalcMode, DuplicatesMode } from '../../validate/rule.js';
import { DEFAULT_FAIL_ON, type FailOn } from '../verdict.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** A folder the DTS of an upload may also read (see workspace.ts). */
  readonly root?: string;
  /** Largest upload in bytes (a zip counted as it unpacks). */
  readonly maxBody: number;
  /** Most files in one upload. */
  readonly maxFiles?: number;
  /** Worker processes. */
  readonly jobs: number;
  /** Requests that may wait for a worker (default 4 per worker). */
  readonly queue?: number;
  /** How long one document may take, in milliseconds. */
  readonly timeoutMs: number;
  /** How long a client may take to send its request, in milliseconds. */
  readonly uploadTimeoutMs?: number;
  /** The reading limits (file size, depth, facts), as the CLI sets them. */
  readonly limits: Limits;
  /** Each worker's heap limit in MiB (default 2048): a document needing more fails alone (422). */
  readonly maxMemoryMb?: number;
  /** The pool's worker script (tests). */
  readonly workerFile?: string;
  /** Where internal errors are logged (never sent). */
  readonly log?: (message: string) => void;
}

export interface Service {
  readonly app: FastifyInstance;
  readonly pool: TaskPool;
  readonly workspace: Workspace;
  /** Every route served, as `METHOD /path` (the tests hold /openapi.json to it). */
  readonly routes: string[];
  close(): Promise<void>;
}

type Query = Record<string, string | undefined>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Builds the service (not listening yet: `app.listen`, or `app.inject` in tests). */
export async function createService(options: ServeOptions): Promise<Service> {
  const workspace = createWorkspace(options.root);
  const pool = new TaskPool({ jobs: options.jobs, queue: options.queue ?? 4 * options.jobs, timeoutMs: options.timeoutMs, ...(options.maxMemoryMb ? { maxMemoryMb: options.maxMemoryMb } : {}), ...(options.workerFile ? { workerFile: options.workerFile } : {}) });
  const uploadTimeout = options.uploadTimeoutMs ?? 60_000;
  const app = Fastify({
    logger: false,
    bodyLimit: options.maxBody,
    // A client has uploadTimeout to send its whole request (checked every second), then gets 408; the time a
    // document then takes on a worker is the pool's to bound, not the socket's.
    serverFactory: (handler) =>
      createServer({ requestTimeout: uploadTimeout, headersTimeout: Math.min(uploadTimeout, 60_000), connectionsCheckingInterval: Math.min(1000, uploadTimeout), keepAliveTimeout: 5000 }, handler),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  app.server.maxConnections = 512;
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const loopbackOnly = LOOPBACK.has(options.host);

  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
  });
  app.removeAllContentTypeParsers();
  await app.register(multipart, { limits: { fileSize: options.maxBody } });
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.maxBody }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req) => {
    // Bound to loopback, answer loopback names only: a web page elsewhere cannot reach it by DNS rebinding.
    if (loopbackOnly && !LOOPBACK.has(req.hostname.toLowerCase())) throw new HttpError(421, 'kessan:hostRefused', `this server answers to localhost only, not "${req.hostname.slice(0, 100)}"`);
    // A browser says where a request comes from: another site's page may not make this server work for it.
    const origin = req.headers.origin;
    if (req.method !== 'GET' && req.method !== 'HEAD' && origin !== undefined && !sameOrigin(origin, req.headers.host)) {
      throw new HttpError(403, 'kessan:originRefused', `requests from ${origin.slice(0, 100)} are not accepted; use this server's own page or a client that is not a browser`);
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, _req, reply) => {
    const a = errorToAnswer(err, log);
    return send(reply, a);
  });
  app.setNotFoundHandler((req, reply) => send(reply, errorAnswer(404, 'kessan:notFound', `no route ${req.method} ${req.url.split('?')[0]!.slice(0, 200)} (see /openapi.json)`)));

  const run = (kind: Task['kind']) => async (req: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => send(reply, await handle(kind, req));

  async function handle(kind: Task['kind'], req: FastifyRequest<{ Querystring: Query }>): Promise<Answer> {
    const q = req.query;
    const folder = workspace.newRequestFolder();
    const paths = scrubber(workspace, folder);
    // The command line's advice for a refused reference names its option; a server has --root instead.
    const scrub = (text: string) => paths(text).replaceAll('(allow its folder with --allow-dir)', "(a request reads only its upload, kessan's taxonomies and the server's --root)");
    try {
      const got = await receive(req, folder, { maxBody: options.maxBody, maxFiles: options.maxFiles ?? 10_000 }, q.name);
      const document = q.document ?? got.document;
      const profile = q.profile ?? got.profile;
      const base = { folder, limits: { ...options.limits, confineTo: requestConfinement(workspace, folder) }, ...(document ? { document } : {}), ...(profile ? { profile } : {}) };
      const report: ReportOptions = {
        calc: (q.calc ?? 'c11r') as CalcMode,
        duplicates: (q.duplicates ?? 'inconsistent') as DuplicatesMode,
        failOn: (q.failOn ?? DEFAULT_FAIL_ON) as FailOn,
        // Only the bundled registry: a request names no file on the server.
        ...(q.utr === 'off' ? { utr: 'none' } : {}),
        ...(q.allowUnavailableTaxonomy === 'true' ? { allowUnavailableTaxonomy: true } : {}),
      };
      const task: Task =
        kind === 'validate' || kind === 'review' ? { ...base, kind, options: report }
        : kind === 'convert' ? { ...base, kind, to: q.to as Format }
        : { ...base, kind, format: (q.format ?? 'csv') as ListFormat };
      const outcome = await pool.run(task);
      return answerFor(outcome, scrub, (q.format ?? 'csv') as ListFormat);
    } catch (e) {
      const a = errorToAnswer(e as Error, log);
      return { ...a, body: scrub(a.body as string) };
    } finally {
      await removeRequestFolder(folder);
    }
  }

  for (const kind of ['validate', 'review', 'convert', 'facts'] as const) {
    app.post(`/v1/${kind}`, { schema: { querystring: QUERIES[kind] } }, run(kind));
  }
  app.get('/v1/health', async (_req, reply) => send(reply, json(200, { status: 'ok', kessan: KESSAN_VERSION, ...pool.stats() })));
  app.get('/openapi.json', async (_req, reply) => send(reply, json(200, openApiDocument({ maxBody: options.maxBody, timeoutMs: options.timeoutMs, jobs: options.jobs }))));
  registerPage(app);

  return {
    app,
    pool,
    workspace,
    routes,
    async close() {
      await app.close();
      await pool.close();
      workspace.close();
    },
  };
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

function json(status: number, value: unknown): Answer {
  return { status, type: 'application/json; charset=utf-8', headers: {}, body: `${JSON.stringify(value, null, 2)}\n` };
}

function send(reply: FastifyReply, a: Answer): FastifyReply {
  return reply.code(a.status).headers(a.headers).type(a.type).send(a.body);
}

const MULTIPART_TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/** Any error as an answer: ours as they are, fastify's and busboy's as 4xx, anything else a 500 that says only that it is a bug. */
function errorToAnswer(err: Error & { statusCode?: number; code?: string; validation?: unknown }, log: (m: string) => void): Answer {
  if (err instanceof HttpError) return errorAnswer(err.status, err.code, err.message);
  if (err.validation) return errorAnswer(400, 'kessan:usage', `bad query: ${queryProblem(err.validation, err.message)} (see /openapi.json)`);
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || MULTIPART_TOO_LARGE.has(err.code ?? '')) return errorAnswer(413, 'kessan:bodyTooLarge', `the upload is over the server's limits (--max-body): ${err.message}`);
  const status = err.statusCode;
  if (status && status >= 400 && status < 500) return errorAnswer(status, 'kessan:badRequest', err.message);
  // busboy's complaints about a malformed form carry no status: they are the client's, not ours.
  if (/multipart|boundary|Unexpected end of (form|multipart)|Malformed|part header/i.test(err.message)) return errorAnswer(400, 'kessan:badRequest', `the multipart upload cannot be read: ${err.message}`);
  log(`kessan serve: internal error: ${err.stack ?? err.message}`);
  return errorAnswer(500, 'kessan:internalError', 'internal error (this is a bug in kessan; please report it with the upload that caused it)');
}

/** An ajv complaint about the query string in the words of the command line. */
function queryProblem(validation: unknown, fallback: string): string {
  const first = (validation as { keyword?: string; params?: Record<string, unknown>; instancePath?: string }[])[0];
  const name = first?.instancePath?.replace(/^\//, '');
  if (first?.keyword === 'additionalProperties') return `unknown option "${String(first.params?.additionalProperty).slice(0, 100)}"`;
  if (first?.keyword === 'required') return `the option "${String(first.params?.missingProperty)}" is required`;
  if (first?.keyword === 'enum') return `${name} must be one of ${(first.params?.allowedValues as string[]).join(', ')}`;
  return fallback.replace(/^querystring/, 'the query string');
}
