import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { projectRoot } from './paths.js';

const cache = new Map<string, ValidateFunction>();
let ajv: AjvClass | undefined;

/**
 * A compiled validator for one of kessan's JSON Schemas in `schemas/` (compiled once per process). ajv (CommonJS,
 * ~40 modules) is loaded on the first call, not at import: commands that never check a schema don't pay for it.
 */
export function compileSchema(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    if (!ajv) {
      const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
      ajv = new Ajv({ allErrors: false, strict: true, validateFormats: false });
    }
    const schema = JSON.parse(readFileSync(join(projectRoot(), 'schemas', name), 'utf8')) as object;
    v = ajv.compile(schema);
    cache.set(name, v);
  }
  return v;
}

/**
 * One schema error in words: where (its JSON pointer) and what, naming the unexpected or missing member;
 * `otherwise` when there is no error to describe.
 */
export function describeSchemaError(e: ErrorObject | undefined, otherwise: string): string {
  if (!e) return otherwise;
  const where = e.instancePath || 'the document';
  if (e.keyword === 'additionalProperties') return `${where} has an unexpected member ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)}`;
  if (e.keyword === 'required') return `${where} lacks the member ${JSON.stringify((e.params as { missingProperty: string }).missingProperty)}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}
