/**
 * XBRL 2.1 §4.10 equality predicates over the instance model: s-equal (structure), c-equal (contexts),
 * u-equal (units), p-equal (same parent). Each gives a key: equal keys ⇔ equal items.
 */
import { clark } from '../../model/qname.js';
import { periodKey } from '../../model/period.js';
import { unitKey } from '../../model/unit.js';
import type { ContextInfo, FactInfo, UnitInfo, XmlNode } from '../../readers/xbrl/model.js';

/** s-equal key of XML content: names, attributes (sorted), and text with whitespace collapsed at the edges. */
export function sEqualKey(nodes: readonly (XmlNode | string)[] | undefined): string {
  if (!nodes) return '';
  let k = '';
  for (const n of nodes) {
    if (typeof n === 'string') {
      const t = n.trim();
      if (t) k += `"${t}"`;
      continue;
    }
    const attrs = [...n.attributes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([a, v]) => `${a}=${v.trim()}`).join(',');
    k += `<${clark(n.name)}[${attrs}]${sEqualKey(n.children)}>`;
  }
  return k;
}

/** c-equal key: same entity, same period, s-equal segment and scenario. */
export function cEqualKey(c: ContextInfo): string {
  const period = c.period ? periodKey(c.period) : JSON.stringify(c.periodRaw);
  return `${c.entity.scheme}#${c.entity.identifier}|${period}|${sEqualKey(c.segment)}|${sEqualKey(c.scenario)}`;
}

/** u-equal key: the same measures (order ignored) in numerator and denominator. */
export function uEqualKey(u: UnitInfo): string {
  return u.unit ? unitKey(u.unit) : `raw:${[...u.measuresRaw].sort().join('*')}${u.divide ? '/d' : ''}`;
}

/** p-equal key: the parent tuple's fact id, or '' for the document root. */
export function pEqualKey(f: FactInfo): string {
  return f.parent ?? '';
}
