/**
 * `text` cut at `offsets` (any order; each taken modulo text.length + 1), for property tests of readers that take
 * a document in pieces. An offset given twice gives an empty piece: readers must take those too.
 */
export function cutAt(text: string, offsets: readonly number[]): string[] {
  const at = offsets.map((n) => n % (text.length + 1)).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const o of at) (pieces.push(text.slice(from, o)), (from = o));
  pieces.push(text.slice(from));
  return pieces;
}
