/**
 * A string with the same characters as `s` and no tie to the string it was cut from. V8 makes a substring of 13
 * or more characters a view into its parent (a 64 KiB piece of a document, or a whole JSON text): keeping the
 * substring keeps the parent. Slicing a concatenation flattens it into new memory of the substring's own length.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
