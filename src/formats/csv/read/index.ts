export { readXbrlCsv, readXbrlCsvFile, isReportPackage, metadataInFolder, type ReadXbrlCsvOptions } from './read.js';
export { folderSource, memorySource, packageSource, type ReportSource } from './source.js';
