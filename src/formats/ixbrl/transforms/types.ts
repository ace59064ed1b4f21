/**
 * Inline XBRL transformations: text as displayed → the XML Schema lexical value of the fact. A transform
 * returns the value, or `undefined` when the displayed text is not in the transform's input format
 * (Arelle's `transformValueError`).
 */
export type Transform = (displayed: string) => string | undefined;

/** Whitespace collapsed and trimmed, as every registry does before matching. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00A0]+/g, ' ').trim();
}

/** Full-width digits and letters to ASCII (ＮＦＫＣ), used by the CJK and era formats. */
export function halfWidth(s: string): string {
  return s.normalize('NFKC');
}
