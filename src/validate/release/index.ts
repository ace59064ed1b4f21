import type { Rule } from '../rule.js';
import { rule as adjustedToFoot } from './adjustedToFoot.js';
import { rule as convenienceTranslationMismatch } from './convenienceTranslationMismatch.js';
import { rule as perAdsMismatch } from './perAdsMismatch.js';
import { rule as percentChangeMismatch } from './percentChangeMismatch.js';
import { rule as percentOfTotalMismatch } from './percentOfTotalMismatch.js';
import { rule as totalMismatch } from './totalMismatch.js';

/** The release's own cross-checks (`release:*`), on for taxonomies carrying kessan's ratio arcroles. */
export const releaseRules: readonly Rule[] = [totalMismatch, percentOfTotalMismatch, percentChangeMismatch, convenienceTranslationMismatch, perAdsMismatch, adjustedToFoot];
