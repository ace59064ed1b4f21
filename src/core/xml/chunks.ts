import type { SaxesParser } from './saxes.js';

const CHUNK = 64 * 1024;

/**
 * Feeds `source` to the parser in pieces that are copies, then closes it. V8 makes a substring of 13 or more
 * characters a view into its parent, and saxes hands out attribute values and text as substrings of what it was
 * given: one long attribute value kept in a context would keep the whole document alive (13 MB for 100,000 facts,
 * 130 MB for a million). Copied pieces bound what such a view can keep to one piece. Positions are unchanged:
 * saxes counts them across writes.
 * @internal saxes's types are not part of kessan's API.
 */
export function writeInCopies(parser: SaxesParser<{ xmlns: true; position: true }>, source: string): void {
  for (let i = 0; i < source.length; i += CHUNK) parser.write(copyOf(source.slice(i, i + CHUNK)));
  parser.close();
}

/** A string with the same characters and no tie to `s`'s parent: slicing a concatenation flattens it into new memory. */
function copyOf(s: string): string {
  return (s + ' ').slice(0, -1);
}
