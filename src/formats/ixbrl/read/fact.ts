/**
 * A Report fact read from an Inline XBRL document, made as the XBRL reader makes its own (InstanceFact): every
 * property an own property set in one order (absent ones undefined), one compact shape for a report's facts;
 * its `sources` made when first asked for (an array and an object, ~100 bytes a fact, that few ask for).
 */
import type { Decimals, Fact, Source } from '../../../core/model/fact.js';
import type { ContextInfo } from '../../../core/xbrl/infoset.js';

export class InlineFact implements Fact {
  id: string;
  readonly concept: Fact['concept'];
  readonly entity: Fact['entity'];
  readonly period: Fact['period'];
  readonly unit: Fact['unit'];
  readonly dimensions: Fact['dimensions'];
  readonly nonDimensional: Fact['nonDimensional'];
  readonly value: Fact['value'];
  readonly decimals: Decimals | undefined;
  readonly lang: string | undefined;
  readonly #file: string;
  readonly #line: number;
  readonly #column: number;
  /** The figure as printed (trimmed), for numbers; undefined for text. */
  readonly #printed: string | undefined;

  constructor(id: string, concept: Fact['concept'], ctx: ContextInfo, unit: Fact['unit'], value: Fact['value'], decimals: Decimals | undefined, lang: string | undefined, file: string, line: number, column: number, printed: string | undefined) {
    this.id = id;
    this.concept = concept;
    this.entity = ctx.entity;
    this.period = ctx.period!;
    this.unit = unit;
    this.dimensions = ctx.dimensions;
    this.nonDimensional = ctx.nonDimensional;
    this.value = value;
    this.decimals = decimals;
    this.lang = lang;
    this.#file = file;
    this.#line = line;
    this.#column = column;
    this.#printed = printed;
  }

  #sources: readonly Source[] | undefined;

  /** Made on first use, then the same array and objects (code that merges printings compares sources by identity). */
  get sources(): readonly Source[] {
    if (this.#sources) return this.#sources;
    const at = { file: this.#file, line: this.#line, column: this.#column };
    return (this.#sources = [this.#printed === undefined ? at : { ...at, printed: this.#printed }]);
  }
}
