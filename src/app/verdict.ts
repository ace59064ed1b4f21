/**
 * The exit policy of `kessan validate` (and `kessan serve`'s `kessan-exit`, and the conformance runner's verdict):
 * which severities fail a file. By default errors and inconsistencies (a calculation that does not add up, duplicate
 * facts that disagree) fail, as Arelle's verdict does; `--fail-on error` lets inconsistencies pass, `--fail-on
 * warning` fails on warnings too. Info never fails.
 */
import type { Severity } from '../core/model/finding.js';

export type FailOn = 'error' | 'inconsistency' | 'warning';

export const FAIL_ON: readonly FailOn[] = ['error', 'inconsistency', 'warning'];

export const DEFAULT_FAIL_ON: FailOn = 'inconsistency';

const FAILING: Record<FailOn, ReadonlySet<Severity>> = {
  error: new Set(['error']),
  inconsistency: new Set(['error', 'inconsistency']),
  warning: new Set(['error', 'inconsistency', 'warning']),
};

/** Whether a finding of this severity fails its file under the policy. */
export function failsOn(severity: Severity, failOn: FailOn = DEFAULT_FAIL_ON): boolean {
  return FAILING[failOn].has(severity);
}

/** Whether findings pass under the policy (none of them at or above its level). */
export function passes(findings: Iterable<{ readonly severity: Severity }>, failOn: FailOn = DEFAULT_FAIL_ON): boolean {
  for (const f of findings) if (failsOn(f.severity, failOn)) return false;
  return true;
}

/**
 * The exit code of a validation: 2 when no file could be read and one was unreadable (`batch` is the batch
 * runner's code for the files that failed to be read: see batchExitCode); 1 when a file failed to be read or a
 * file does not pass; else 0.
 */
export function validationExitCode(batch: 0 | 1 | 2, files: readonly { readonly valid: boolean }[]): 0 | 1 | 2 {
  if (batch === 2) return 2;
  return batch === 1 || files.some((f) => !f.valid) ? 1 : 0;
}
