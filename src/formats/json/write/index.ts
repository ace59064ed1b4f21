export { writeXbrlJson, xbrlJsonPieces, type WriteXbrlJsonOptions } from './writer.js';
export { oimPeriod, parseOimPeriod, XBRL_JSON_DOCUMENT_TYPE } from './oim.js';
