import type { Rule } from '../rule.js';
import { rule as Redefine } from './Redefine.js';
import { rule as arcroleTypeCyclesAllowed } from './arcroleTypeCyclesAllowed.js';
import { rule as arcroleTypeDuplicate } from './arcroleTypeDuplicate.js';
import { rule as arcroleTypeMissing } from './arcroleTypeMissing.js';
import { rule as arcroleTypes_inequality } from './arcroleTypes-inequality.js';
import { rule as emptyTargetNamespace } from './emptyTargetNamespace.js';
import { rule as itemBalance } from './itemBalance.js';
import { rule as itemPeriodType } from './itemPeriodType.js';
import { rule as itemType } from './itemType.js';
import { rule as roleTypeDuplicate } from './roleTypeDuplicate.js';
import { rule as roleTypeMissing } from './roleTypeMissing.js';
import { rule as roleTypes_inequality } from './roleTypes-inequality.js';
import { rule as tupleAttribute } from './tupleAttribute.js';
import { rule as tupleBalance } from './tupleBalance.js';
import { rule as tupleElementItemOrTuple } from './tupleElementItemOrTuple.js';
import { rule as tupleElementUndefined } from './tupleElementUndefined.js';
import { rule as tupleMixedContent } from './tupleMixedContent.js';
import { rule as tuplePeriodType } from './tuplePeriodType.js';
import { rule as tupleSimpleContent } from './tupleSimpleContent.js';
import { rule as linkbaseRefArcrole } from './linkbaseRefArcrole.js';
import { rule as linkbaseRefLinks } from './linkbaseRefLinks.js';
import { rule as roleRefMissing } from './roleRefMissing.js';
import { rule as roleRefDuplicate } from './roleRefDuplicate.js';
import { rule as roleRefNotDefined } from './roleRefNotDefined.js';
import { rule as roleRefMismatch } from './roleRefMismatch.js';
import { rule as arcroleRefMissing } from './arcroleRefMissing.js';
import { rule as arcroleRefDuplicate } from './arcroleRefDuplicate.js';
import { rule as arcroleRefNotDefined } from './arcroleRefNotDefined.js';
import { rule as arcroleRefMismatch } from './arcroleRefMismatch.js';
import { rule as roleNotAbsolute } from './roleNotAbsolute.js';
import { rule as missingRoleRef } from './missingRoleRef.js';
import { rule as custRoleUsedOn } from './custRoleUsedOn.js';
import { rule as arcroleNotAbsolute } from './arcroleNotAbsolute.js';
import { rule as missingArcroleRef } from './missingArcroleRef.js';
import { rule as custArcroleUsedOn } from './custArcroleUsedOn.js';
import { rule as parentChildCycles } from './parentChildCycles.js';
import { rule as generalSpecialCycles } from './generalSpecialCycles.js';
import { rule as cycles } from './cycles.js';
import { rule as zeroWeight } from './zeroWeight.js';
import { rule as balanceCalcWeightIllegalNegative } from './balanceCalcWeightIllegalNegative.js';
import { rule as balanceCalcWeightIllegalPositive } from './balanceCalcWeightIllegalPositive.js';
import { rule as nonNumericCalc } from './nonNumericCalc.js';
import { rule as preferredLabelMissing } from './preferredLabelMissing.js';
import { rule as essenceAliasTypes } from './essenceAliasTypes.js';
import { rule as essenceAliasBalance } from './essenceAliasBalance.js';
import { rule as dupArcs } from './dupArcs.js';
import { rule as labelArcRemoteResource } from './labelArcRemoteResource.js';
import { rule as calcInconsistency } from './calcInconsistency.js';
import { rule as schemaRootElement } from './schemaRootElement.js';
import { rule as linkbaseRootElement } from './linkbaseRootElement.js';
import { rule as hrefScheme } from './hrefScheme.js';
import { rule as hrefIdNotFound } from './hrefIdNotFound.js';
import { rule as labelLinkLocTarget } from './labelLinkLocTarget.js';
import { rule as referenceLinkLocTarget } from './referenceLinkLocTarget.js';
import { rule as calculationLinkLocTarget } from './calculationLinkLocTarget.js';
import { rule as definitionLinkLocTarget } from './definitionLinkLocTarget.js';
import { rule as presentationLinkLocTarget } from './presentationLinkLocTarget.js';

/** XBRL 2.1 taxonomy, linkbase and calculation rules (sections 3 and 5), one file each. */
export const taxonomyRules: readonly Rule[] = [
  Redefine,
  arcroleTypeCyclesAllowed,
  arcroleTypeDuplicate,
  arcroleTypeMissing,
  arcroleTypes_inequality,
  emptyTargetNamespace,
  itemBalance,
  itemPeriodType,
  itemType,
  roleTypeDuplicate,
  roleTypeMissing,
  roleTypes_inequality,
  tupleAttribute,
  tupleBalance,
  tupleElementItemOrTuple,
  tupleElementUndefined,
  tupleMixedContent,
  tuplePeriodType,
  tupleSimpleContent,
  linkbaseRefArcrole,
  linkbaseRefLinks,
  roleRefMissing,
  roleRefDuplicate,
  roleRefNotDefined,
  roleRefMismatch,
  arcroleRefMissing,
  arcroleRefDuplicate,
  arcroleRefNotDefined,
  arcroleRefMismatch,
  roleNotAbsolute,
  missingRoleRef,
  custRoleUsedOn,
  arcroleNotAbsolute,
  missingArcroleRef,
  custArcroleUsedOn,
  parentChildCycles,
  generalSpecialCycles,
  cycles,
  zeroWeight,
  balanceCalcWeightIllegalNegative,
  balanceCalcWeightIllegalPositive,
  nonNumericCalc,
  preferredLabelMissing,
  essenceAliasTypes,
  essenceAliasBalance,
  dupArcs,
  labelArcRemoteResource,
  calcInconsistency,
  schemaRootElement,
  linkbaseRootElement,
  hrefScheme,
  hrefIdNotFound,
  labelLinkLocTarget,
  referenceLinkLocTarget,
  calculationLinkLocTarget,
  definitionLinkLocTarget,
  presentationLinkLocTarget,
];
