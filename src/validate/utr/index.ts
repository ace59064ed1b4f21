import type { Rule } from '../rule.js';
import { rule as numericFactUtrInvalid } from './error-NumericFactUtrInvalid.js';

/** Rules of this family, one file each (see src/validate/rule.ts): the Units Registry. */
export const utrRules: readonly Rule[] = [numericFactUtrInvalid];
