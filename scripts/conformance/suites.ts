import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/core/paths.js';

/** The conformance suites kessan runs, found in `../shared/conformance` (or `$KESSAN_CONFORMANCE`). */
export const SUITES = {
  xbrl21: { name: 'XBRL 2.1', index: 'xbrl-2.1/xbrl.xml' },
  xdt: { name: 'XBRL Dimensions 1.0', index: 'xbrl-dimensions-1.0/xdt.xml' },
  // The UTR suites set the Units Registry document: the registry suite the bundled 2022-02-16 registry (the one
  // Arelle's CI runs it with), the structure suite its own document, not the real registry (its README.TXT says so).
  // A `taxonomy/` path is kessan's, any other is in the conformance folder.
  utrRegistry: { name: 'UTR registry', index: 'utr-registry-conformance/utr-conf-cr-2013-05-17/2013-05-17/index.xml', utr: 'taxonomy/catalog/www.xbrl.org/utr/2022-02-16/utr.xml' },
  utrStructure: { name: 'UTR structure', index: 'utr-structure-conformance/conf/utr-structure/index.xml', utr: 'utr-structure-conformance/conf/utr-structure/utr-for-structure-conformance-tests.xml' },
} as const;

export type SuiteId = keyof typeof SUITES;

export function conformanceDir(): string {
  return process.env.KESSAN_CONFORMANCE ?? join(projectRoot(), '..', 'shared', 'conformance');
}

export function suiteIndex(id: SuiteId): string | undefined {
  const p = join(conformanceDir(), SUITES[id].index);
  return existsSync(p) ? p : undefined;
}

/**
 * The `kessan validate` arguments a suite's variations run with, after the entry point: as Arelle runs the XBRL 2.1
 * and Dimensions suites, XBRL 2.1 calculations and no Units Registry check (the 2003 suite uses units the UTR does
 * not list, such as iso4217:DEM); the UTR suites with their registry document; the suite's folder allowed. The conformance runner parses these
 * as the command does (parseValidateArgs), and the command-line runner passes them to the built CLI.
 */
export function suiteArgs(id: SuiteId): string[] {
  const suite = SUITES[id];
  // A variation's files reference the suite's shared schemas (xbrl-dimensions-1.0/lib/base/…) outside its own
  // folder, which the command line reads only when allowed: the suite's folder is.
  const allow = ['--allow-dir', join(conformanceDir(), suite.index.split('/')[0]!)];
  if (!('utr' in suite)) return ['--calc', 'xbrl21', '--utr', 'off', ...allow];
  return ['--calc', 'xbrl21', '--utr', suite.utr.startsWith('taxonomy/') ? join(projectRoot(), suite.utr) : join(conformanceDir(), suite.utr), ...allow];
}

export function baselineFile(id: SuiteId): string {
  return join(projectRoot(), 'test', 'conformance', `${id}.baseline.json`);
}
