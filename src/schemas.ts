import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { projectRoot } from './paths.js';

const cache = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/** A compiled validator for one of kessan's JSON Schemas in `schemas/` (compiled once per process). */
export function compileSchema(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    ajv ??= new Ajv({ allErrors: false, strict: true, validateFormats: false });
    const schema = JSON.parse(readFileSync(join(projectRoot(), 'schemas', name), 'utf8')) as object;
    v = ajv.compile(schema);
    cache.set(name, v);
  }
  return v;
}
