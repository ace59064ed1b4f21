import { isNumericValue, type Fact } from '../../../core/model/fact.js';
import { NS, clark, qname, type QName } from '../../../core/model/qname.js';
import type { Concept, ConceptType, Taxonomy } from '../../../core/taxonomy/model.js';

/** "NetIncomeLoss" → "Net income loss": a readable row label for a concept whose labels are unavailable. */
export function wordsOf(localName: string): string {
  const words = localName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase().replace(/\b(us|gaap|usd|ifrs)\b/g, (w) => w.toUpperCase());
}

function standInType(facts: readonly Fact[]): ConceptType {
  const f = facts.find((x) => x.unit) ?? facts[0];
  const unit = f?.unit;
  const numeric = Boolean(unit) || facts.some((x) => isNumericValue(x.value));
  const monetary = Boolean(unit && unit.denominator.length === 0 && unit.numerator.length === 1 && unit.numerator[0]!.namespace === NS.iso4217);
  const shares = Boolean(unit && unit.denominator.length === 0 && unit.numerator[0]?.localName === 'shares');
  const perShare = Boolean(unit && unit.denominator.length === 1 && unit.denominator[0]!.localName === 'shares');
  const pure = Boolean(unit && unit.numerator.length === 1 && unit.numerator[0]!.localName === 'pure');
  const local = monetary ? 'monetaryItemType' : shares ? 'sharesItemType' : perShare ? 'decimalItemType' : pure ? 'pureItemType' : numeric ? 'decimalItemType' : 'stringItemType';
  return { name: qname(NS.xbrli, local, 'xbrli'), ancestors: [], baseXsd: numeric ? 'decimal' : 'string', numeric, monetary, shares, pure, perShare, textBlock: false };
}

/**
 * The taxonomy, with a stand-in for every concept its documents don't define (a schema that is not available
 * offline): type and period type as the concept's facts show them, a label made from the name. So another
 * filer's presentation networks render even when the base taxonomy they build on is unavailable.
 */
export function withStandIns(taxonomy: Taxonomy, facts: readonly Fact[]): Taxonomy {
  const byConcept = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = clark(f.concept);
    if (!byConcept.has(k)) byConcept.set(k, []);
    byConcept.get(k)!.push(f);
  }
  const standIns = new Map<string, Concept>();
  const concept = (name: QName): Concept | undefined => {
    const real = taxonomy.concept(name);
    if (real) return real;
    const k = clark(name);
    let c = standIns.get(k);
    if (!c) {
      const own = byConcept.get(k) ?? [];
      const periodType = own[0]?.period.kind === 'instant' ? 'instant' : 'duration';
      c = { name, type: standInType(own), substitutionGroup: qname(NS.xbrli, 'item', 'xbrli'), periodType, abstract: own.length === 0, nillable: true, file: '(unavailable)' };
      standIns.set(k, c);
    }
    return c;
  };
  return {
    entryPoints: taxonomy.entryPoints,
    documents: taxonomy.documents,
    concepts: taxonomy.concepts,
    roleTypes: taxonomy.roleTypes,
    arcroleTypes: taxonomy.arcroleTypes,
    unavailable: taxonomy.unavailable,
    relationships: (arcrole, linkrole) => taxonomy.relationships(arcrole, linkrole),
    linkroles: (arcrole) => taxonomy.linkroles(arcrole),
    labels: (c) => taxonomy.labels(c),
    label: (c, role, lang) => taxonomy.label(c, role, lang) ?? wordsOf(c.localName),
    concept,
  };
}
