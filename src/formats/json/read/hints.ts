/** The xBRL-JSON reader's taxonomy hints are the OIM readers' (core/xbrl/oim-hints.ts). */
export { oimTaxonomyHints as taxonomyHints } from '../../../core/xbrl/oim-hints.js';
