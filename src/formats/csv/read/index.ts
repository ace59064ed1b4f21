export { readXbrlCsv, readXbrlCsvFile, isReportPackage, metadataInFolder, type ReadXbrlCsvOptions } from './read.js';
export { folderSource, packageSource, type ReportSource } from './source.js';
