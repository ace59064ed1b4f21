export { readInstance, readInstanceFile, type ReadInstanceOptions } from './read.js';
export { parseXbrlDate } from './dates.js';
export type * from './model.js';
