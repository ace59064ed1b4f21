export { readXbrlJson, readXbrlJsonFile, resolveTaxonomy, type JsonTaxonomyHints, type ReadXbrlJsonOptions } from './read.js';
export { taxonomyHints } from './hints.js';
