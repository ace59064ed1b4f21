/**
 * Ratio concepts for the rows of tables with ratio columns ("% of total", "% change from prior year / quarter"):
 * `X<suffix>` for every non-abstract, non-percent numeric row concept X (the union over the tables that print X),
 * `num:percentItemType` with X's period type, linked by kessan's arcroles in the default link role.
 */
import { ARCROLES, lineConcepts, specError, STD_ROLES, type Builder, type BuiltConcept, type DefinitionArc } from './built.js';

interface Wanted {
  percentOf?: string;
  priorYear: boolean;
  priorQuarter: boolean;
}

/** `Revenues` → "PercentOfTotalRevenues", "% of total revenues" (from the denominator's standard label). */
function percentOfNames(b: Builder, denominator: string): { suffix: string; label: string } {
  const local = denominator.includes(':') ? denominator.split(':')[1]! : denominator;
  const label = b.labels.get(denominator)?.find((l) => l.role === STD_ROLES.label)?.text ?? local;
  const words = /^total\b/i.test(label) ? label : `total ${label}`;
  return { suffix: `PercentOfTotal${local}`, label: `% of ${words.toLowerCase()}` };
}

export function buildRatioConcepts(b: Builder): DefinitionArc[] {
  const wanted = new Map<string, Wanted>();
  for (const table of b.spec.tables) {
    const ratios = table.ratios;
    if (!ratios || (!ratios.percentOf && !ratios.changePriorYear && !ratios.changePriorQuarter)) continue;
    if (ratios.percentOf && !b.known(ratios.percentOf)) throw specError(b.spec, `table ${table.id}: ratios.percentOf names the unknown concept ${ratios.percentOf}`, table.place);
    for (const name of lineConcepts(table)) {
      const c = b.concept(name);
      if (c && (c.abstract || c.type === 'num:percentItemType' || c.type === 'xbrli:stringItemType')) continue;
      if (ratios.except?.includes(name)) continue;
      const w = wanted.get(name) ?? { priorYear: false, priorQuarter: false };
      if (ratios.percentOf) {
        if (w.percentOf && w.percentOf !== ratios.percentOf) throw specError(b.spec, `${name} is a percent of two totals (${w.percentOf}, ${ratios.percentOf})`, table.place);
        w.percentOf = ratios.percentOf;
      }
      w.priorYear ||= Boolean(ratios.changePriorYear);
      w.priorQuarter ||= Boolean(ratios.changePriorQuarter);
      wanted.set(name, w);
    }
  }

  const arcs: DefinitionArc[] = [];
  const ratio = (x: string, suffix: string, label: string) => {
    const local = x.includes(':') ? x.split(':')[1]! : x;
    const base: BuiltConcept | undefined = b.concept(x);
    const xLabel = b.labels.get(x)?.find((l) => l.role === STD_ROLES.label)?.text ?? local;
    const name = `${local}${suffix}`;
    b.addConcept({ name, label: `${xLabel}, ${label}`, type: 'num:percentItemType', periodType: base?.periodType ?? 'duration', abstract: false, substitutionGroup: 'xbrli:item' });
    return name;
  };
  for (const [name, w] of wanted) {
    let order = 1;
    if (w.percentOf) {
      const p = percentOfNames(b, w.percentOf);
      const r = ratio(name, p.suffix, p.label);
      arcs.push({ arcrole: ARCROLES.percentOfTotal, from: name, to: r, order: order++ });
      arcs.push({ arcrole: ARCROLES.ratioDenominator, from: r, to: w.percentOf, order: 1 });
    }
    if (w.priorYear) {
      const r = ratio(name, 'PercentChangeFromPriorYear', '% change from prior year');
      arcs.push({ arcrole: ARCROLES.percentChangePriorYear, from: name, to: r, order: order++ });
    }
    if (w.priorQuarter) {
      const r = ratio(name, 'PercentChangeFromPriorQuarter', '% change from prior quarter');
      arcs.push({ arcrole: ARCROLES.percentChangePriorQuarter, from: name, to: r, order: order++ });
    }
  }
  return arcs;
}
