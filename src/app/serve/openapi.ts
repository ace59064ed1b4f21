/**
 * `GET /openapi.json`: the service described in OpenAPI 3.1. The query parameters are the routes' own schemas
 * (the server validates requests against the same objects), so the description cannot drift from what is checked.
 */
import { KESSAN_VERSION } from '../report.js';

const str = (description: string, values?: readonly string[]) => ({ type: 'string', description, ...(values ? { enum: [...values] } : {}) });

export const CALC = ['none', 'xbrl21', 'c11r', 'c11t'] as const;
export const DUPLICATES = ['none', 'inconsistent', 'consistent', 'complete', 'all'] as const;
export const TO = ['xbrl', 'ixbrl', 'json', 'release', 'csv'] as const;
export const UTR = ['on', 'off'] as const;
export const FAIL_ON = ['error', 'inconsistency', 'warning'] as const;
export const BOOLEAN = ['true', 'false'] as const;
export const LIST = ['csv', 'json', 'jsonl'] as const;

const upload = {
  name: str('the name to save a body sent without one under (its extension tells the format); default: document.<what the body is>'),
  document: str('the document of the upload to read, by its name in the upload (default: every document for validate, else the only one)'),
  profile: str('the filer profile of a release, by its name in the upload (default: <release>.profile.json or the only *.profile.json beside it)'),
};

/** The options of `kessan validate`: `?calc=xbrl21&utr=off&failOn=error&allowUnavailableTaxonomy=true`. */
const checks = {
  calc: str('calculation checks (default c11r)', CALC),
  duplicates: str('which duplicate facts to report (default inconsistent)', DUPLICATES),
  utr: str('the Units Registry check, against the registry kessan bundles (default on)', UTR),
  failOn: str('what makes a document not valid, and kessan-exit 1 (default inconsistency: errors and inconsistencies)', FAIL_ON),
  allowUnavailableTaxonomy: str('true: a taxonomy document not available offline is a warning, not an error (default false)', BOOLEAN),
};

const query = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) });

/** The query string each POST route takes (also its fastify schema). */
export const QUERIES = {
  validate: query({ ...checks, ...upload }),
  review: query({ ...checks, ...upload }),
  convert: query({ to: str('the output format', TO), ...upload }, ['to']),
  facts: query({ format: str('the listing format (default csv)', LIST), ...upload }),
} as const;

const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
    findings: { type: 'array', items: { $ref: '#/components/schemas/finding' } },
  },
};

const errors = {
  '400': { description: 'a usage error: an unknown option, no document, a name the upload does not hold, an unsafe file name, a bad zip or form', content: { 'application/json': { schema: ERROR } } },
  '413': { description: 'the upload is over --max-body (a zip counted as it unpacks) or holds too many files', content: { 'application/json': { schema: ERROR } } },
  '422': { description: 'a document that cannot be read (not well-formed, wrong encoding, a profile that is not valid) — with its findings', content: { 'application/json': { schema: ERROR } } },
  '503': { description: 'busy (the queue is full: try again) or the document took longer than --timeout', content: { 'application/json': { schema: ERROR } } },
};

const body = {
  description: 'the document as the body (its format told by ?name=, the Content-Type or its first bytes), a zip of a document with what it reads, or multipart/form-data files (a part named "document" is the document, one named "profile" its filer profile; a .zip part is unpacked)',
  required: true,
  content: {
    'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    'application/zip': { schema: { type: 'string', format: 'binary' } },
    'multipart/form-data': { schema: { type: 'object', properties: { document: { type: 'string', format: 'binary' }, profile: { type: 'string', format: 'binary' }, files: { type: 'array', items: { type: 'string', format: 'binary' } } } } },
  },
};

const params = (q: { properties: Record<string, unknown>; required?: readonly string[] }) =>
  Object.entries(q.properties).map(([name, schema]) => ({ name, in: 'query', required: q.required?.includes(name) ?? false, schema, description: (schema as { description: string }).description }));

/** The OpenAPI document; `limits` says the server's limits in the description. */
export function openApiDocument(limits: { maxBody: number; timeoutMs: number; jobs: number }): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'kessan',
      version: KESSAN_VERSION,
      description: `Validates, converts and lists XBRL 2.1, Inline XBRL, xBRL-JSON and earnings release text, offline. Uploads over ${limits.maxBody} bytes get 413; a document runs in one of ${limits.jobs} worker process(es) for at most ${limits.timeoutMs} ms. Nothing is fetched; a document's taxonomy is read from its upload, kessan's own taxonomies and the server's --root only.`,
    },
    paths: {
      '/v1/validate': {
        post: {
          summary: 'validate: the report of `kessan validate --format json`',
          parameters: params(QUERIES.validate),
          requestBody: body,
          responses: {
            '200': { description: 'every document was read; the report (findings of any severity; `valid` per failOn); header kessan-exit: the CLI exit code (1 when a document is not valid)', content: { 'application/json': { schema: { $ref: 'https://kessan.dev/schemas/validation-report.schema.json' } } } },
            '422': { description: 'a document could not be read: the same report, the failure as an error finding', content: { 'application/json': { schema: { $ref: 'https://kessan.dev/schemas/validation-report.schema.json' } } } },
            ...pick(errors, '400', '413', '503'),
          },
        },
      },
      '/v1/convert': {
        post: {
          summary: 'convert to another format (the converted document)',
          parameters: params(QUERIES.convert),
          requestBody: body,
          responses: {
            '200': { description: 'the converted document (xBRL-CSV: its report package, a zip); headers kessan-facts, kessan-errors, kessan-warnings', content: Object.fromEntries(['application/xml', 'application/xhtml+xml', 'application/json', 'text/plain', 'application/zip'].map((t) => [t, { schema: { type: 'string' } }])) },
            '422': { description: 'unreadable, or converted with errors or untagged release figures: findings, coverage and the converted document', content: { 'application/json': { schema: ERROR } } },
            ...pick(errors, '400', '413', '503'),
          },
        },
      },
      '/v1/facts': {
        post: {
          summary: 'list the facts, as `kessan facts`',
          parameters: params(QUERIES.facts),
          requestBody: body,
          responses: { '200': { description: 'the listing; header kessan-facts', content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array' } }, 'application/x-ndjson': { schema: { type: 'string' } } } }, ...errors },
        },
      },
      '/v1/review': {
        post: {
          summary: 'what the review page shows: the report, every fact with its label and source, the document with its facts marked',
          parameters: params(QUERIES.review),
          requestBody: body,
          responses: { '200': { description: 'report, facts and documents', content: { 'application/json': { schema: { type: 'object', required: ['report', 'facts', 'documents'] } } } }, ...errors },
        },
      },
      '/v1/health': { get: { summary: 'liveness and load', responses: { '200': { description: 'status, version, workers, busy, queued', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      '/v1/examples/{name}': { get: { summary: 'the example release and its profile, as bundled', parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'the file' }, '404': { description: 'no such example' } } } },
      '/openapi.json': { get: { summary: 'this document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/': { get: { summary: 'the review page', responses: { '200': { description: 'HTML' } } } },
    },
    components: {
      schemas: {
        finding: { type: 'object', required: ['code', 'severity', 'message'], properties: { code: { type: 'string' }, severity: { enum: ['error', 'warning', 'inconsistency', 'info'] }, message: { type: 'string' }, file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' }, factIds: { type: 'array', items: { type: 'string' } } } },
      },
    },
  };
}

function pick<T extends Record<string, unknown>>(o: T, ...keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Partial<T>;
}
