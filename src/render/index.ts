import { dirname, isAbsolute, resolve } from 'node:path';
import type { Report } from '../model/report.js';
import { loadTaxonomy } from '../taxonomy/loader.js';
import type { Taxonomy } from '../taxonomy/model.js';
import { renderRelease, type RenderOptions } from './render.js';

export { renderRelease, type RenderOptions } from './render.js';
export { roundTrip, type RoundTrip } from './roundtrip.js';

/** The report's taxonomy: the entry points a reader resolved, else its schemaRefs relative to the document read. */
export function reportTaxonomy(report: Report): Taxonomy {
  if (report.taxonomy.resolved?.length) return loadTaxonomy([...report.taxonomy.resolved]);
  const source = report.documentInfo.source;
  const refs = report.taxonomy.schemaRefs.map((h) => (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(h) || isAbsolute(h) || !source ? h : resolve(dirname(source), h)));
  return loadTaxonomy(refs);
}

/** Release text for any report (the `release` writer). */
export function writeReleaseText(report: Report, options: RenderOptions = {}): string {
  return renderRelease(report, reportTaxonomy(report), options);
}
