/**
 * Drafts a taxonomy spec from a release the taxonomy has never seen: one table per printed table, a concept for
 * every row (names from the labels, types from wording and figures, instants for balance sheets), the summations
 * that hold everywhere, ratio columns, dimensions and column variants, and a text block for the prose. The draft
 * is data shaped like the spec's YAML (schemas/taxonomy-spec.schema.json), meant to be read and edited.
 */
import { labelKey } from '../read/text.js';
import type { ReleaseDocument } from '../read/model.js';
import type { FiscalCalendar } from '../read/periods.js';
import { findCalculations, holdsEverywhere, toSpecCalculation } from './calcs.js';
import { placeRows, type DraftConcept, type PlacedTable } from './concepts.js';
import { draftColumns } from './columns.js';
import { camel, isShouting, NameSet, sentenceCase } from './names.js';
import { readDraftTables, type DraftRow } from './tables.js';

/** The spec as its YAML says it (what `kessan init` writes). */
export interface RawSpec {
  namespace: string;
  prefix: string;
  name: string;
  imports?: { prefix: string; namespace: string; schemaLocation: string }[];
  types?: { name: string; base: string; unit?: string; documentation?: string }[];
  concepts: Record<string, unknown>[];
  dimensions?: unknown[];
  variants?: unknown[];
  tables: RawTable[];
}

export interface RawTable {
  id: string;
  title: string;
  ratios?: Record<string, unknown>;
  columns?: unknown[];
  rows: RawRow[];
  calculations?: { total: string; items: string[] }[];
}

export type RawRow = Record<string, unknown>;

export interface DraftOptions {
  /** Base of the file names ("sears-2q-2004"). */
  readonly name: string;
  readonly namespace: string;
  readonly prefix: string;
  readonly calendar: FiscalCalendar;
}

export interface Draft {
  readonly spec: RawSpec;
  /** What the draft could not decide, for the person who reads it. */
  readonly notes: string[];
}

/** The text block concept every kessan release taxonomy declares (the release's words; see the reader). */
export const RELEASE_TEXT = { name: 'ReleaseTextBlock', label: 'Release text, with table bodies replaced by references to their presentation networks', type: 'text', period: 'duration' };

const TYPE_NAMES: Record<string, string> = { monetary: 'monetary', perShare: 'perShare', shares: 'shares', percent: 'percent', pure: 'pure', integer: 'integer' };

/** The custom item type a draft type needs (per ADS, ADS, a unit word), with the unit its facts take. */
function customType(type: string, prefix: string): { name: string; base: string; unit: string; documentation: string } | undefined {
  if (type === 'perAds') return { name: 'perAdsItemType', base: 'xbrli:decimalItemType', unit: `{currency}/${prefix}:ADS`, documentation: 'An amount per American Depositary Share.' };
  if (type === 'ads') return { name: 'adsItemType', base: 'xbrli:decimalItemType', unit: `${prefix}:ADS`, documentation: 'A number of American Depositary Shares (or ADS equivalents).' };
  const word = /^unit:(.+)$/.exec(type)?.[1];
  if (word) {
    const local = camel(word) || 'Unit';
    return { name: `${local.charAt(0).toLowerCase()}${local.slice(1)}ItemType`, base: 'xbrli:decimalItemType', unit: `${prefix}:${local}`, documentation: `A figure printed in ${word}.` };
  }
  return undefined;
}

/** The table's rows as the spec's nested rows: each row under the heading it sits under. */
function specRows(t: PlacedTable): RawRow[] {
  const top: RawRow[] = [];
  const under = new Map<DraftRow, RawRow[]>();
  for (const p of t.rows) {
    const parent = p.row.ancestors[0];
    const list = (parent && under.get(parent)) || top;
    if (p.row.heading) {
      const rows: RawRow[] = [];
      under.set(p.row, rows);
      const standard = p.concept.label;
      list.push({ heading: p.concept.name, label: p.row.label, ...(standard !== p.row.label.replace(/:$/, '') ? { standardLabel: standard } : {}), rows });
    } else if (p.show === 'plain') list.push({ [p.concept.name]: p.row.label });
    else list.push({ concept: p.concept.name, label: p.row.label, show: p.show });
  }
  return top;
}

