import type { Rule } from '../rule.js';
import { xdtInstanceEngine } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:IllegalTypedDimensionContentError',
  severity: 'error',
  docs: 'A typed member must contain exactly one element, the dimension\'s typed domain element (XBRL Dimensions 1.0 §3.1.4.4.3).',
  needs: ['instance', 'taxonomy'],
  engine: xdtInstanceEngine,
};
