import type { Rule } from './rule.js';
import { calc11Rules } from './calc/index.js';
import { duplicatesRules } from './duplicates/index.js';
import { releaseRules } from './release/index.js';
import { utrRules } from './utr/index.js';
import { xdtRules } from './dimensions/index.js';
import { instanceRules } from './xbrl21/instance.js';
import { taxonomyRules } from './xbrl21/taxonomy.js';

/** Every rule kessan knows, in the order they run. */
let all: readonly Rule[] | undefined;

/** Every rule, in a fixed order (the same array each time). */
export function allRules(): readonly Rule[] {
  return (all ??= Object.freeze([...taxonomyRules, ...instanceRules, ...xdtRules, ...utrRules, ...calc11Rules, ...duplicatesRules, ...releaseRules]));
}
