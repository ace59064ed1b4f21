import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdir -p`, one level at a time. Not `mkdir(…, { recursive: true })`: Node 20's, sync and async, loops for ever
 * where mkdir says ENOENT under a folder that exists (`/proc/x/y`), so `-o /proc/x/out.xbrl` hung. A file where a
 * folder should be is ENOTDIR, as mkdir -p says.
 */
export function makeFolder(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (statSync(dir).isDirectory()) return;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: dir });
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    makeFolder(parent);
    mkdirSync(dir);
  }
}
