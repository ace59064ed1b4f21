import type { Rule } from '../rule.js';
import { rule as inconsistentCalculationUsingRounding } from './inconsistentCalculationUsingRounding.js';
import { rule as inconsistentCalculationUsingTruncation } from './inconsistentCalculationUsingTruncation.js';
import { rule as excessDigits } from './excessDigits.js';
import { rule as disallowedDuplicateFacts } from './disallowedDuplicateFacts.js';
import { rule as disallowedDuplicateFactsUsingTruncation } from './disallowedDuplicateFactsUsingTruncation.js';
import { rule as duplicateCalculationRelationships } from './duplicateCalculationRelationships.js';
import { rule as nonDecimalItemNode } from './nonDecimalItemNode.js';

/** Rules of this family, one file each (see src/validate/rule.ts): Calculations 1.1, run when calc mode is c11r or c11t. */
export const calc11Rules: readonly Rule[] = [inconsistentCalculationUsingRounding, inconsistentCalculationUsingTruncation, excessDigits, disallowedDuplicateFacts, disallowedDuplicateFactsUsingTruncation, duplicateCalculationRelationships, nonDecimalItemNode];
