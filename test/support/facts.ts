import type { Fact } from '../../src/core/model/fact.js';
import { periodKey } from '../../src/core/model/period.js';
import { clark } from '../../src/core/model/qname.js';
import { unitKey } from '../../src/core/model/unit.js';
import { nonDimensionalKey } from '../../src/core/model/xml.js';

/**
 * Everything a fact says, as plain data for `toEqual`: id, concept, entity, period, unit, value, decimals,
 * dimensions, non-dimensional segment/scenario content (absent for none), language (lower case: language tags are
 * case-insensitive and xBRL-JSON writes them lower case).
 */
export function aspects(f: Fact) {
  return {
    id: f.id,
    concept: clark(f.concept),
    entity: `${f.entity.scheme}#${f.entity.identifier}`,
    period: periodKey(f.period),
    unit: f.unit ? unitKey(f.unit) : undefined,
    value: f.value === null ? null : typeof f.value === 'string' ? `text:${f.value}` : `number:${f.value.toFixed()}`,
    decimals: f.decimals,
    dimensions: [...f.dimensions].map(([d, v]) => `${clark(d)}=${'typed' in v ? v.typed : clark(v)}`).sort(),
    nonDimensional: f.nonDimensional ? nonDimensionalKey(f.nonDimensional) : undefined,
    lang: f.lang?.toLowerCase(),
  };
}
