import type { Rule } from '../../rule.js';

/** Rules of this family, one file each (see src/validate/rule.ts). */
export const duplicatesRules: readonly Rule[] = [];
