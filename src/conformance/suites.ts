import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';

/** The conformance suites kessan runs, found in `../shared/conformance` (or `$KESSAN_CONFORMANCE`). */
export const SUITES = {
  xbrl21: { name: 'XBRL 2.1', index: 'xbrl-2.1/xbrl.xml' },
} as const;

export type SuiteId = keyof typeof SUITES;

export function conformanceDir(): string {
  return process.env.KESSAN_CONFORMANCE ?? join(projectRoot(), '..', 'shared', 'conformance');
}

export function suiteIndex(id: SuiteId): string | undefined {
  const p = join(conformanceDir(), SUITES[id].index);
  return existsSync(p) ? p : undefined;
}

export function baselineFile(id: SuiteId): string {
  return join(projectRoot(), 'test', 'conformance', `${id}.baseline.json`);
}
