import type { Rule } from '../rule.js';
import { rule as duplicateFacts } from './duplicateFacts.js';

/** Rules of this family, one file each (see src/validate/rule.ts): duplicate facts, per `--duplicates`. */
export const duplicatesRules: readonly Rule[] = [duplicateFacts];
