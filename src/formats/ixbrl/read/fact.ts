/** A Report fact read from an Inline XBRL document (a ReadFact, as the XBRL reader's), and what the set says of it. */
import type { Decimals, Fact, Source } from '../../../core/model/fact.js';
import type { QName } from '../../../core/model/qname.js';
import { ReadFact } from '../../../core/model/read-fact.js';
import type { ContextInfo } from '../../../core/xbrl/infoset.js';
import type { FactElement } from './element.js';
import type { InlineFactInfo } from './model.js';

/**
 * What the document set says of one fact element (`InlineFactInfo`), as a view of the element: its place and
 * its attributes are read from the element when asked for; only what the reader works out is kept. A report
 * holds 100,000s: an object with all seventeen members was ~160 bytes apiece, made while the elements (already
 * made, and long-lived) held the same.
 */
export class ElementFactInfo implements InlineFactInfo {
  displayed = '';
  notInReport: InlineFactInfo['notInReport'] = undefined;
  constructor(
    readonly el: FactElement,
    readonly factId: string,
    readonly element: QName,
    readonly tuple: string | undefined,
  ) {}
  get file(): string {
    return this.el.file;
  }
  get kind(): InlineFactInfo['kind'] {
    return this.el.kind;
  }
  get line(): number {
    return this.el.line;
  }
  get column(): number {
    return this.el.column;
  }
  get hidden(): boolean {
    return this.el.hidden;
  }
  get xmlId(): string | undefined {
    return this.el.get('id');
  }
  get contextRef(): string | undefined {
    return this.el.get('contextRef');
  }
  get unitRef(): string | undefined {
    return this.el.get('unitRef');
  }
  get format(): string | undefined {
    return this.el.get('format');
  }
  get scale(): string | undefined {
    return this.el.get('scale');
  }
  get sign(): string | undefined {
    return this.el.get('sign');
  }
  get order(): string | undefined {
    return this.el.get('order');
  }
}

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
