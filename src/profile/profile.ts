import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Entity } from '../model/fact.js';
import { KessanError } from '../errors.js';
import { projectRoot } from '../paths.js';
import type { FiscalCalendar } from '../readers/release/periods.js';
import { compileSchema } from '../schemas.js';

/** A filer profile: what the release text does not say. See schemas/profile.schema.json. */
export interface Profile {
  readonly file: string;
  readonly name?: string;
  readonly entity: Entity;
  readonly fiscalYear: FiscalCalendar;
  readonly currency: string;
  readonly convenience?: { readonly currency: string; readonly rate: string };
  readonly adsPerShare?: string;
  /** Absolute path of the taxonomy's entry schema. */
  readonly taxonomySchema: string;
  readonly schemaRef?: string;
  readonly typeUnits: Readonly<Record<string, string>>;
}


/** Reads and checks a profile file; every problem is a KessanError naming the file and the JSON path. */
export function loadProfile(file: string): Profile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new KessanError('kessan:profileUnreadable', `cannot read the filer profile: ${(e as Error).message}`, { file }, 2);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new KessanError('kessan:profileInvalid', `the filer profile is not JSON: ${(e as Error).message}`, { file }, 2);
  }
  const validate = compileSchema('profile.schema.json');
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath || '(top level)';
    throw new KessanError('kessan:profileInvalid', `the filer profile is not valid: ${where} ${first?.message ?? ''}`.trim(), { file }, 2);
  }
  const p = data as {
    name?: string; entity: Entity; fiscalYear: FiscalCalendar; currency: string;
    convenience?: { currency: string; rate: string }; adsPerShare?: string;
    taxonomy: { schema: string; schemaRef?: string }; typeUnits?: Record<string, string>;
  };
  return {
    file: resolve(file),
    ...(p.name ? { name: p.name } : {}),
    entity: p.entity,
    fiscalYear: p.fiscalYear,
    currency: p.currency,
    ...(p.convenience ? { convenience: p.convenience } : {}),
    ...(p.adsPerShare ? { adsPerShare: p.adsPerShare } : {}),
    taxonomySchema: resolve(dirname(resolve(file)), p.taxonomy.schema),
    ...(p.taxonomy.schemaRef ? { schemaRef: p.taxonomy.schemaRef } : {}),
    typeUnits: p.typeUnits ?? {},
  };
}

export { projectRoot };
