export { readInline, readInlineFile, readInlineFiles } from './read.js';
export type * from './model.js';
