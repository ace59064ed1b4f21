/**
 * A task's outcome as an HTTP answer: status, media type, headers and body, with every server path rewritten
 * as the client sees it. The validation report is printed as `kessan validate --format json` prints it.
 */
import type { Format } from '../formats.js';
import type { ListFormat } from '../facts.js';
import type { Outcome } from './tasks.js';

export interface Answer {
  readonly status: number;
  readonly type: string;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}

const DOCUMENT_TYPE: Record<Format, string> = {
  xbrl: 'application/xml; charset=utf-8',
  ixbrl: 'application/xhtml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  release: 'text/plain; charset=utf-8',
  csv: 'application/zip',
};

const EXTENSION: Record<Format, string> = { xbrl: 'xbrl', ixbrl: 'html', json: 'json', release: 'txt', csv: 'xbr' };

const LIST_TYPE: Record<ListFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

const JSON_TYPE = 'application/json; charset=utf-8';

/** An error answer: `{ error: { code, message }, findings }`. */
export function errorAnswer(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Answer {
  return { status, type: JSON_TYPE, headers: {}, body: `${JSON.stringify({ error: { code, message }, ...extra }, null, 2)}\n` };
}

function counts(findings: readonly { severity: string }[]): Record<string, string> {
  return {
    'kessan-errors': String(findings.filter((f) => f.severity === 'error').length),
    'kessan-warnings': String(findings.filter((f) => f.severity === 'warning').length),
  };
}

/** The answer for an outcome; `scrub` rewrites the server's paths (see `scrubber`). */
export function answerFor(outcome: Outcome, scrub: (text: string) => string, listFormat: ListFormat = 'csv'): Answer {
  switch (outcome.kind) {
    case 'validate': {
      // kessan-exit: what `kessan validate` would exit with on the same files.
      return { status: outcome.failed ? 422 : 200, type: JSON_TYPE, headers: { 'kessan-exit': String(outcome.exit) }, body: scrub(`${JSON.stringify(outcome.report, null, 2)}\n`) };
    }
    case 'review':
      return { status: outcome.failed ? 422 : 200, type: JSON_TYPE, headers: {}, body: scrub(JSON.stringify(outcome.review)) };
    case 'convert': {
      if (outcome.failed) {
        const message = outcome.coverage && outcome.coverage.reported > 0 ? `${outcome.coverage.reported} of ${outcome.coverage.figures} table figures were not tagged` : outcome.coverage?.figures === 0 ? 'the release has no table' : 'the document has errors';
        const document = typeof outcome.data === 'string' ? outcome.data : Buffer.from(outcome.data).toString('base64');
        return scrubbed(errorAnswer(422, 'kessan:conversionFailed', `converted, but ${message}; the findings say where (the converted document is in "document"${typeof outcome.data === 'string' ? '' : ', in base64'})`, { findings: outcome.findings, ...(outcome.coverage ? { coverage: outcome.coverage } : {}), document }), scrub);
      }
      const headers = { ...counts(outcome.findings), 'kessan-facts': String(outcome.facts), 'content-disposition': `attachment; filename="document.${EXTENSION[outcome.to]}"` };
      // A package is binary: its references were made relative to the upload, so it holds no server path to rewrite.
      return { status: 200, type: DOCUMENT_TYPE[outcome.to], headers, body: typeof outcome.data === 'string' ? scrub(outcome.data) : Buffer.from(outcome.data) };
    }
    case 'facts':
      return { status: 200, type: LIST_TYPE[listFormat], headers: { 'kessan-facts': String(outcome.facts), 'kessan-warnings': String(outcome.warnings.length) }, body: scrub(outcome.body) };
    case 'refused':
      return scrubbed(errorAnswer(outcome.status, outcome.code, outcome.message, { findings: outcome.findings }), scrub);
  }
}

function scrubbed(a: Answer, scrub: (text: string) => string): Answer {
  return { ...a, body: typeof a.body === 'string' ? scrub(a.body) : a.body };
}
