/** Lines of a document read in pieces, counted forward as positions are asked for (scanner.ts). */
import { codeAt } from './xml-chars.js';

export class LineCounter {
  /** The 1-based line at `counted`, and the document index where that line began. */
  line = 1;
  lineStart = 0;
  /** The document index counted up to. */
  private counted = 0;
  /** Whether the text held has a CR not followed by LF (undefined: not looked yet). */
  private loneCr: boolean | undefined;

  /** The text held has changed (a new piece joined it). */
  newText(): void {
    this.loneCr = undefined;
  }

  /**
   * Counts to document index `to` in `text` (which starts at document index `base` and holds everything not yet
   * counted), never backwards. Line feeds are found with indexOf; only a text with a lone CR (which ends a line
   * too) is read a character at a time.
   */
  advance(text: string, base: number, to: number): void {
    if (to <= this.counted) return;
    const stop = Math.min(to - base, text.length);
    let k = Math.max(0, this.counted - base);
    if (this.loneCr === undefined) this.loneCr = text.includes('\r') && /\r(?!\n)/.test(text);
    if (!this.loneCr) {
      for (let lf = text.indexOf('\n', k); lf >= 0 && lf < stop; lf = text.indexOf('\n', lf + 1)) {
        this.line++;
        this.lineStart = base + lf + 1;
      }
    } else {
      for (; k < stop; k++) {
        const ch = text.charCodeAt(k);
        if (ch === 10 || (ch === 13 && codeAt(text, k + 1) !== 10)) {
          this.line++;
          this.lineStart = base + k + 1;
        }
      }
    }
    this.counted = to;
  }
}
