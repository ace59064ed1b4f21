/** `xbrli:context` and `xbrli:unit` elements (read as small trees) → `ContextInfo` / `UnitInfo`. */
import type { DimensionValue, Entity } from '../../../core/model/fact.js';
import { duration, forever, instant, type Period } from '../../../core/model/period.js';
import { NS, type QName } from '../../../core/model/qname.js';
import type { Unit } from '../../../core/model/unit.js';
import { nonDimensionalContent } from '../../../core/model/xml.js';
import { parseXbrlDate } from '../../../core/xbrl/dates.js';
import type { ContextInfo, Position, UnitInfo, XmlNode } from '../../../core/xbrl/infoset.js';
import { elementsOf, firstKid, kids, resolveQName, serialize, text } from '../../../core/xbrl/nodes.js';

type DimensionProblem = NonNullable<ContextInfo['dimensionProblems']>[number];

/** Shares one Entity object per (scheme, identifier) across a document's contexts. */
export class EntityCache {
  private readonly byKey = new Map<string, Entity>();
  get(scheme: string, identifier: string): Entity {
    const key = `${scheme}\u0000${identifier}`;
    let e = this.byKey.get(key);
    if (!e) this.byKey.set(key, (e = Object.freeze({ scheme, identifier })));
    return e;
  }
}

const pos = (n: XmlNode): Position => ({ line: n.line, column: n.column });

const isMember = (n: XmlNode) => n.name.namespace === NS.xbrldi && (n.name.localName === 'explicitMember' || n.name.localName === 'typedMember');

/**
 * Reads one context of `file`. `rootNamespaces` are the root's declarations: typed members are written as XML
 * text that declares whatever else they use. What cannot be read is left out (undefined period, missing
 * dimension) and said in `periodRaw` / `dimensionProblems`: the validator decides what it means.
 */
export function readContext(node: XmlNode, entities: EntityCache, rootNamespaces: ReadonlyMap<string, string>, file: string): ContextInfo {
  const entityEl = firstKid(node, NS.xbrli, 'entity');
  const identEl = entityEl && firstKid(entityEl, NS.xbrli, 'identifier');
  const identifierRaw = identEl ? text(identEl) : '';
  const scheme = identEl?.attributes.get('scheme') ?? '';
  const entity = entities.get(scheme.trim(), identifierRaw.trim());

  const periodEl = firstKid(node, NS.xbrli, 'period');
  const periodRaw: { instant?: string; startDate?: string; endDate?: string; forever?: boolean } = {};
  let period: Period | undefined;
  let hasTime = false;
  if (periodEl) {
    const inst = firstKid(periodEl, NS.xbrli, 'instant');
    const start = firstKid(periodEl, NS.xbrli, 'startDate');
    const end = firstKid(periodEl, NS.xbrli, 'endDate');
    const ever = firstKid(periodEl, NS.xbrli, 'forever');
    if (inst) periodRaw.instant = text(inst);
    if (start) periodRaw.startDate = text(start);
    if (end) periodRaw.endDate = text(end);
    if (ever) periodRaw.forever = true;
    if (ever && !inst && !start && !end) period = forever;
    else if (inst && !start && !end && !ever) {
      const d = parseXbrlDate(periodRaw.instant!, 'end');
      if (d) (period = instant(d.date)), (hasTime = d.hasTime);
    } else if (start && end && !inst && !ever) {
      const s = parseXbrlDate(periodRaw.startDate!, 'start');
      const e = parseXbrlDate(periodRaw.endDate!, 'end');
      if (s && e) (period = duration(s.date, e.date)), (hasTime = s.hasTime || e.hasTime);
    }
  }

  const segmentEl = entityEl && firstKid(entityEl, NS.xbrli, 'segment');
  const scenarioEl = firstKid(node, NS.xbrli, 'scenario');
  const dimensions = new Map<QName, DimensionValue>();
  const dimensionContainers = new Map<QName, 'segment' | 'scenario'>();
  const problems: DimensionProblem[] = [];
  for (const [container, el] of [['segment', segmentEl], ['scenario', scenarioEl]] as const) {
    if (!el) continue;
    for (const m of kids(el, NS.xbrldi)) {
      if (m.name.localName !== 'explicitMember' && m.name.localName !== 'typedMember') continue;
      const problem = (message: string) => problems.push({ ...pos(m), container, message });
      const dimRaw = m.attributes.get('dimension');
      const dim = dimRaw === undefined ? undefined : resolveQName(m, dimRaw);
      if (!dim) {
        problem(dimRaw === undefined ? `${m.name.localName} has no dimension attribute` : `dimension "${dimRaw}" is not a QName in scope`);
        continue;
      }
      let value: DimensionValue | undefined;
      if (m.name.localName === 'explicitMember') {
        value = resolveQName(m, text(m));
        if (!value) problem(`member "${text(m).trim()}" of dimension ${dimRaw} is not a QName in scope`);
      } else {
        const content = elementsOf(m.children);
        if (content.length === 1) value = { typed: serialize(content[0]!, rootNamespaces) };
        else problem(`typed member of dimension ${dimRaw} has ${content.length} elements (one is required)`);
      }
      if (!value) continue;
      if (dimensions.has(dim)) {
        problem(`dimension ${dimRaw} is given more than once`);
        continue;
      }
      dimensions.set(dim, value);
      dimensionContainers.set(dim, container);
    }
  }

  const segment = segmentEl ? elementsOf(segmentEl.children) : undefined;
  const scenario = scenarioEl ? elementsOf(scenarioEl.children) : undefined;
  // Dimension members are dimensions even when they cannot be read (then they are a problem, not content).
  const others = (els: readonly XmlNode[] | undefined) => (els ? els.filter((n) => !isMember(n)) : []);
  // One object shape for every context (absent optional fields are undefined): facts read them by the million.
  return {
    line: node.line,
    column: node.column,
    id: node.attributes.get('id') ?? '',
    entity,
    identifierRaw,
    period,
    periodRaw,
    hasTime: hasTime || undefined,
    segment,
    scenario,
    nonDimensional: nonDimensionalContent(file, others(segment), others(scenario)),
    dimensions,
    dimensionContainers,
    dimensionProblems: problems.length ? problems : undefined,
  };
}

/** Reads one unit: `xbrli:measure`s, or `xbrli:divide` with `unitNumerator` / `unitDenominator`. */
export function readUnit(node: XmlNode): UnitInfo {
  const measuresRaw: string[] = [];
  const measures = (parent: XmlNode | undefined): QName[] | undefined => {
    if (!parent) return undefined;
    const out: QName[] = [];
    let ok = true;
    for (const m of kids(parent, NS.xbrli, 'measure')) {
      const raw = text(m);
      measuresRaw.push(raw);
      const q = resolveQName(m, raw);
      if (q) out.push(q);
      else ok = false;
    }
    return ok && out.length ? out : undefined;
  };
  const divideEl = firstKid(node, NS.xbrli, 'divide');
  let unit: Unit | undefined;
  if (divideEl) {
    const num = measures(firstKid(divideEl, NS.xbrli, 'unitNumerator'));
    const den = measures(firstKid(divideEl, NS.xbrli, 'unitDenominator'));
    if (num && den && kids(node, NS.xbrli, 'measure').length === 0) unit = Object.freeze({ numerator: num, denominator: den });
  } else {
    const num = measures(node);
    if (num) unit = Object.freeze({ numerator: num, denominator: [] });
  }
  return { line: node.line, column: node.column, id: node.attributes.get('id') ?? '', unit, measuresRaw, divide: divideEl !== undefined };
}
