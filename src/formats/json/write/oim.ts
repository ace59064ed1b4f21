/**
 * What the xBRL-JSON writer and reader share. What xBRL-CSV shares too (document types, reserved prefixes, names,
 * the OIM period representation) lives in core/xbrl/oim.ts and is re-exported here for the reader.
 */
import { DRAFT_OIM_DOCUMENT_TYPES, XBRL_CSV_DOCUMENT_TYPE } from '../../../core/xbrl/oim.js';

export { NCNAME, OIM_NS, oimEnd, oimPeriod, parseOimPeriod, QNAME, RESERVED_PREFIXES, SCHEME_PREFIXES, SQNAME, XBRL_JSON_DOCUMENT_TYPE } from '../../../core/xbrl/oim.js';

/** Other OIM document types: known, but not read here (`oimce:unsupportedDocumentType`). */
export const OTHER_OIM_DOCUMENT_TYPES: readonly string[] = [XBRL_CSV_DOCUMENT_TYPE, ...DRAFT_OIM_DOCUMENT_TYPES.filter((t) => t.endsWith('xbrl-json'))];

/**
 * kessan's one extension property (xBRL-JSON §4 allows prefixed properties on facts): `"kessan:numeric": true`
 * on a numeric fact that has neither a unit dimension (its unit is xbrli:pure) nor decimals (it is nil, or
 * exact). Without it only the taxonomy says such a fact is a number; other processors ignore it. kessan's
 * documents say so in `documentInfo` (`"kessan:numericFactsMarked": true`): a reader then needs no taxonomy
 * to tell numbers from text.
 */
export const KESSAN_JSON_NS = 'https://kessan.dev/xbrl-json';
