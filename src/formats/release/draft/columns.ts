/**
 * What a draft makes of column headings other than periods. In a table that prints a per-share column beside
 * others ("Pretax" / "Earnings Per Share"), the per-share one is a variant of the rows (a per-share concept per
 * row) and the others hold the rows' own figures. Anywhere else the headings are members of a dimension:
 * reporting-basis words (GAAP, adjustments, as reported, pro forma) make a "Reporting basis" axis, anything else
 * a "Segment" axis; a column with no such words (or "Consolidated", "Total") is the dimension's default. A heading
 * "Total X" is the member X, and the other members of its table are parts of X.
 */
import type { SpecColumn, SpecDimension, SpecMember, SpecVariant } from '../spec/model.js';
import { camel, NameSet } from './names.js';
import type { DraftTable } from './tables.js';

const PER_SHARE = /\bper (?:common )?share\b|\beps\b/i;
const BASIS = /gaap|adjust|as reported|pro ?forma|excluding|non-?recurring|special items/i;

/** Per table, per column: the member (axis, name), the variant name, or 'amounts'. */
export type ColumnUse = { member: string; axis: string } | { variant: string } | 'amounts' | undefined;

export interface DraftColumns {
  readonly dimensions: SpecDimension[];
  readonly variants: SpecVariant[];
  /** Per table (by index in the draft's table list): each column's use, and the spec's `columns` entries. */
  readonly uses: ColumnUse[][];
  readonly specColumns: SpecColumn[][];
}

export function draftColumns(tables: readonly DraftTable[], names: NameSet): DraftColumns {
  const axes = new Map<string, { dim: { axis: string; label: string; domain: { name: string; label: string } }; members: Map<string, SpecMember> }>();
  const variants = new Map<string, SpecVariant>();
  const uses: ColumnUse[][] = [];
  const specColumns: SpecColumn[][] = [];
  for (const t of tables) {
    const use: ColumnUse[] = t.columns.map(() => undefined);
    const cols: SpecColumn[] = [];
    const qualified = t.columns.map((c, k) => ({ c, k })).filter(({ c }) => c.spec.kind === 'amount' && c.heading);
    const perShare = qualified.filter(({ c }) => PER_SHARE.test(c.heading!));
    const seen = new Set<string>();
    const once = (heading: string, col: SpecColumn) => {
      if (!seen.has(heading.toLowerCase())) cols.push(col);
      seen.add(heading.toLowerCase());
    };
    if (perShare.length && perShare.length < qualified.length) {
      for (const { c, k } of qualified) {
        if (PER_SHARE.test(c.heading!)) {
          const name = camel(c.heading!);
          if (!variants.has(name)) variants.set(name, { name, suffix: name, label: c.heading!.toLowerCase(), type: 'perShare' });
          use[k] = { variant: name };
          once(c.heading!, { heading: c.heading!, variant: name });
        } else {
          use[k] = 'amounts';
          once(c.heading!, { heading: c.heading!, amounts: true });
        }
      }
    } else if (qualified.length) {
      const basis = qualified.some(({ c }) => BASIS.test(c.heading!));
      const axisName = basis ? 'ReportingBasisAxis' : 'SegmentAxis';
      let a = axes.get(axisName);
      if (!a) {
        const stem = axisName.replace(/Axis$/, '');
        a = {
          dim: { axis: names.unique(axisName), label: basis ? 'Reporting basis' : 'Segment', domain: { name: names.unique(`${stem}Domain`), label: basis ? 'As reported' : 'Consolidated' } },
          members: new Map(),
        };
        axes.set(axisName, a);
      }
      const totalOf = qualified.find(({ c }) => /^total\s+/i.test(c.heading!));
      const parentKey = totalOf ? totalOf.c.key : undefined;
      for (const { c, k } of qualified) {
        let m = a.members.get(c.key!);
        if (!m) {
          const label = c.heading!.replace(/^total\s+/i, '');
          m = { name: names.unique(`${camel(label)}Member`), label };
          a.members.set(c.key!, m);
        }
        use[k] = { member: m.name, axis: a.dim.axis };
        once(c.heading!, { heading: c.heading!, member: m.name });
      }
      if (parentKey) {
        const parent = a.members.get(parentKey)!;
        for (const { c } of qualified) {
          const m = a.members.get(c.key!)!;
          if (m !== parent && !m.parent) a.members.set(c.key!, { ...m, parent: parent.name });
        }
      }
    }
    uses.push(use);
    specColumns.push(cols);
  }
  const dimensions: SpecDimension[] = [...axes.values()].map(({ dim, members }) => ({ ...dim, members: orderMembers([...members.values()]) }));
  return { dimensions, variants: [...variants.values()], uses, specColumns };
}

/** Parents before their parts (the order a reader of the spec expects). */
function orderMembers(members: SpecMember[]): SpecMember[] {
  const out: SpecMember[] = [];
  const add = (m: SpecMember) => {
    if (out.includes(m)) return;
    const p = m.parent ? members.find((x) => x.name === m.parent) : undefined;
    if (p) add(p);
    out.push(m);
  };
  members.forEach(add);
  return out;
}
