import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Report } from '../core/model/report.js';
import { loadProfile, type Profile } from '../formats/release/read/profile.js';
import { findProfile, readInputText } from './open.js';
import { profileTaxonomy, readReleaseWithProfile } from '../formats/release/read/index.js';
import { readInstanceFile } from '../formats/xbrl/read/read.js';
import { writeXbrl } from '../formats/xbrl/write/index.js';
import { compareTables, factSetDifference, type TableComparison } from './compare.js';
import { renderRelease } from '../formats/release/write/render.js';
import { APPENDIX_MARK } from '../formats/release/read/narrative.js';

export interface RoundTrip {
  /** text → XBRL → text */
  readonly rendered: string;
  readonly first: Report;
  readonly second: Report;
  /** Facts of the first XBRL instance not in the second and the other way round (empty at a fixed point). */
  readonly onlyFirst: readonly string[];
  readonly onlySecond: readonly string[];
  readonly tables: TableComparison;
}

/** Writes a report as an XBRL instance in a temporary folder and reads it back (what a real trip does). */
function throughXbrl(report: Report, taxonomySchema: string): Report {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-roundtrip-'));
  try {
    const file = join(dir, 'release.xbrl');
    writeFileSync(file, writeXbrl(report, { schemaRef: relative(dir, resolve(taxonomySchema)).split('\\').join('/') }));
    return readInstanceFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * text → XBRL → text → XBRL: reads the release, writes and re-reads it as an instance, renders that as text,
 * reads the text and goes through XBRL again. Compares the two instances' facts and the two texts' tables.
 */
export function roundTrip(text: string, file: string, profile: Profile): RoundTrip {
  const taxonomy = profileTaxonomy(profile);
  const original = readReleaseWithProfile(text, file, profile);
  const first = throughXbrl(original, profile.taxonomySchema);
  const rendered = renderRelease(first, taxonomy, { calendar: profile.fiscalYear });
  const reread = readReleaseWithProfile(rendered, `${file} (rendered)`, profile);
  const second = throughXbrl(reread, profile.taxonomySchema);
  const { onlyA, onlyB } = factSetDifference(first.facts, second.facts);
  const appendixLine = rendered.split('\n').indexOf(APPENDIX_MARK) + 1 || Infinity;
  return { rendered, first, second, onlyFirst: onlyA, onlySecond: onlyB, tables: compareTables(original, reread, profile.currency, appendixLine) };
}

/** The round trip of a release file, read with its filer profile (given, or found beside it as `convert` finds it). */
export function roundTripFile(file: string, options: { readonly profile?: string } = {}): RoundTrip {
  return roundTrip(readInputText(file), file, loadProfile(options.profile ?? findProfile(file)));
}
