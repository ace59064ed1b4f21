import type { Rule } from '../rule.js';
import { instanceRules } from './xbrl21/instance.js';
import { taxonomyRules } from './xbrl21/taxonomy.js';

/** Every rule kessan knows, in the order they run. */
export function allRules(): readonly Rule[] {
  return [...taxonomyRules, ...instanceRules];
}
