/**
 * XBRL Dimensions 1.0 instance checks (`xbrldie:*`), computed once per instance; each rule in
 * src/validate/dimensions/ yields the findings of its own code. With an incomplete DTS, nothing that depends on
 * what could not be loaded is reported.
 */
import type { Finding } from '../../core/model/finding.js';
import { clark, formatQName, type QName } from '../../core/model/qname.js';
import type { ContextInfo, InstanceDocument } from '../../core/xbrl/infoset.js';
import type { Engine, RuleContext } from '../rule.js';
import { conceptOf, factLabel, factIds, items } from '../xbrl21/instance-helpers.js';
import { contextDims, type ContextDims, type DimValue } from './context.js';
import { factDrsVerdict, type DrsVerdict } from './drs.js';
import { xdtModel, type XdtModel } from '../../core/xbrl/dimensions.js';

const DIE = (local: string) => `xbrldie:${local}`;
const cache = new WeakMap<InstanceDocument, Finding[]>();

/** Every xbrldie finding of the rule context's instance. */
export function xdtInstanceFindings(ctx: RuleContext): Finding[] {
  const doc = ctx.instance;
  if (!doc || !ctx.taxonomy?.raw) return []; // element declarations are needed to tell dimensions and members
  let out = cache.get(doc);
  if (!out) cache.set(doc, (out = compute(ctx, doc, xdtModel(ctx.taxonomy))));
  return out;
}

function compute(ctx: RuleContext, doc: InstanceDocument, m: XdtModel): Finding[] {
  const out: Finding[] = [];
  const add = (code: string, message: string, pos: { line: number; column: number }, ids?: readonly string[]) =>
    out.push({ code: DIE(code), severity: 'error', message, file: doc.file, line: pos.line, column: pos.column, ...(ids?.length ? { factIds: ids } : {}) });
  /** Whether an element name can be judged: declared, or undeclared in a namespace the DTS has fully. */
  const decidable = (q: QName) => m.kind(clark(q)) !== 'unknown' || conceptOf(ctx, q) !== 'skip';

  for (const c of doc.contexts.values()) {
    const dims = contextDims(c);
    for (const v of dims.values) {
      if (!v.dimension) continue; // the reader reports unresolvable dimension attributes
      if (!decidable(v.dimension)) continue;
      const dimKey = clark(v.dimension);
      const isDim = m.kind(dimKey) === 'dimension';
      const dimName = formatQName(v.dimension);
      if (!isDim || v.typed !== m.isTypedDimension(dimKey)) {
        if (v.typed) add('TypedMemberNotTypedDimensionError', `context ${c.id}: typed member of ${dimName}, which is not a typed dimension`, v.position);
        else add('ExplicitMemberNotExplicitDimensionError', `context ${c.id}: explicit member of ${dimName}, which is not an explicit dimension`, v.position);
      } else if (v.typed) {
        const problem = typedProblem(m, dimKey, v);
        if (problem) add('IllegalTypedDimensionContentError', `context ${c.id}: typed dimension ${dimName} ${problem}`, v.position);
      }
      if (!v.typed) explicitMember(ctx, m, c.id, dimKey, dimName, v, add, decidable);
    }
    for (const v of dims.repeated) add('RepeatedDimensionInInstanceError', `context ${c.id}: dimension ${formatQName(v.dimension!)} is given more than once in the ${v.container}`, v.position);
    for (const [dim, v] of dims.byContainer.segment) {
      if (dims.byContainer.scenario.has(dim)) add('RepeatedDimensionInInstanceError', `context ${c.id}: dimension ${formatQName(v.dimension!)} is given in both segment and scenario`, dims.byContainer.scenario.get(dim)!.position);
    }
  }

  if (!m.hasXdt) return out;
  // A verdict depends on the element and the context's dimension values only: contexts that differ in period
  // or entity share it. Per dimension signature, per element name (interned QName objects).
  const verdicts = new Map<string, Map<QName, DrsVerdict>>();
  const signatures = new Map<ContextInfo, string>();
  for (const f of items(doc)) {
    if (f.notInReport === 'contextMissing' || f.contextRef === undefined) continue;
    const c = doc.contexts.get(f.contextRef);
    if (!c) continue;
    const concept = conceptOf(ctx, f.element);
    if (typeof concept === 'string') continue;
    let sig = signatures.get(c);
    if (sig === undefined) signatures.set(c, (sig = dimsSignature(contextDims(c))));
    let byName = verdicts.get(sig);
    if (!byName) verdicts.set(sig, (byName = new Map()));
    let verdict = byName.get(f.element);
    if (!verdict) byName.set(f.element, (verdict = factDrsVerdict(m, clark(f.element), contextDims(c), ctx.taxonomyIncomplete)));
    if (verdict.valid || (ctx.taxonomyIncomplete && verdict.uncertain)) continue;
    add('PrimaryItemDimensionallyInvalidError', `${factLabel(f)} in context ${c.id} is not dimensionally valid: no link role's hypercubes of its primary item accept the context`, f, factIds(f));
  }
  return out;
}

/** What a DRS verdict reads of a context: each container's dimensions with their members, and its other content's size. */
function dimsSignature(d: ContextDims): string {
  const part = (c: 'segment' | 'scenario') =>
    `${[...d.byContainer[c]].map(([dim, v]) => `${dim}=${v.member ? clark(v.member) : v.typed ? '(typed)' : '?'}`).sort().join(',')}#${d.nonDimensional[c]}`;
  return `${part('segment')}|${part('scenario')}`;
}

function explicitMember(
  ctx: RuleContext, m: XdtModel, contextId: string, dimKey: string, dimName: string, v: DimValue,
  add: (code: string, message: string, pos: { line: number; column: number }) => void, decidable: (q: QName) => boolean,
): void {
  if (!v.member) {
    add('ExplicitMemberUndefinedQNameError', `context ${contextId}: member "${v.memberRaw}" of ${dimName} is not a QName in scope`, v.position);
    return;
  }
  const memberKey = clark(v.member);
  if (!m.decl(memberKey)) {
    if (decidable(v.member)) {
      add('ExplicitMemberUndefinedQNameError', `context ${contextId}: member ${formatQName(v.member)} of ${dimName} is not a global element declaration`, v.position);
    }
    return;
  }
  if (m.defaults.get(dimKey) === memberKey) {
    add('DefaultValueUsedInInstanceError', `context ${contextId}: member ${formatQName(v.member)} is the default of ${dimName}; a default member must not be written`, v.position);
  }
}

/** Why a typed member's content is not the dimension's typed domain element, or undefined when it is. */
function typedProblem(m: XdtModel, dimKey: string, v: DimValue): string | undefined {
  if (v.content.length !== 1) return `has ${v.content.length} elements (one, the typed domain element, is required)`;
  const td = m.typedDomain(dimKey);
  if (td?.status !== 'ok') return undefined; // xbrldte errors report the taxonomy
  const el = v.content[0]!;
  if (clark(el.name) !== clark(td.element.name)) return `contains ${formatQName(el.name)}, not its typed domain element ${formatQName(td.element.name)}`;
  return undefined;
}

/** The engine behind this module's rules: each rule file names it and gets the findings of its own code. */
export const xdtInstanceEngine: Engine = {
  name: 'XBRL Dimensions: instance',
  run: (ctx) => xdtInstanceFindings(ctx),
};
