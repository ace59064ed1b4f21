import { formatQName, NS } from '../../core/model/qname.js';
import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xbrl.4:xbrlRootElement',
  severity: 'error',
  docs: 'An XBRL instance must have xbrli:xbrl as its root element; it may not be nested in another XML document (XBRL 2.1 section 4).',
  needs: ['instance'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    if (doc.root.namespace !== NS.xbrli || doc.root.localName !== 'xbrl') yield finding(ctx, rule, { line: 1, column: 1 }, `the root element is ${formatQName(doc.root)}, not xbrli:xbrl`);
  },
};
