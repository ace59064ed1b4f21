/**
 * XBRL Dimensions 1.0 taxonomy checks (`xbrldte:*`), computed once per taxonomy; each rule in
 * src/validate/dimensions/ yields the findings of its own code. Elements declared in schemas that could not be
 * loaded (placeholders) are never judged.
 */
import type { Finding } from '../../core/model/finding.js';
import { formatQName, NS } from '../../core/model/qname.js';
import { ARCROLE, type Relationship, type Taxonomy } from '../../core/taxonomy/model.js';
import { isCoreDocument, isValidUriReference, STANDARD_ROLES } from '../xbrl21/linkbase-common.js';
import { contextElementOf, relKeyFrom, relKeyTo, XBRLDT, xdtModel, type XdtModel } from '../../core/xbrl/dimensions.js';
import { drsDirectedCycle, drsPolymorphism } from './cycles.js';
import type { Engine } from '../rule.js';

const DTE = (local: string) => `xbrldte:${local}`;
const DEFINITION_ARC = `{${NS.link}}definitionArc`;
const ROLE_REF = `{${NS.link}}roleRef`;

const cache = new WeakMap<Taxonomy, Finding[]>();

/** Every xbrldte finding of the taxonomy. */
export function xdtTaxonomyFindings(t: Taxonomy): Finding[] {
  let out = cache.get(t);
  if (!out) cache.set(t, (out = compute(t)));
  return out;
}

