import type { Rule } from '../rule.js';
import { xdtInstanceEngine } from './instance.js';

export const rule: Rule = {
  code: 'xbrldie:PrimaryItemDimensionallyInvalidError',
  severity: 'error',
  docs: 'A fact must be dimensionally valid: in at least one link role, its primary item\'s all hypercubes accept the context and its notAll hypercubes do not (XBRL Dimensions 1.0 §3.1.4). A primary item without hypercubes accepts any context; with an incomplete DTS, facts whose verdict depends on what could not be loaded are not judged.',
  needs: ['instance', 'taxonomy'],
  engine: xdtInstanceEngine,
};
