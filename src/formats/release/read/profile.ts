import { dirname, resolve } from 'node:path';
import type { Entity } from '../../../core/model/fact.js';
import { daysInMonth } from '../../../core/model/period.js';
import { KessanError } from '../../../core/errors.js';
import { decodeText, readInputBytes } from '../../../core/limits.js';
import { projectRoot } from '../../../core/paths.js';
import type { FiscalCalendar } from './periods.js';
import { validateProfileData } from './profile-validator.js';

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
  const text = decodeText(readInputBytes(file, 'kessan:profileUnreadable', 'cannot read the filer profile: '), file, 'kessan:profileInvalid', 2);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new KessanError('kessan:profileInvalid', `the filer profile is not JSON: ${(e as Error).message}`, { file }, 2);
  }
  const duplicate = duplicateKey(text);
  if (duplicate) throw new KessanError('kessan:profileInvalid', `the filer profile is not valid: key "${duplicate.key}" appears twice in one object`, { file, line: duplicate.line }, 2);
  const checked = validateProfileData(data);
  if (!checked.ok) {
    const first = checked.error;
    const where = first?.instancePath || '(top level)';
    throw new KessanError('kessan:profileInvalid', `the filer profile is not valid: ${where} ${first?.message ?? ''}`.trim(), { file }, 2);
  }
  const p = data as {
    name?: string; entity: Entity; fiscalYear: FiscalCalendar; currency: string;
    convenience?: { currency: string; rate: string }; adsPerShare?: string;
    taxonomy: { schema: string; schemaRef?: string }; typeUnits?: Record<string, string>;
  };
  const { endMonth, endDay } = p.fiscalYear;
  if (endDay > daysInMonth(2000, endMonth)) {
    throw new KessanError('kessan:profileInvalid', `the filer profile is not valid: /fiscalYear: month ${endMonth} has no day ${endDay}`, { file }, 2);
  }
  for (const [path, v] of [['/convenience/rate', p.convenience?.rate], ['/adsPerShare', p.adsPerShare]] as const) {
    if (v !== undefined && !/[1-9]/.test(v)) throw new KessanError('kessan:profileInvalid', `the filer profile is not valid: ${path} must not be zero`, { file }, 2);
  }
  // User strings become keys: no prototype, so `__proto__` or `constructor` is just a type name.
  const typeUnits: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(p.typeUnits ?? {})) typeUnits[k] = v;
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
    typeUnits,
  };
}

export { projectRoot };

/** Days in each month; February has 29 (a fiscal year may end on its last day). */

/**
 * The first key that appears twice in one object of `text` (valid JSON), with its line. `JSON.parse` keeps the
 * last silently, which would hide a mistake. Iterative: deep nesting cannot overflow the stack.
 */
export function duplicateKey(text: string): { key: string; line: number } | undefined {
  const stack: (Set<string> | undefined)[] = []; // per open object or array (undefined)
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 123 /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 91 /* [ */) {
      stack.push(undefined);
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44 /* , */) expectKey = stack[stack.length - 1] !== undefined;
    else if (c === 34 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) return { key, line };
        keys.add(key);
        expectKey = false;
      }
      i = j;
    }
  }
  return undefined;
}
