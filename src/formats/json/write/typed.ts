// Typed dimension values are written the same way in xBRL-CSV: see core/xbrl/oim-typed.ts.
export { typedMemberValue, typedMemberXml } from '../../../core/xbrl/oim-typed.js';
