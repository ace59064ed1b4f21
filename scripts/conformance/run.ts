import { validateOne, type FileReport } from '../../src/app/batch/validate-one.js';
import { failsOn, type FailOn } from '../../src/app/verdict.js';
import { parseValidateArgs } from '../../src/cli/validate.js';
import type { Variation } from './suite.js';

export interface VariationResult {
  readonly key: string;
  readonly expected: 'valid' | 'invalid';
  readonly actual: 'valid' | 'invalid';
  readonly pass: boolean;
  /** Codes kessan reported that fail the entry under the exit policy (errors and inconsistencies), deduplicated, sorted. */
  readonly codes: readonly string[];
  /** For suites with expected codes: whether one of them was reported. */
  readonly codeMatch?: boolean;
  readonly ms: number;
  /** The first few findings, for reading why. */
  readonly findings: readonly string[];
}

/** What `kessan validate <entry> ...args` says about one entry point: its report entry, and the fail-on policy. */
export async function checkEntry(entry: string, args: readonly string[]): Promise<{ report: FileReport; failOn?: FailOn }> {
  const { options } = parseValidateArgs([entry, ...args]);
  return { report: (await validateOne(entry, options)).report, ...(options.failOn ? { failOn: options.failOn } : {}) };
}

/** Local part of a code for matching: `xbrldie:PrimaryItemDimensionallyInvalidError` ≈ `…:PrimaryItemDimensionallyInvalidError`. */
function codeLocal(code: string): string {
  return code.slice(code.lastIndexOf(':') + 1);
}

/**
 * Runs one variation as `kessan validate <entry> ...args` does: the entry (its readMeFirst input) validated by
 * the function the command runs per file, with the options the command parses from `args` (the suite's, see
 * suites.ts), and the command's verdict (valid: no finding at or above --fail-on). So a variation passes here
 * exactly when the command line exits 0 for a valid one and 1 for an invalid one.
 */
export async function runVariation(v: Variation, args: readonly string[]): Promise<VariationResult> {
  const entry = v.inputs.find((i) => i.readMeFirst) ?? v.inputs[0];
  const t0 = performance.now();
  if (!entry) return { key: v.key, expected: v.expected, actual: 'invalid', pass: v.expected === 'invalid' && !v.errors.length, codes: ['kessan:noEntryPoint'], ms: 0, findings: ['variation has no input'] };
  const { report, failOn } = await checkEntry(entry.file, args);
  const ms = performance.now() - t0;
  const bad = report.findings.filter((f) => failsOn(f.severity, failOn));
  const actual = report.valid ? 'valid' : 'invalid';
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
