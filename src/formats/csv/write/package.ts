/**
 * An xBRL-CSV report as a report package (XBRL Report Packages 1.0): one zip holding one top-level folder with
 * `META-INF/reportPackage.json` (the non-inline package type, `.xbr`) and the report in `reports/`.
 *
 * Relative references in the metadata (the taxonomy) are read from inside the package as if the zip were a
 * folder of its own name (as Arelle reads them); so an href relative to the folder holding the zip gets three
 * `../` more here (`<zip>/<top>/reports/`).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { XbrlCsvFiles } from './writer.js';

export const REPORT_PACKAGE_TYPE = 'https://xbrl.org/report-package/2023/xbr';

/** Zip entries get this time, so the same report gives the same bytes. */
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));

/** The package's bytes: `name` is the top-level folder and the metadata file's name. */
export function reportPackage(name: string, files: XbrlCsvFiles): Uint8Array {
  const reports: Zippable = { [`${name}.json`]: strToU8(files.metadata) };
  for (const t of files.tables) reports[t.url] = strToU8(t.text);
  const tree: Zippable = {
    [name]: {
      'META-INF': { 'reportPackage.json': strToU8(`${JSON.stringify({ documentInfo: { documentType: REPORT_PACKAGE_TYPE } }, null, 2)}\n`) },
      reports,
    },
  };
  return zipSync(tree, { level: 6, mtime: FIXED_TIME });
}

/** A relative href written for a reader beside the zip, as it must be written inside it. */
export function hrefInsidePackage(href: string): string {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(href) || href.startsWith('/') ? href : `../../../${href}`;
}
