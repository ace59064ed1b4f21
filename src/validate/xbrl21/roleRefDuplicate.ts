import type { Rule } from '../rule.js';
import { instanceRefDuplicates } from './instanceRefs.js';
import { roleEngine } from './linkbase-roles.js';

export const rule: Rule = {
  code: 'xbrl.3.5.2.4.5:roleRefDuplicate',
  severity: 'error',
  docs: 'A linkbase must not have two roleRefs for the same roleURI (XBRL 2.1 §3.5.2.4.5).',
  needs: ['taxonomy'],
  *check(ctx) {
    yield* instanceRefDuplicates(ctx, this, 'roleRef');
  },
  // The instance's own duplicates are the check's; those in the DTS's linkbases, the roles engine's.
  engine: roleEngine,
};
