import type { Rule } from '../rule.js';
import { c11Engine } from './check.js';

export const rule: Rule = {
  code: 'calc11e:excessDigits',
  severity: 'inconsistency',
  docs: "Calculations 1.1: a fact taking part in a calculation has non-zero digits beyond its decimals (1234.5 with decimals 0); the check stops for its binding.",
  needs: ['taxonomy'],
  enabled: (o) => o.calc === 'c11r' || o.calc === 'c11t',
  engine: c11Engine,
};
