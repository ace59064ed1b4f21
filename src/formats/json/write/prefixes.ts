// The prefixes of an OIM document are shared with xBRL-CSV: see core/xbrl/oim-prefixes.ts.
export { Prefixes } from '../../../core/xbrl/oim-prefixes.js';
