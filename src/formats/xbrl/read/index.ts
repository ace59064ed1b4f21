export { readInstance, readInstanceFile, type ReadInstanceOptions } from './read.js';
export { parseXbrlDate } from '../../../core/xbrl/dates.js';
export type * from '../../../core/xbrl/infoset.js';
