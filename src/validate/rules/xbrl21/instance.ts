import type { Rule } from '../../rule.js';

/** XBRL 2.1 instance rules (sections 4.x), one file each. */
export const instanceRules: readonly Rule[] = [];
