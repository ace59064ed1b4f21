import type { Finding, Severity } from '../core/model/finding.js';
import type { Report } from '../core/model/report.js';
import type { InstanceDocument } from '../core/xbrl/infoset.js';
import type { Taxonomy } from '../core/taxonomy/model.js';

export type CalcMode = 'none' | 'xbrl21' | 'c11r' | 'c11t';
export type DuplicatesMode = 'none' | 'inconsistent' | 'consistent' | 'complete' | 'all';

/** What a filer profile tells the release cross-checks (convenience translation, ADS ratio). */
export interface ReleaseFacts {
  readonly currency: string;
  readonly convenience?: { readonly currency: string; readonly rate: string };
  readonly adsPerShare?: string;
}

export interface ValidateOptions {
  readonly calc: CalcMode;
  readonly duplicates: DuplicatesMode;
  /** From the filer profile, when one is given: enables the convenience and per-ADS cross-checks. */
  readonly release?: ReleaseFacts;
  /**
   * The Units Registry document the UTR rules check units against (a file path): by default the registry bundled
   * in taxonomy/catalog/www.xbrl.org/utr/; `'none'` turns the UTR rules off.
   */
  readonly utr?: string;
  /**
   * A DTS document not available offline (`kessan:taxonomyUnavailable`) is an error by default, since the facts
   * its concepts define were not checked; true makes it a warning.
   */
  readonly allowUnavailableTaxonomy?: boolean;
}

export const DEFAULT_OPTIONS: ValidateOptions = { calc: 'c11r', duplicates: 'inconsistent' };

/** What a rule sees: the report, the instance document it came from (if any), its taxonomy (if loaded). */
export interface RuleContext {
  readonly report: Report;
  readonly instance?: InstanceDocument;
  readonly taxonomy?: Taxonomy;
  /** True when some of the DTS could not be loaded: rules needing complete definitions skip what they can't check. */
  readonly taxonomyIncomplete: boolean;
  readonly options: ValidateOptions;
  /** The file findings point into by default. */
  readonly file: string;
}

/**
 * One validation rule, one file: `src/validate/<spec>/<name>.ts` exports a Rule whose code ends in
 * `:<name>` (e.g. `xbrl.4.7.2:contextPeriodType` lives in `rules/xbrl21/contextPeriodType.ts`). Message
 * templates live in the rule; docs are generated from `docs`.
 */
export interface Rule {
  readonly code: string;
  /** The rule's file name when its code has no `:<name>` part (Arelle's `xbrl.5.2.4.2` cycle code). */
  readonly name?: string;
  readonly severity: Severity;
  /** One or two sentences for the rules' documentation: what is checked, per which spec section. */
  readonly docs: string;
  /** What the rule needs to run; it is skipped (and said to be) when a need is missing. */
  readonly needs: readonly ('instance' | 'taxonomy')[];
  /** Whether the options turn the rule on (calculation mode, duplicates, Units Registry); absent: always on. */
  enabled?(options: ValidateOptions): boolean;
  /** The rule's own check (a rule has a check, an engine, or both). */
  check?(ctx: RuleContext): Iterable<Finding>;
  /** The engine that finds this rule's violations, reported under the rule's code. */
  readonly engine?: Engine;
}

/**
 * A check that finds the violations of several rules in one pass over what they share (the dimensional
 * relationship sets, linkbase roles, Calculations 1.1 bindings...). Each finding carries the code of the rule it
 * violates; the runner runs an engine once per validation and hands each rule the findings of its own code, so a
 * rule stays one file (its code, severity and docs) without checking anything itself.
 */
export interface Engine {
  readonly name: string;
  run(ctx: RuleContext): readonly Finding[];
}
