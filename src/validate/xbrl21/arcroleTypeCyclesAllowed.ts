import type { Rule } from '../rule.js';
import { finding, rawOf } from './linkbase-common.js';
import { roleTypeDecls } from './linkbase-roletypes.js';

export const rule: Rule = {
  code: 'xbrl.5.1.4:arcroleTypeCyclesAllowed',
  severity: 'error',
  docs: 'An arcroleType’s cyclesAllowed must be "any", "undirected" or "none" (XBRL 2.1 §5.1.4).',
  needs: ['taxonomy'],
  *check(ctx) {
    const r = rawOf(ctx);
    if (!r) return;
    for (const { decl, file } of roleTypeDecls(r.raw, 'arcroleType')) {
      const c = decl.cyclesAllowed;
      if (c === 'any' || c === 'undirected' || c === 'none') continue;
      yield finding(this.code, this.severity, `arcroleType ${decl.uri ?? ''} has ${c === undefined ? 'no cyclesAllowed' : `an invalid cyclesAllowed "${c}"`}.`, file, decl.line);
    }
  },
};
