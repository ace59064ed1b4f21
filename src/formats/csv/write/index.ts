export { writeXbrlCsv, KESSAN_CSV_NS, type WriteXbrlCsvOptions, type XbrlCsvFiles } from './writer.js';
export { hrefInsidePackage, reportPackage, REPORT_PACKAGE_TYPE } from './package.js';
