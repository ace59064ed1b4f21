/** A Report fact read from an Inline XBRL document (a ReadFact, as the XBRL reader's). */
import type { Decimals, Fact, Source } from '../../../core/model/fact.js';
import { ReadFact } from '../../../core/model/read-fact.js';
import type { ContextInfo } from '../../../core/xbrl/infoset.js';

export class InlineFact extends ReadFact {
  readonly #file: string;
  readonly #line: number;
  readonly #column: number;
  /** The figure as printed (trimmed), for numbers; undefined for text. */
  readonly #printed: string | undefined;

  constructor(id: string, concept: Fact['concept'], ctx: ContextInfo, unit: Fact['unit'], value: Fact['value'], decimals: Decimals | undefined, lang: string | undefined, file: string, line: number, column: number, printed: string | undefined) {
    super(id, concept, ctx, ctx.period!, unit, value, decimals, lang);
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
