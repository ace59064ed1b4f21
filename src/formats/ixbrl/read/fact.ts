/** A Report fact read from an Inline XBRL document (a ReadFact, as the XBRL reader's). */
import type { Decimals, Fact, Source } from '../../../core/model/fact.js';
import { ReadFact } from '../../../core/model/read-fact.js';
import type { ContextInfo } from '../../../core/xbrl/infoset.js';
import type { InlineFactInfo } from './model.js';

export class InlineFact extends ReadFact {
  /**
   * What the document set says of the fact (its file, line, column and displayed text): its sources are made
   * from it when asked for, so that a fact keeps one reference instead of four fields (a report holds 100,000s).
   */
  readonly #info: InlineFactInfo;
  #sources: readonly Source[] | undefined;

  constructor(id: string, concept: Fact['concept'], ctx: ContextInfo, unit: Fact['unit'], value: Fact['value'], decimals: Decimals | undefined, lang: string | undefined, info: InlineFactInfo) {
    super(id, concept, ctx, ctx.period!, unit, value, decimals, lang);
    this.#info = info;
  }

  /** Made on first use, then the same array and objects (code that merges printings compares sources by identity). */
  get sources(): readonly Source[] {
    if (this.#sources) return this.#sources;
    const info = this.#info;
    const at = { file: info.file, line: info.line, column: info.column };
    // The figure as printed (trimmed), for numbers; none for text.
    return (this.#sources = [info.kind === 'nonNumeric' ? at : { ...at, printed: info.displayed.trim() }]);
  }
}
