import type { Rule } from '../rule.js';
import { c11Engine } from './check.js';

export const rule: Rule = {
  code: 'calc11e:duplicateCalculationRelationships',
  severity: 'error',
  docs: "Calculations 1.1: a summation-item network has two relationships from the same total to the same contributing concept.",
  needs: ['taxonomy'],
  enabled: (o) => o.calc === 'c11r' || o.calc === 'c11t',
  engine: c11Engine,
};
