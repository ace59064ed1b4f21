import type { Rule } from '../../rule.js';

/** XBRL 2.1 taxonomy, linkbase and calculation rules (sections 3 and 5), one file each. */
export const taxonomyRules: readonly Rule[] = [];
