export { readXbrlJson, readXbrlJsonFile, type JsonTaxonomyHints, type ReadXbrlJsonOptions } from './read.js';
export { taxonomyHints } from './hints.js';
