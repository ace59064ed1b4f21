export { writeXbrl, xbrlPieces, type WriteXbrlOptions } from './writer.js';
export { formatDecimal } from './facts.js';
