/** Generates the IIJ 2004 taxonomy files: file name → content. */
import { buildTaxonomy, TABLES } from './model.js';
import {
  writeCalculationLinkbase,
  writeDefinitionLinkbase,
  writeLabelLinkbase,
  writePresentationLinkbase,
} from './linkbases.js';
import { LINKBASE_FILES, writeSchema } from './schema.js';
import { FILE_BASE, roleUri } from './types.js';

export const SCHEMA_FILE = `${FILE_BASE}.xsd`;

export function generateTaxonomy(): Map<string, string> {
  const t = buildTaxonomy();
  return new Map([
    [SCHEMA_FILE, writeSchema(t)],
    [LINKBASE_FILES.label, writeLabelLinkbase(t)],
    [LINKBASE_FILES.presentation, writePresentationLinkbase(t)],
    [LINKBASE_FILES.calculation, writeCalculationLinkbase(t)],
    [LINKBASE_FILES.definition, writeDefinitionLinkbase(t)],
  ]);
}

/** The release tables, in printed order, with the link role of each (a convenience; the XBRL files say the same). */
export interface TableInfo {
  readonly id: string;
  readonly title: string;
  readonly role: string;
}
export const TABLE_INFO: readonly TableInfo[] = TABLES.map((t) => ({ id: t.id, title: t.title, role: roleUri(t.id) }));

export { buildTaxonomy, TABLES } from './model.js';
