import type { Rule } from '../rule.js';
import { finding, isCoreDocument, rawOf } from './linkbase-common.js';

export const rule: Rule = {
  code: 'xbrl.5.1:emptyTargetNamespace',
  severity: 'error',
  docs: 'A taxonomy schema’s targetNamespace, when written, must not be empty (XBRL 2.1 §5.1).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const s of r.raw.schemas) {
      if (isCoreDocument(s.file) || !s.hasTargetNamespace || s.targetNamespace !== '') continue;
      yield finding(this.code, this.severity, 'The schema has an empty targetNamespace; a taxonomy schema needs a real namespace.', s.file, s.rootLine);
    }
  },
};
