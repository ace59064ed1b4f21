/** The benchmark steps (run one at a time by bench/step.ts, in fresh processes started by bench/run.ts). */
export const STEPS = ['read-xbrl', 'validate-c11r', 'write-xbrl', 'write-json', 'read-json', 'read-ixbrl'] as const;
export type Step = (typeof STEPS)[number];

export interface StepResult {
  readonly step: Step;
  /** The step's module does not exist (yet). */
  readonly na?: boolean;
  readonly facts?: number;
  readonly seconds?: number;
  /** CPU time (user + system, all threads) of the step: fairer than wall time on a loaded machine. */
  readonly cpuSeconds?: number;
  readonly maxRssMiB: number;
  readonly detail?: Record<string, unknown>;
}
