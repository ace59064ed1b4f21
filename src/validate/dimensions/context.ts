/**
 * A context's dimension values as XBRL Dimensions sees them, read from the segment and scenario content:
 * the first value of each dimension per container, the repeated ones, and how many non-dimensional elements
 * each container has (closed hypercubes allow none).
 */
import { clark, NS, type QName } from '../../core/model/qname.js';
import type { ContextInfo, Position, XmlNode } from '../../core/xbrl/infoset.js';
import { elementsOf, resolveQName, text } from '../../core/xbrl/nodes.js';

export type Container = 'segment' | 'scenario';

export interface DimValue {
  readonly container: Container;
  readonly node: XmlNode;
  readonly position: Position;
  /** The dimension attribute, resolved; undefined when missing or not a QName in scope. */
  readonly dimension?: QName;
  readonly typed: boolean;
  /** Explicit members: the member QName, undefined when not a QName in scope. */
  readonly member?: QName;
  readonly memberRaw: string;
  /** Typed members: the child elements. */
  readonly content: readonly XmlNode[];
}

export interface ContextDims {
  readonly values: readonly DimValue[];
  /** First value of each dimension (Clark) per container. */
  readonly byContainer: Readonly<Record<Container, ReadonlyMap<string, DimValue>>>;
  /** Values of a dimension already given in the same container. */
  readonly repeated: readonly DimValue[];
  readonly nonDimensional: Readonly<Record<Container, number>>;
}

const cache = new WeakMap<ContextInfo, ContextDims>();

export function contextDims(c: ContextInfo): ContextDims {
  let d = cache.get(c);
  if (!d) cache.set(c, (d = read(c)));
  return d;
}

function read(c: ContextInfo): ContextDims {
  const values: DimValue[] = [];
  const repeated: DimValue[] = [];
  const byContainer = { segment: new Map<string, DimValue>(), scenario: new Map<string, DimValue>() };
  const nonDimensional = { segment: 0, scenario: 0 };
  for (const container of ['segment', 'scenario'] as const) {
    for (const n of elementsOf(c[container] ?? [])) {
      const local = n.name.localName;
      if (n.name.namespace !== NS.xbrldi || (local !== 'explicitMember' && local !== 'typedMember')) {
        nonDimensional[container]++;
        continue;
      }
      const dimRaw = n.attributes.get('dimension');
      const dimension = dimRaw === undefined ? undefined : resolveQName(n, dimRaw);
      const typed = local === 'typedMember';
      const memberRaw = typed ? '' : text(n).trim();
      const member = typed ? undefined : resolveQName(n, memberRaw);
      const v: DimValue = {
        container, node: n, position: { line: n.line, column: n.column }, typed, memberRaw,
        ...(dimension ? { dimension } : {}), ...(member ? { member } : {}), content: typed ? elementsOf(n.children) : [],
      };
      values.push(v);
      if (!dimension) continue;
      const map = byContainer[container];
      if (map.has(clark(dimension))) repeated.push(v);
      else map.set(clark(dimension), v);
    }
  }
  return { values, byContainer, repeated, nonDimensional };
}
