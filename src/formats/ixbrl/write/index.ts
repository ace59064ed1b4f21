export { writeInlineXbrl, type WriteInlineOptions } from './writer.js';
