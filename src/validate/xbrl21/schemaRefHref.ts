import { openSync, readSync, closeSync } from 'node:fs';
import { currentLimits } from '../../core/limits.js';
import { confinedResolver } from '../../core/taxonomy/resolver.js';
import type { Rule } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

/** The local name of a file's root element (from its first 64 KB), or undefined if it cannot be told. */
function rootLocalName(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8').replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^>]*>/gi, '');
    const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(text);
    return m?.[2];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const rule: Rule = {
  code: 'xbrl.4.2.2:schemaRefHref',
  severity: 'error',
  docs: 'A schemaRef must point to an XML Schema (XBRL 2.1 section 4.2.2). Checked for documents available offline (xml:base applied): their root must be xs:schema.',
  needs: ['instance'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    // Confined like the DTS load, so nothing it was not allowed to read is looked at here either.
    const resolver = confinedResolver([doc.file], currentLimits().confineTo);
    for (const ref of doc.refs) {
      if (ref.kind !== 'schemaRef') continue;
      const target = resolver.resolve(ref.href, doc.file, ref.xmlBase);
      if (target.kind !== 'local') continue; // unavailable: the taxonomy loader reports it
      const root = rootLocalName(target.path);
      if (root !== undefined && root !== 'schema') yield finding(ctx, rule, ref, `schemaRef ${ref.href} points to a ${root} document, not to an XML Schema`);
    }
  },
};
