import type { Rule } from '../rule.js';
import { rule as HypercubeElementIsNotAbstractError } from './HypercubeElementIsNotAbstractError.js';
import { rule as DimensionElementIsNotAbstractError } from './DimensionElementIsNotAbstractError.js';
import { rule as TypedDomainRefError } from './TypedDomainRefError.js';
import { rule as TypedDimensionError } from './TypedDimensionError.js';
import { rule as TypedDimensionURIError } from './TypedDimensionURIError.js';
import { rule as OutOfDTSSchemaError } from './OutOfDTSSchemaError.js';
import { rule as HypercubeDimensionSourceError } from './HypercubeDimensionSourceError.js';
import { rule as HypercubeDimensionTargetError } from './HypercubeDimensionTargetError.js';
import { rule as HasHypercubeSourceError } from './HasHypercubeSourceError.js';
import { rule as HasHypercubeTargetError } from './HasHypercubeTargetError.js';
import { rule as HasHypercubeMissingContextElementAttributeError } from './HasHypercubeMissingContextElementAttributeError.js';
import { rule as TargetRoleNotResolvedError } from './TargetRoleNotResolvedError.js';
import { rule as DimensionDomainSourceError } from './DimensionDomainSourceError.js';
import { rule as DimensionDomainTargetError } from './DimensionDomainTargetError.js';
import { rule as DomainMemberSourceError } from './DomainMemberSourceError.js';
import { rule as DomainMemberTargetError } from './DomainMemberTargetError.js';
import { rule as DimensionDefaultSourceError } from './DimensionDefaultSourceError.js';
import { rule as DimensionDefaultTargetError } from './DimensionDefaultTargetError.js';
import { rule as TooManyDefaultMembersError } from './TooManyDefaultMembersError.js';
import { rule as DRSDirectedCycleError } from './DRSDirectedCycleError.js';
import { rule as PrimaryItemPolymorphismError } from './PrimaryItemPolymorphismError.js';
import { rule as XmlSchemaError } from './XmlSchemaError.js';
import { rule as PrimaryItemDimensionallyInvalidError } from './PrimaryItemDimensionallyInvalidError.js';
import { rule as ExplicitMemberNotExplicitDimensionError } from './ExplicitMemberNotExplicitDimensionError.js';
import { rule as TypedMemberNotTypedDimensionError } from './TypedMemberNotTypedDimensionError.js';
import { rule as RepeatedDimensionInInstanceError } from './RepeatedDimensionInInstanceError.js';
import { rule as IllegalTypedDimensionContentError } from './IllegalTypedDimensionContentError.js';
import { rule as ExplicitMemberUndefinedQNameError } from './ExplicitMemberUndefinedQNameError.js';
import { rule as DefaultValueUsedInInstanceError } from './DefaultValueUsedInInstanceError.js';

/** XBRL Dimensions 1.0 rules, one file each (see src/validate/rule.ts): taxonomy (xbrldte) then instance (xbrldie). */
export const xdtRules: readonly Rule[] = [
  HypercubeElementIsNotAbstractError,
  DimensionElementIsNotAbstractError,
  TypedDomainRefError,
  TypedDimensionError,
  TypedDimensionURIError,
  OutOfDTSSchemaError,
  HypercubeDimensionSourceError,
  HypercubeDimensionTargetError,
  HasHypercubeSourceError,
  HasHypercubeTargetError,
  HasHypercubeMissingContextElementAttributeError,
  TargetRoleNotResolvedError,
  DimensionDomainSourceError,
  DimensionDomainTargetError,
  DomainMemberSourceError,
  DomainMemberTargetError,
  DimensionDefaultSourceError,
  DimensionDefaultTargetError,
  TooManyDefaultMembersError,
  DRSDirectedCycleError,
  PrimaryItemPolymorphismError,
  XmlSchemaError,
  PrimaryItemDimensionallyInvalidError,
  ExplicitMemberNotExplicitDimensionError,
  TypedMemberNotTypedDimensionError,
  RepeatedDimensionInInstanceError,
  IllegalTypedDimensionContentError,
  ExplicitMemberUndefinedQNameError,
  DefaultValueUsedInInstanceError,
];
