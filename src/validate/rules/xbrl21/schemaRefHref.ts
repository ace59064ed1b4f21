import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Rule } from '../../rule.js';
import { finding, instanceOf } from '../../support/instance.js';

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
  docs: 'A schemaRef must point to an XML Schema (XBRL 2.1 section 4.2.2). Checked for local files that exist: their root must be xs:schema.',
  needs: ['instance'],
  *check(ctx) {
    const doc = instanceOf(ctx);
    for (const ref of doc.refs) {
      if (ref.kind !== 'schemaRef') continue;
      const path = ref.href.split('#')[0]!.trim();
      if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path)) continue; // URLs: the taxonomy loader says what it could not get
      let file: string;
      try {
        file = resolve(dirname(doc.file), decodeURIComponent(path));
      } catch {
        continue;
      }
      if (!existsSync(file) || statSync(file).isDirectory()) continue; // unavailable: the taxonomy loader reports it
      const root = rootLocalName(file);
      if (root !== undefined && root !== 'schema') yield finding(ctx, rule, ref, `schemaRef ${ref.href} points to a ${root} document, not to an XML Schema`);
    }
  },
};
