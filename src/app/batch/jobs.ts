/** What a batch does to each file, the same on a worker thread and in-process. */
import { applyLimitOptions } from '../../cli/limits.js';
import type { FactsResult, ListOptions } from '../facts.js';
import type { ValidateOneOptions, ValidateResult } from './validate-one.js';

/** Plain data (it crosses to worker threads): the job and the command's options, limits included. */
export type JobSpec =
  | { readonly kind: 'facts'; readonly options: ListOptions; readonly limits: Record<string, unknown> }
  | { readonly kind: 'validate'; readonly options: ValidateOneOptions; readonly limits: Record<string, unknown> };

export type JobResult<S extends JobSpec> = S extends { kind: 'facts' } ? FactsResult : ValidateResult;

/** The function that handles one file; loads only the modules the job needs. Sets the limits when asked to. */
export async function loadJob<S extends JobSpec>(spec: S, setLimits: boolean): Promise<(file: string) => JobResult<S>> {
  if (setLimits) applyLimitOptions(spec.limits);
  if (spec.kind === 'facts') {
    const { listFacts } = await import('../facts.js');
    const options = spec.options;
    return ((file: string) => listFacts(file, options)) as (file: string) => JobResult<S>;
  }
  const { validateOne } = await import('./validate-one.js');
  const options = spec.options;
  return ((file: string) => validateOne(file, options)) as (file: string) => JobResult<S>;
}
