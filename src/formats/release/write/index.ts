import type { Finding } from '../../../core/model/finding.js';
import type { Report } from '../../../core/model/report.js';
import { loadDocumentTaxonomy, loadTaxonomy } from '../../../core/taxonomy/loader.js';
import type { Taxonomy } from '../../../core/taxonomy/model.js';
import { renderRelease, type RenderOptions } from './render.js';

export { renderRelease, type RenderOptions } from './render.js';

/**
 * The report's taxonomy: the entry points a reader resolved (a release's, from its profile), else its schemaRefs as
 * references of the document read (confined like any DTS reference), else the schemaRefs themselves.
 */
export function reportTaxonomy(report: Report, findings?: Finding[]): Taxonomy {
  if (report.taxonomy.resolved?.length) return loadTaxonomy([...report.taxonomy.resolved]);
  const source = report.documentInfo.source;
  const taxonomy = source ? loadDocumentTaxonomy(source, report.taxonomy.schemaRefs) : loadTaxonomy(report.taxonomy.schemaRefs);
  // A reference that was refused is not silently rendered around: the text lacks its labels and says why.
  if (findings) for (const f of taxonomy.findings) if (f.code === 'kessan:referenceRefused') findings.push(f);
  return taxonomy;
}

/** Release text for any report (the `release` writer); what the writer could not do is added to `findings`. */
export function writeReleaseText(report: Report, options: RenderOptions = {}, findings?: Finding[]): string {
  return renderRelease(report, reportTaxonomy(report, findings), findings ? { ...options, findings } : options);
}
