/** Segment and scenario content checks (XBRL 2.1 sections 4.7.3.2 and 4.7.4), shared by the six rules. */
import type { Finding } from '../../core/model/finding.js';
import { clark, formatQName, NS } from '../../core/model/qname.js';
import type { XmlNode } from '../../core/xbrl/infoset.js';
import type { Rule, RuleContext } from '../rule.js';
import { finding, instanceOf } from './instance-helpers.js';

export type Container = 'segment' | 'scenario';
export type Check = 'XbrliElement' | 'ItemOrTuple' | 'Empty';

function* descendants(nodes: readonly (XmlNode | string)[]): Iterable<XmlNode> {
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    yield n;
    yield* descendants(n.children);
  }
}

export function* checkContainers(ctx: RuleContext, rule: Rule, container: Container, check: Check): Iterable<Finding> {
  for (const c of instanceOf(ctx).contexts.values()) {
    const content = container === 'segment' ? c.segment : c.scenario;
    if (content === undefined) continue;
    if (check === 'Empty') {
      if (!content.some((n) => typeof n !== 'string')) yield finding(ctx, rule, c, `context ${c.id}: ${container} is empty; it must contain at least one element`);
      continue;
    }
    for (const n of descendants(content)) {
      if (check === 'XbrliElement' && n.name.namespace === NS.xbrli) {
        yield finding(ctx, rule, n, `context ${c.id}: ${container} contains ${formatQName(n.name)}, an element of the XBRL instance namespace`);
      } else if (check === 'ItemOrTuple' && n.name.namespace !== NS.xbrli && ctx.taxonomy?.concepts.has(clark(n.name))) {
        yield finding(ctx, rule, n, `context ${c.id}: ${container} contains ${formatQName(n.name)}, which is an item or tuple concept`);
      }
    }
  }
}
