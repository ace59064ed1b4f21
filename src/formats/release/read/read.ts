import type { Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { NS } from '../../../core/model/qname.js';
import type { Report } from '../../../core/model/report.js';
import type { Taxonomy } from '../../../core/taxonomy/model.js';
import { splitBlocks, type Block } from './blocks.js';
import type { TableCaption } from './columns.js';
import { currencyIn } from './columns.js';
import { mergePrintings } from './merge.js';
import { narrativeFact, narrativeOf, type TaggedBody } from './narrative.js';
import { readProse } from './prose.js';
import { buildReleaseView, type ReleaseView, type TableNetwork } from './networks.js';
import { findDates, parseSpanWords, saysInstant, type FiscalCalendar } from './periods.js';
import { readTable, splitHeader, type ReadTable } from './tables.js';
import { cleanCell, labelKey } from './text.js';
import type { Entity } from '../../../core/model/fact.js';

export interface ReleaseOptions {
  readonly entity: Entity;
  readonly calendar: FiscalCalendar;
  readonly currency: string;
  readonly typeUnits?: Readonly<Record<string, string>>;
  /** The href instances should use for the taxonomy (written into the report's taxonomy ref). */
  readonly schemaRef?: string;
}

/** The layout the text renderer needs later, kept beside the facts. */
export interface ReleaseLayoutBlocks {
  readonly kind: 'release';
  readonly blocks: readonly (Block | { kind: 'taggedTable'; table: Omit<ReadTable, 'facts'> })[];
}

const CAPTION_MAX = 240;

/** Scale of monetary figures a caption line states: "(JPY in millions)" → 6, "Thousands of …" → 3. */
export function captionScale(text: string): number | undefined {
  if (text.length > CAPTION_MAX) return undefined;
  if (/\bin billions\b|\bbillions of\b/i.test(text)) return 9;
  if (/\bin millions\b|\bmillions of\b/i.test(text)) return 6;
  if (/\bin thousands\b|\bthousands of\b/i.test(text)) return 3;
  return undefined;
}

export interface TableSetting {
  titles: string[];
  scale: number;
  currency?: string;
  caption: TableCaption;
}

/** Looks back from a table to the last heading or table: its titles and caption lines. */
export function settingOf(blocks: readonly Block[], index: number): TableSetting {
  let start = index;
  while (start > 0) {
    const b = blocks[start - 1]!;
    if (b.kind === 'table') break;
    start--;
    if (b.kind === 'heading') {
      while (start > 0 && blocks[start - 1]!.kind === 'heading') start--;
      break;
    }
  }
  const region = blocks.slice(start, index) as Exclude<Block, { kind: 'table' }>[];
  const table = blocks[index] as Extract<Block, { kind: 'table' }>;
  const headerTexts = splitHeader(table.rows).header.map((h) => h.cells.map(cleanCell).filter(Boolean));
  const titles = region.filter((b) => b.kind === 'heading').map((b) => b.text).reverse();
  const captionLines = [...region.filter((b) => b.kind === 'paragraph').map((b) => b.text), ...headerTexts.filter((t) => t.length === 1).map((t) => t[0]!)];
  for (const t of headerTexts) if (t.length === 1 && captionScale(t[0]!) === undefined) titles.unshift(t[0]!);
  let scale = 0;
  let currency: string | undefined;
  let months: number | undefined;
  let instantCaption = false;
  let dates: string[] = [];
  for (const text of captionLines) {
    if (text.length > CAPTION_MAX) continue;
    const s = captionScale(text);
    if (s !== undefined) {
      scale = s;
      currency ??= currencyIn(text);
    }
    const m = parseSpanWords(text);
    if (m) {
      months = m;
      dates = findDates(text);
    } else if (saysInstant(text)) {
      instantCaption = true;
      dates = findDates(text);
    }
  }
  return { titles, scale, ...(currency ? { currency } : {}), caption: { ...(months ? { months } : {}), ...(instantCaption ? { instant: true } : {}), dates } };
}

/** Chooses the presentation network a table prints: title match first, then how many row labels it knows. */
function chooseNetwork(view: ReleaseView, table: Extract<Block, { kind: 'table' }>, titles: readonly string[], taken: Set<TableNetwork>): TableNetwork | undefined {
  const keys = splitHeader(table.rows).body.map((r) => labelKey(r.cells[0] ?? ''));
  const titleKeys = new Set(titles.map(labelKey));
  let best: TableNetwork | undefined;
  let bestScore = 0;
  for (const net of view.tables) {
    const rowHits = keys.filter((k) => net.byKey.has(k)).length;
    const titleHit = titleKeys.has(labelKey(net.title)) ? 1 : 0;
    // A title names the table only when rows agree; rows decide between same-titled tables.
    const score = rowHits * 2 + titleHit * (rowHits > 0 ? 3 : 1) - (taken.has(net) ? 1 : 0);
    if (score > bestScore) {
      best = net;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Reads a release's text into a Report: every figure of every table tagged as a fact of the taxonomy's
 * concepts, periods from the headers and captions, units and decimals from captions and concept types.
 */
export function readRelease(text: string, file: string, taxonomy: Taxonomy, options: ReleaseOptions): Report {
  const findings: Finding[] = [];
  const emit = (f: Finding) => findings.push(f);
  const view = buildReleaseView(taxonomy);
  const prefixes = new Map<string, string>(Object.entries(NS));
  for (const c of taxonomy.concepts.values()) if (c.name.prefix) prefixes.set(c.name.prefix, c.name.namespace);
  const blocks = splitBlocks(text);
  const facts: Fact[] = [];
  const layout: ReleaseLayoutBlocks['blocks'][number][] = [];
  const taken = new Set<TableNetwork>();
  const bodies: TaggedBody[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'table') {
      layout.push(block);
      return;
    }
    const setting = settingOf(blocks, i);
    const net = chooseNetwork(view, block, setting.titles, taken);
    if (!net) {
      emit({ code: 'release:unknownTable', severity: 'error', message: `the table${setting.titles[0] ? ` "${setting.titles[0]}"` : ''} matches no presentation network of the taxonomy; its figures are not tagged`, file, line: block.line });
      layout.push(block);
      return;
    }
    taken.add(net);
    const read = readTable(block.rows, net, view, {
      file, entity: options.entity, calendar: options.calendar, currency: setting.currency ?? options.currency,
      scale: setting.scale, caption: setting.caption, typeUnits: options.typeUnits ?? {}, prefixes,
    }, emit);
    facts.push(...read.facts);
    bodies.push({ role: net.role, lines: read.rows.map((r) => r.line) });
    const { facts: _omit, ...shape } = read;
    layout.push({ kind: 'taggedTable', table: shape });
  });
  facts.push(...readProse(blocks, view, { file, entity: options.entity, calendar: options.calendar }, facts));
  const merged = mergePrintings(facts, emit);
  const words = narrativeFact(taxonomy, narrativeOf(text, bodies), merged, options.entity, file);
  if (words) merged.push(words);
  merged.forEach((f, i) => (f.id = `f${i + 1}`));
  const used = new Map<string, string>();
  for (const f of merged) {
    if (f.concept.prefix) used.set(f.concept.prefix, f.concept.namespace);
    for (const m of [...(f.unit?.numerator ?? []), ...(f.unit?.denominator ?? [])]) if (m.prefix) used.set(m.prefix, m.namespace);
  }
  return {
    facts: merged,
    taxonomy: { schemaRefs: options.schemaRef ? [options.schemaRef] : [], resolved: [...taxonomy.entryPoints] },
    namespaces: Object.fromEntries([...used].sort()),
    documentInfo: { source: file, format: 'release' },
    findings,
    layout: { kind: 'release', blocks: layout },
  };
}
