import type { Rule } from '../rule.js';
import { finding, isValidUriReference, rawOf } from './linkbase-common.js';
import { roleTypeDecls } from './linkbase-roletypes.js';

export const rule: Rule = {
  code: 'xbrl.5.1.4:arcroleTypeMissing',
  severity: 'error',
  docs: 'A arcroleType must have a arcroleURI that is a non-empty, valid URI (XBRL 2.1 §5.1.4).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { decl, file } of roleTypeDecls(r.raw, 'arcroleType')) {
      if (decl.uri !== undefined && decl.uri.trim() !== '' && isValidUriReference(decl.uri)) continue;
      const what = decl.uri === undefined ? 'has no arcroleURI' : `has an invalid arcroleURI "${decl.uri}"`;
      yield finding(this.code, this.severity, `The arcroleType ${what}; it must be a non-empty URI.`, file, decl.line);
    }
  },
};
