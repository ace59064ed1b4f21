/** What a batch does to each file, the same in a worker process and in-process. */
import { setLimits as setCurrentLimits, type Limits } from '../../core/limits.js';
import type { FactsResult, ListOptions } from '../facts.js';
import type { ValidateOneOptions, ValidateResult } from './validate-one.js';

/** Plain data (it crosses to worker processes): the job and the command's options, limits included. */
export type JobSpec =
  | { readonly kind: 'facts'; readonly options: ListOptions; readonly limits: Limits }
  | { readonly kind: 'validate'; readonly options: ValidateOneOptions; readonly limits: Limits };

export type JobResult<S extends JobSpec> = S extends { kind: 'facts' } ? FactsResult : ValidateResult;

/** The function that handles one file; loads only the modules the job needs. Sets the limits when asked to. */
export async function loadJob<S extends JobSpec>(spec: S, setLimits: boolean): Promise<(file: string) => Promise<JobResult<S>>> {
  if (setLimits) setCurrentLimits(spec.limits);
  if (spec.kind === 'facts') {
    const { listFacts } = await import('../facts.js');
    const options = spec.options;
    return ((file: string) => listFacts(file, options)) as (file: string) => Promise<JobResult<S>>;
  }
  const { validateOne } = await import('./validate-one.js');
  const options = spec.options;
  return ((file: string) => validateOne(file, options)) as (file: string) => Promise<JobResult<S>>;
}
