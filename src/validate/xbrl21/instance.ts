import type { Rule } from '../rule.js';
import { rule as abstractElement } from './abstractElement.js';
import { rule as arcResource } from './arcResource.js';
import { rule as bothPrecisionAndDecimals } from './bothPrecisionAndDecimals.js';
import { rule as contextDateError } from './contextDateError.js';
import { rule as contextPeriodType } from './contextPeriodType.js';
import { rule as decimals } from './decimals.js';
import { rule as elementOccurrencesError } from './elementOccurrencesError.js';
import { rule as essenceAliasUnitsInconsistency } from './essenceAliasUnitsInconsistency.js';
import { rule as essenceAliasValueInconsistency } from './essenceAliasValueInconsistency.js';
import { rule as extraneousPrecisionDecimals } from './extraneousPrecisionDecimals.js';
import { rule as factFootnoteArcFrom } from './factFootnoteArcFrom.js';
import { rule as factFootnoteArcTo } from './factFootnoteArcTo.js';
import { rule as footnoteLang } from './footnoteLang.js';
import { rule as footnoteLinkLocTarget } from './footnoteLinkLocTarget.js';
import { rule as fractionPrecisionDecimals } from './fractionPrecisionDecimals.js';
import { rule as instanceElementOrder } from './instanceElementOrder.js';
import { rule as instanceLoc } from './instanceLoc.js';
import { rule as itemContextRef } from './itemContextRef.js';
import { rule as itemMixedContent } from './itemMixedContent.js';
import { rule as measureBothNumDenom } from './measureBothNumDenom.js';
import { rule as measureElement } from './measureElement.js';
import { rule as missingPrecisionDecimals } from './missingPrecisionDecimals.js';
import { rule as monetaryNotMonetaryMeasure } from './monetaryFactUnit-notMonetaryMeasure.js';
import { rule as monetaryNotSingleMeasure } from './monetaryFactUnit-notSingleMeasure.js';
import { rule as nilElementHasContent } from './nilElementHasContent.js';
import { rule as nilNonNillableElement } from './nilNonNillableElement.js';
import { rule as nilPrecisionDecimals } from './nilPrecisionDecimals.js';
import { rule as numericUnit } from './numericUnit.js';
import { rule as periodStartBeforeEnd } from './periodStartBeforeEnd.js';
import { rule as precision } from './precision.js';
import { rule as requiresElementInconsistency } from './requiresElementInconsistency.js';
import { rule as scenarioEmpty } from './scenarioEmpty.js';
import { rule as scenarioItemOrTuple } from './scenarioItemOrTuple.js';
import { rule as scenarioXbrliElement } from './scenarioXbrliElement.js';
import { rule as schemaImportMissing } from './schemaImportMissing.js';
import { rule as schemaRefHref } from './schemaRefHref.js';
import { rule as segmentEmpty } from './segmentEmpty.js';
import { rule as segmentItemOrTuple } from './segmentItemOrTuple.js';
import { rule as segmentXbrliElement } from './segmentXbrliElement.js';
import { rule as sharesNotSharesMeasure } from './sharesFactUnit-notSharesMeasure.js';
import { rule as sharesNotSingleMeasure } from './sharesFactUnit-notSingleMeasure.js';
import { rule as tupleContextRef } from './tupleContextRef.js';
import { rule as tuplePrecisionDecimals } from './tuplePrecisionDecimals.js';
import { rule as valueError } from './valueError.js';
import { rule as xbrlRootElement } from './xbrlRootElement.js';

/**
 * XBRL 2.1 instance rules (sections 4.x), one file each. Duplicate roleRef/arcroleRef in the instance (3.5.2.4.5,
 * 3.5.2.5.5) belong to the linkbase rules of the same codes: see support/instanceRefs.ts.
 */
export const instanceRules: readonly Rule[] = [
  // document structure and references
  xbrlRootElement, elementOccurrencesError, instanceElementOrder, schemaRefHref,
  // contexts
  contextDateError, periodStartBeforeEnd, segmentXbrliElement, segmentItemOrTuple, segmentEmpty, scenarioXbrliElement, scenarioItemOrTuple, scenarioEmpty,
  // units
  measureElement, measureBothNumDenom,
  // facts
  schemaImportMissing, abstractElement, itemContextRef, tupleContextRef, contextPeriodType, numericUnit,
  monetaryNotSingleMeasure, monetaryNotMonetaryMeasure, sharesNotSingleMeasure, sharesNotSharesMeasure,
  precision, decimals, bothPrecisionAndDecimals, nilPrecisionDecimals, missingPrecisionDecimals, extraneousPrecisionDecimals,
  fractionPrecisionDecimals, tuplePrecisionDecimals, itemMixedContent, nilNonNillableElement, nilElementHasContent, valueError,
  requiresElementInconsistency, essenceAliasUnitsInconsistency, essenceAliasValueInconsistency,
  // footnotes
  footnoteLinkLocTarget, instanceLoc, arcResource, factFootnoteArcFrom, factFootnoteArcTo, footnoteLang,
];
