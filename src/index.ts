/**
 * kessan as a library: open any document kessan reads (a release with its filer profile, an XBRL 2.1 instance,
 * Inline XBRL, xBRL-JSON, xBRL-CSV), validate it, list its facts, write it in another format. See the README's "Library"
 * section for an example, and docs/architecture.md for what lies behind these names.
 */

// Use cases
export { openDocument, findProfile, type OpenOptions, type OpenedDocument } from './app/open.js';
export { validateDocument, validateFile, type FileVerdict } from './app/validate.js';
export { convertFile, type Conversion, type ConvertOptions } from './app/convert.js';
export { writeDocument, writeDocumentFiles, type WriteOptions, type WrittenFiles } from './app/writers.js';
export { formatOf, type Format } from './app/formats.js';
export { factRow, type FactRow } from './app/facts.js';
export { roundTripFile, type RoundTrip } from './app/roundtrip.js';

// The model
export type { Fact, Entity, Source, DimensionValue, Decimals } from './core/model/fact.js';
export type { Report, TaxonomyRef } from './core/model/report.js';
export { formatFinding, type Finding, type Severity } from './core/model/finding.js';
export { KessanError, type Location } from './core/errors.js';
export { qname, clark, formatQName, NS, type QName } from './core/model/qname.js';
export { formatPeriod, type Period } from './core/model/period.js';
export { formatUnit, type Unit } from './core/model/unit.js';

// Taxonomies and profiles
export { loadTaxonomy, loadDocumentTaxonomy, type LoadedTaxonomy, type LoadOptions } from './core/taxonomy/loader.js';
export type { Taxonomy, Concept, Label, Relationship } from './core/taxonomy/model.js';
export { loadProfile, type Profile } from './formats/release/read/profile.js';

// Validation options
export type { CalcMode, DuplicatesMode, ValidateOptions } from './validate/rule.js';
export { setLimits, currentLimits, type Limits } from './core/limits.js';
