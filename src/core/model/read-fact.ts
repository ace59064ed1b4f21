import type { Decimals, Entity, Fact, Source } from './fact.js';

/** What a fact takes from its context: an instance's contexts (`ContextInfo`) have these. */
export interface FactContext {
  readonly entity: Entity;
  readonly dimensions: Fact['dimensions'];
  readonly nonDimensional?: Fact['nonDimensional'];
}

/**
 * A fact as the XBRL and Inline XBRL readers make it: every `Fact` property an own property, set in the
 * constructor in one order (absent ones undefined), so that a report's million facts share one compact shape.
 * `sources` is each reader's getter, made from the position it kept when first asked for (an array and an
 * object, ~100 bytes a fact, that few ask for); a spread of such a fact leaves it out, as `Fact` says.
 */
export abstract class ReadFact implements Fact {
  id: string;
  readonly concept: Fact['concept'];
  readonly entity: Entity;
  readonly period: Fact['period'];
  readonly unit: Fact['unit'];
  readonly dimensions: Fact['dimensions'];
  readonly nonDimensional: Fact['nonDimensional'];
  readonly value: Fact['value'];
  readonly decimals: Decimals | undefined;
  readonly lang: string | undefined;

  constructor(id: string, concept: Fact['concept'], context: FactContext, period: Fact['period'], unit: Fact['unit'], value: Fact['value'], decimals: Decimals | undefined, lang: string | undefined) {
    this.id = id;
    this.concept = concept;
    this.entity = context.entity;
    this.period = period;
    this.unit = unit;
    this.dimensions = context.dimensions;
    this.nonDimensional = context.nonDimensional;
    this.value = value;
    this.decimals = decimals;
    this.lang = lang;
  }

  abstract get sources(): readonly Source[];
}
