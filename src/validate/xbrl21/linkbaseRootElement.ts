import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';

export const rule: Rule = {
  code: 'xbrl.5.2:linkbaseRootElement',
  severity: 'error',
  docs: 'A linkbase must be the root element of its document or a child of xs:appinfo; a link:linkbase nested in another XML element is not allowed (XBRL 2.1 §5.2).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    for (const n of r?.raw.nestedRoots ?? []) {
      if (n.element === 'linkbase') yield finding(this.code, this.severity, `The linkbase element is nested in ${n.parent}; it must be the root element of its document.`, n.file, n.line);
    }
  },
};
