import { KessanError } from '../../src/core/errors.js';
import type { Finding } from '../../src/core/model/finding.js';
import { validateInstance, validateTaxonomy } from '../../src/app/validate.js';
import type { ValidateOptions } from '../../src/validate/rule.js';
import type { Variation } from './suite.js';

export interface VariationResult {
  readonly key: string;
  readonly expected: 'valid' | 'invalid';
  readonly actual: 'valid' | 'invalid';
  readonly pass: boolean;
  /** Codes kessan reported (errors and inconsistencies), deduplicated, sorted. */
  readonly codes: readonly string[];
  /** For suites with expected codes: whether one of them was reported. */
  readonly codeMatch?: boolean;
  readonly ms: number;
  /** The first few findings, for reading why. */
  readonly findings: readonly string[];
}

/** Everything kessan says about one entry point: DTS load, instance reading, all rules. */
export function checkEntry(entry: string, kind: 'xsd' | 'linkbase' | 'instance', options: Partial<ValidateOptions> = {}): Finding[] {
  try {
    return kind === 'instance' ? validateInstance(entry, options).findings : validateTaxonomy(entry, options);
  } catch (e) {
    if (e instanceof KessanError) return [{ code: e.code, severity: 'error', message: e.message, ...e.location }];
    return [{ code: 'kessan:internalError', severity: 'error', message: `${(e as Error).message}\n${(e as Error).stack ?? ''}`, file: entry }];
  }
}

/** Local part of a code for matching: `xbrldie:PrimaryItemDimensionallyInvalidError` ≈ `…:PrimaryItemDimensionallyInvalidError`. */
function codeLocal(code: string): string {
  return code.slice(code.lastIndexOf(':') + 1);
}

/**
 * Runs one variation. By default as Arelle runs the XBRL 2.1 and Dimensions suites: XBRL 2.1 calculations and
 * no Units Registry check (the 2003 suite uses units the UTR does not list, such as iso4217:DEM).
 */
export function runVariation(v: Variation, options: Partial<ValidateOptions> = { calc: 'xbrl21', utr: 'none' }): VariationResult {
  const entry = v.inputs.find((i) => i.readMeFirst) ?? v.inputs[0];
  const t0 = performance.now();
  const findings = entry ? checkEntry(entry.file, entry.kind, options) : [{ code: 'kessan:noEntryPoint', severity: 'error' as const, message: 'variation has no input' }];
  const ms = performance.now() - t0;
  const bad = findings.filter((f) => f.severity === 'error' || f.severity === 'inconsistency');
  const actual = bad.length ? 'invalid' : 'valid';
  const codes = [...new Set(bad.map((f) => f.code))].sort();
  let pass = actual === v.expected;
  let codeMatch: boolean | undefined;
  if (v.errors.length) {
    const wanted = new Set(v.errors.map(codeLocal));
    codeMatch = codes.some((c) => wanted.has(codeLocal(c)));
    pass = pass && codeMatch;
  }
  return {
    key: v.key, expected: v.expected, actual, pass, codes, ...(codeMatch === undefined ? {} : { codeMatch }), ms: Math.round(ms),
    findings: bad.slice(0, 5).map((f) => `${f.severity} ${f.code} ${f.file ? `${f.file.split('/').pop()}:${f.line ?? ''} ` : ''}${f.message.split('\n')[0]}`),
  };
}
