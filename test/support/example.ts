import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fact } from '../../src/core/model/fact.js';
import { formatPeriod } from '../../src/core/model/period.js';
import { formatQName } from '../../src/core/model/qname.js';
import { formatUnit } from '../../src/core/model/unit.js';
import type { Report } from '../../src/core/model/report.js';
import { loadProfile } from '../../src/formats/release/read/profile.js';
import { readReleaseWithProfile } from '../../src/formats/release/read/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
/** `../shared` beside the project: real releases, the corpus, the conformance suites, taxonomies, Arelle. */
export const SHARED = join(ROOT, '..', 'shared');
/** The real releases of other companies (../shared/release/real, see its README). */
export const REAL_RELEASES = join(SHARED, 'release', 'real');
/** Whether they are here (tests that read them skip otherwise). */
export const haveRealReleases = existsSync(join(REAL_RELEASES, 'README.md'));
export const EXAMPLE = join(ROOT, 'examples', 'iij-2q-fy2004.txt');
export const PROFILE = join(ROOT, 'examples', 'iij.profile.json');

export function exampleText(): string {
  return readFileSync(EXAMPLE, 'utf8');
}

export function readExample(text = exampleText(), file = 'examples/iij-2q-fy2004.txt'): Report {
  return readReleaseWithProfile(text, file, loadProfile(PROFILE), '../taxonomy/iij/iij-2004.xsd');
}

/** value × scale as written, concept, period, unit, decimals: one line per fact (what the golden file lists). */
export function factLine(f: Fact): string {
  const value = f.value === null ? 'nil' : typeof f.value === 'string' ? JSON.stringify(f.value) : f.value.toFixed();
  return [formatQName(f.concept), formatPeriod(f.period), f.unit ? formatUnit(f.unit) : '-', value, f.decimals ?? '-'].join('\t');
}

/** The same, with where the fact was printed (lines), for the golden listing. */
export function goldenLine(f: Fact): string {
  return `${factLine(f)}\t${f.sources.map((s) => s.line).sort((a, b) => a - b).join(',')}`;
}

/** Replaces text that must be there (a variant that silently didn't apply would test nothing). */
export function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`variant edit did not apply: ${String(from)}`);
  return out;
}
