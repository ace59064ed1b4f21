/**
 * `target.push(...items)` passes every item as an argument: past ~100,000 items (a million facts' contexts or
 * tags) that overflows the call stack. This appends in a loop, for arrays whose size the input decides.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
