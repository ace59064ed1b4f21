import type { Rule } from '../rule.js';
import { c11Engine } from './check.js';

export const rule: Rule = {
  code: 'calc11e:nonDecimalItemNode',
  severity: 'error',
  docs: "Calculations 1.1: both ends of a summation-item relationship must be decimal concepts (not float, double or fraction).",
  needs: ['taxonomy'],
  enabled: (o) => o.calc === 'c11r' || o.calc === 'c11t',
  engine: c11Engine,
};