function compute(t: Taxonomy): Finding[] {
  const m = xdtModel(t);
  const out: Finding[] = [];
  const seen = new Set<string>();
  const add = (code: string, message: string, file: string, line?: number) => {
    const k = `${code}|${file}|${line ?? ''}|${message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ code: code.includes(':') ? code : DTE(code), severity: 'error', message, file, ...(line !== undefined ? { line } : {}) });
  };
  declarationChecks(m, add);
  relationshipChecks(m, add);
  arcAttributeChecks(t, add);
  return out;
}

type Add = (code: string, message: string, file: string, line?: number) => void;

function declarationChecks(m: XdtModel, add: Add): void {
  for (const [key, d] of m.taxonomy.raw?.declarations ?? []) {
    if (isCoreDocument(d.file)) continue;
    const kind = m.kind(key);
    const name = formatQName(d.name);
    if (kind === 'hypercube' && !d.abstract) add('HypercubeElementIsNotAbstractError', `hypercube ${name} must be abstract`, d.file, d.line);
    if (kind === 'dimension' && !d.abstract) add('DimensionElementIsNotAbstractError', `dimension ${name} must be abstract`, d.file, d.line);
    if (d.typedDomainRef === undefined) continue;
    if (kind !== 'dimension') {
      add('TypedDomainRefError', `${name} has xbrldt:typedDomainRef but is not a dimension`, d.file, d.line);
      continue;
    }
    const td = m.typedDomain(key);
    const ref = d.typedDomainRef;
    if (td?.status === 'noFragment') add('TypedDimensionURIError', `typed dimension ${name}: typedDomainRef "${ref}" has no fragment identifier`, d.file, d.line);
    else if (td?.status === 'outOfDts') add('OutOfDTSSchemaError', `typed dimension ${name}: typedDomainRef "${ref}" locates nothing in the DTS`, d.file, d.line);
    else if (td?.status === 'notGlobal' || td?.status === 'abstract') {
      add('TypedDimensionError', `typed dimension ${name}: typedDomainRef "${ref}" must locate a non-abstract global element declaration`, d.file, d.line);
    }
  }
}

const q = (r: Relationship) => `${formatQName(r.from)} → ${formatQName(r.to)} (link role ${r.linkrole})`;

function relationshipChecks(m: XdtModel, add: Add): void {
  const t = m.taxonomy;
  const each = (arcrole: string, f: (r: Relationship) => void) => {
    for (const lr of t.linkroles(arcrole)) for (const r of t.relationships(arcrole, lr)) f(r);
  };
  const known = (k: string) => m.kind(k) !== 'unknown';

  each(ARCROLE.hypercubeDimension, (r) => {
    if (known(relKeyFrom(r)) && m.kind(relKeyFrom(r)) !== 'hypercube') add('HypercubeDimensionSourceError', `hypercube-dimension ${q(r)}: the source must be a hypercube`, r.file, r.line);
    if (known(relKeyTo(r)) && m.kind(relKeyTo(r)) !== 'dimension') add('HypercubeDimensionTargetError', `hypercube-dimension ${q(r)}: the target must be a dimension`, r.file, r.line);
  });
  for (const arcrole of [ARCROLE.all, ARCROLE.notAll]) {
    const name = arcrole === ARCROLE.all ? 'all' : 'notAll';
    each(arcrole, (r) => {
      if (known(relKeyFrom(r)) && !m.isDomainMember(relKeyFrom(r))) add('HasHypercubeSourceError', `${name} ${q(r)}: the source must be a primary item`, r.file, r.line);
      if (known(relKeyTo(r)) && m.kind(relKeyTo(r)) !== 'hypercube') add('HasHypercubeTargetError', `${name} ${q(r)}: the target must be a hypercube`, r.file, r.line);
      const ce = contextElementOf(r);
      if (ce !== 'segment' && ce !== 'scenario') add('HasHypercubeMissingContextElementAttributeError', `${name} ${q(r)} needs xbrldt:contextElement (segment or scenario)`, r.file, r.line);
      const cycle = drsDirectedCycle(m, r);
      if (cycle) add('DRSDirectedCycleError', `the DRS of ${name} ${q(r)} has a directed cycle through ${cycle}`, r.file, r.line);
      const poly = drsPolymorphism(m, r);
      if (poly) add('PrimaryItemPolymorphismError', `the DRS of ${name} ${q(r)} uses primary item ${poly} as a dimension member`, r.file, r.line);
    });
  }
  each(ARCROLE.dimensionDomain, (r) => {
    const from = relKeyFrom(r);
    if (known(from) && m.kind(from) !== 'dimension') add('DimensionDomainSourceError', `dimension-domain ${q(r)}: the source must be a dimension`, r.file, r.line);
    else if (m.isTypedDimension(from)) add('DimensionDomainSourceError', `dimension-domain ${q(r)}: the source is a typed dimension`, r.file, r.line);
    if (known(relKeyTo(r)) && !m.isDomainMember(relKeyTo(r))) add('DimensionDomainTargetError', `dimension-domain ${q(r)}: the target must be a domain member`, r.file, r.line);
  });
  const defaults = new Map<string, string>();
  each(ARCROLE.dimensionDefault, (r) => {
    const from = relKeyFrom(r);
    if (known(from) && m.kind(from) !== 'dimension') add('DimensionDefaultSourceError', `dimension-default ${q(r)}: the source must be a dimension`, r.file, r.line);
    else if (m.isTypedDimension(from)) add('DimensionDefaultSourceError', `dimension-default ${q(r)}: the source is a typed dimension`, r.file, r.line);
    if (known(relKeyTo(r)) && !m.isDomainMember(relKeyTo(r))) add('DimensionDefaultTargetError', `dimension-default ${q(r)}: the target must be a domain member`, r.file, r.line);
    const prev = defaults.get(from);
    if (prev !== undefined && prev !== relKeyTo(r)) add('TooManyDefaultMembersError', `dimension ${formatQName(r.from)} has more than one default member (${formatQName(r.to)} and another)`, r.file, r.line);
    else defaults.set(from, relKeyTo(r));
  });
  each(ARCROLE.domainMember, (r) => {
    if (known(relKeyFrom(r)) && !m.isDomainMember(relKeyFrom(r))) add('DomainMemberSourceError', `domain-member ${q(r)}: the source must be a primary item or domain member`, r.file, r.line);
    if (known(relKeyTo(r)) && !m.isDomainMember(relKeyTo(r))) add('DomainMemberTargetError', `domain-member ${q(r)}: the target must be a primary item or domain member`, r.file, r.line);
  });
}

const BOOLEAN = new Set(['true', 'false', '1', '0']);

/** xbrldt attributes on arcs: their XML Schema types (boolean, segment|scenario, anyURI), and targetRole's roleRef. */
function arcAttributeChecks(t: Taxonomy, add: Add): void {
  for (const lb of t.raw?.linkbases ?? []) {
    if (isCoreDocument(lb.file)) continue;
    const roleRefs = new Set((lb.simpleLinks ?? []).filter((s) => s.element === ROLE_REF && s.roleURI !== undefined).map((s) => s.roleURI!));
    for (const link of lb.links) {
      for (const arc of link.arcs) {
        const a = arc.attributes;
        if (!a) continue;
        for (const local of ['closed', 'usable', 'summable']) {
          const v = a[XBRLDT(local)];
          if (v !== undefined && !BOOLEAN.has(v)) add('sche:XmlSchemaError', `xbrldt:${local}="${v}" is not a boolean`, link.file, arc.line);
        }
        const ce = a[XBRLDT('contextElement')];
        if (ce !== undefined && ce !== 'segment' && ce !== 'scenario') add('sche:XmlSchemaError', `xbrldt:contextElement="${ce}" must be segment or scenario`, link.file, arc.line);
        const tr = a[XBRLDT('targetRole')];
        if (tr === undefined) continue;
        if (!isValidUriReference(tr)) add('sche:XmlSchemaError', `xbrldt:targetRole="${tr}" is not a valid URI`, link.file, arc.line);
        else if (arc.element === DEFINITION_ARC && !STANDARD_ROLES.has(tr) && !roleRefs.has(tr)) {
          add('TargetRoleNotResolvedError', `xbrldt:targetRole ${tr} has no roleRef in this linkbase`, link.file, arc.line);
        }
      }
    }
  }
}

/** The engine behind this module's rules: each rule file names it and gets the findings of its own code. */
export const xdtTaxonomyEngine: Engine = {
  name: 'XBRL Dimensions: taxonomy',
  run: (ctx) => (ctx.taxonomy ? xdtTaxonomyFindings(ctx.taxonomy) : []),
};
