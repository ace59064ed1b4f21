import type { Rule } from '../rule.js';
import { xdtInstanceEngine } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:RepeatedDimensionInInstanceError',
  severity: 'error',
  docs: 'A dimension may have only one value in a context: not twice in its segment or scenario, nor in both (XBRL Dimensions 1.0 §3.1.4.2).',
  needs: ['instance', 'taxonomy'],
  engine: xdtInstanceEngine,
};
