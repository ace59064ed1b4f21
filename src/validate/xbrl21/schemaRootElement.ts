import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';

export const rule: Rule = {
  code: 'xbrl.5.1:schemaRootElement',
  severity: 'error',
  docs: 'An XML Schema must be the root element of its document (or of none): an xs:schema nested in another XML element is not a taxonomy schema (XBRL 2.1 §5.1).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    for (const n of r?.raw.nestedRoots ?? []) {
      if (n.element === 'schema') yield finding(this.code, this.severity, `The schema element is nested in ${n.parent}; it must be the root element of its document.`, n.file, n.line);
    }
  },
};
