import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export const rule: Rule = {
  code: 'xmlSchema:elementOccurrencesError',
  severity: 'error',
  docs: 'An XBRL instance must have at least one link:schemaRef (XBRL 2.1 section 4.2; the xbrli:xbrl content model).',
  needs: ['instance'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    if (doc.root.localName !== 'xbrl' || doc.root.namespace !== 'http://www.xbrl.org/2003/instance') return;
    if (!doc.refs.some((r) => r.kind === 'schemaRef')) yield finding(ctx, rule, { line: 1, column: 1 }, 'the instance has no link:schemaRef; it must reference at least one taxonomy schema');
  },
};
