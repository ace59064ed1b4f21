/**
 * `kessan init` on a release whose spec exists: the spec is the user's, edited or not. It is kept as it is
 * (comments, order, names, labels, calculations), and only what the new draft has and the spec has not is added.
 */
import type { Draft } from './draft.js';

export interface MergeResult {
  readonly text: string;
  readonly notes: readonly string[];
  readonly added: { readonly concepts: readonly string[]; readonly tables: readonly string[]; readonly rows: readonly string[] };
}

export function mergeSpec(text: string, _file: string, _draft: Draft): MergeResult {
  return { text, notes: [], added: { concepts: [], tables: [], rows: [] } };
}
