/**
 * How every figure printed in a release's tables ended: tagged (a fact) or reported (a finding at its line and
 * column). The two add up to the figures found; nothing is dropped in between. Kept beside the facts in the
 * release layout, so `convert` and `validate` can say it without reading the release again.
 */
import type { Report } from '../../../core/model/report.js';

export interface Coverage {
  figures: number;
  tagged: number;
  reported: number;
}

/** The coverage of a report read from a release, or undefined for other reports. */
export function releaseCoverage(report: Report): Coverage | undefined {
  const layout = report.layout as { kind?: string; coverage?: Coverage } | undefined;
  return layout?.kind === 'release' && layout.coverage ? { ...layout.coverage } : undefined;
}

/** `484 table figures: 470 tagged, 14 reported`. */
export function coverageLine(c: Coverage): string {
  return `${c.figures} table figure${c.figures === 1 ? '' : 's'}: ${c.tagged} tagged, ${c.reported} reported`;
}
