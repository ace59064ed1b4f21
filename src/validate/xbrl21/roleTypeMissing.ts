import type { Rule } from '../rule.js';
import { finding, isValidUriReference, rawOf } from './linkbase-common.js';
import { roleTypeDecls } from './linkbase-roletypes.js';

export const rule: Rule = {
  code: 'xbrl.5.1.3:roleTypeMissing',
  severity: 'error',
  docs: 'A roleType must have a roleURI that is a non-empty, valid URI (XBRL 2.1 §5.1.3).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { decl, file } of roleTypeDecls(r.raw, 'roleType')) {
      if (decl.uri !== undefined && decl.uri.trim() !== '' && isValidUriReference(decl.uri)) continue;
      const what = decl.uri === undefined ? 'has no roleURI' : `has an invalid roleURI "${decl.uri}"`;
      yield finding(this.code, this.severity, `The roleType ${what}; it must be a non-empty URI.`, file, decl.line);
    }
  },
};
