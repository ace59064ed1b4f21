/**
 * The shapes the service answers with, for the review page (web/), which imports them as types only: the page
 * is a separate program for the browser and shares no code with the server, only these declarations.
 */
export type { Finding, Severity } from '../../core/model/finding.js';
export type { Source } from '../../core/model/fact.js';
export type { FileReport } from '../batch/validate-one.js';
export type { ValidationReport } from '../report.js';
export type { Review, ReviewDocument, ReviewFact } from './review.js';