export function draftSpec(doc: ReleaseDocument, options: DraftOptions): Draft {
  const notes: string[] = [];
  const tables = readDraftTables(doc, options.calendar);
  const names = new NameSet([RELEASE_TEXT.name]);
  const ids = new NameSet();
  const tableIds = tables.map((t, i) => {
    const title = t.title ?? `Table ${i + 1}`;
    const id = ids.unique(camel(title.replace(/\bunaudited\b|\bcondensed\b/gi, ''), 8) || `Table${i + 1}`);
    names.take(`${id}Heading`);
    names.take(`${id}Hypercube`);
    return { id, title: isShouting(title) ? title : title };
  });
  const columns = draftColumns(tables, names);
  const releaseSigns = tables.some((t) => t.signs);
  const placed = placeRows(tables, columns.uses, names, releaseSigns);

  const concepts: DraftConcept[] = [];
  for (const t of placed) for (const p of t.rows) if (!p.concept.abstract && !concepts.includes(p.concept)) concepts.push(p.concept);

  const rawTables: RawTable[] = placed.map((t, i) => {
    const calcs = findCalculations(t);
    const kept = calcs.filter((c) => {
      if (holdsEverywhere(c)) return true;
      notes.push(`table ${tableIds[i]!.id}: ${c.total.name} = ${c.items.map((x) => `${x.weight < 0 ? '-' : ''}${x.concept.name}`).join(' + ')} holds in this table but not everywhere ${c.total.name} is printed; no calculation drafted`);
      return false;
    });
    const kinds = new Set(t.table.columns.map((c) => c.spec.kind));
    let ratios: Record<string, unknown> | undefined;
    if (kinds.has('percentOfTotal') || kinds.has('changePriorYear') || kinds.has('changePriorQuarter')) {
      ratios = {};
      if (kinds.has('percentOfTotal')) {
        const k = t.table.columns.findIndex((c) => c.spec.kind === 'percentOfTotal');
        const denominator = t.rows.find((p) => p.row.figures[k]?.printed.kind === 'number' && p.row.figures[k]!.printed.kind === 'number' && (p.row.figures[k]!.printed as { value: { equals(n: number): boolean } }).value.equals(100));
        if (denominator) ratios.percentOf = denominator.concept.name;
        else notes.push(`table ${tableIds[i]!.id}: no row prints 100% in the "% of total" column; say which concept is the total in ratios.percentOf`);
      }
      if (kinds.has('changePriorYear')) ratios.changePriorYear = true;
      if (kinds.has('changePriorQuarter')) ratios.changePriorQuarter = true;
    }
    const seen = new Set<string>();
    const calculations = kept.map(toSpecCalculation).filter((c) => !seen.has(c.total) && seen.add(c.total));
    return {
      id: tableIds[i]!.id,
      title: tableIds[i]!.title,
      ...(ratios ? { ratios } : {}),
      ...(columns.specColumns[i]!.length ? { columns: columns.specColumns[i] } : {}),
      rows: specRows(t),
      ...(calculations.length ? { calculations: calculations.map((c) => ({ total: c.total, items: c.items.map((x) => `${x.weight < 0 ? '-' : ''}${x.concept}`) })) } : {}),
    };
  });

  // A variant is for the money rows of its tables: other rows print their own figures in its column.
  const variants = columns.variants.map((v) => {
    const except = new Set<string>();
    placed.forEach((t, i) => {
      if (!columns.specColumns[i]!.some((c) => 'variant' in c && c.variant === v.name)) return;
      for (const p of t.rows) if (!p.concept.abstract && p.concept.type !== 'monetary') except.add(p.concept.name);
    });
    return { ...v, ...(except.size ? { except: [...except] } : {}) };
  });

  const types = new Map<string, NonNullable<ReturnType<typeof customType>>>();
  const typeName = (t: string) => {
    const custom = customType(t, options.prefix);
    if (!custom) return TYPE_NAMES[t]!;
    types.set(custom.name, custom);
    return `${options.prefix}:${custom.name}`;
  };
  const conceptList = concepts.map((c) => ({ name: c.name, label: sentenceCase(c.label), type: typeName(c.type), period: c.period }));
  const spec: RawSpec = {
    namespace: options.namespace,
    prefix: options.prefix,
    name: options.name,
    ...(types.size ? { types: [...types.values()] } : {}),
    concepts: [
      ...conceptList,
      RELEASE_TEXT,
    ],
    ...(columns.dimensions.length ? { dimensions: columns.dimensions } : {}),
    ...(variants.length ? { variants } : {}),
    tables: rawTables,
  };
  const byLabel = new Map<string, DraftConcept[]>();
  for (const c of concepts) byLabel.set(labelKey(c.label), [...(byLabel.get(labelKey(c.label)) ?? []), c]);
  for (const list of byLabel.values()) {
    if (list.length > 1) notes.push(`"${list[0]!.label}" is printed with different figures for the same period, so it is ${list.length} concepts: ${list.map((c) => c.name).join(', ')}; check the names`);
  }
  return { spec, notes: [...new Set(notes)] };
}
