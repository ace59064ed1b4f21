import { compareStrings } from '../xml/write.js';

/**
 * The last two steps of giving namespaces prefixes, shared by the XBRL and xBRL-JSON writers: each namespace
 * still without one takes the first free prefix its QNames carry (in code-unit order), and what is left gets an
 * invented `ns1`, `ns2`… Namespaces are taken in code-unit order, so the result does not depend on fact order.
 */
export function bindRemaining(
  carried: ReadonlyMap<string, ReadonlySet<string>>,
  isBound: (namespace: string) => boolean,
  free: (prefix: string) => boolean,
  bind: (prefix: string, namespace: string) => void,
): void {
  const rest = [...carried.keys()].filter((ns) => !isBound(ns)).sort(compareStrings);
  for (const ns of rest) {
    const p = [...carried.get(ns)!].sort(compareStrings).find(free);
    if (p !== undefined) bind(p, ns);
  }
  let n = 1;
  for (const ns of rest) {
    if (isBound(ns)) continue;
    while (!free(`ns${n}`)) n++;
    bind(`ns${n}`, ns);
  }
}
