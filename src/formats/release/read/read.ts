import type { Entity, Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { NS } from '../../../core/model/qname.js';
import type { Report } from '../../../core/model/report.js';
import type { Taxonomy } from '../../../core/taxonomy/model.js';
import type { Block } from './blocks.js';
import { printedCurrencies, signCurrency, tableCurrency } from './currency.js';
import { parseRelease } from './form.js';
import { mergePrintings } from './merge.js';
import type { ReleaseBlock, ReleaseDocument, ReleaseForm, Table } from './model.js';
import { documentText, narrativeFact, narrativeOf, type TaggedBody } from './narrative.js';
import { readProse } from './prose.js';
import { buildReleaseView, type ReleaseView, type TableNetwork } from './networks.js';
import type { FiscalCalendar } from './periods.js';
import { tableSetting, type TableSetting } from './setting.js';
import { headerTexts, readTable, rowFigures, type Coverage, type ReadTable } from './tables.js';
import { labelKey } from './text.js';

export { captionScale } from './scales.js';
export { settingOf, type TableSetting } from './setting.js';

export interface ReleaseOptions {
  readonly entity: Entity;
  readonly calendar: FiscalCalendar;
  readonly currency: string;
  /** The currency of a convenience translation the release prints beside its own (not a mismatch). */
  readonly convenienceCurrency?: string;
  readonly typeUnits?: Readonly<Record<string, string>>;
  /** The href instances should use for the taxonomy (written into the report's taxonomy ref). */
  readonly schemaRef?: string;
}

type LayoutTable = Omit<ReadTable, 'facts' | 'coverage'>;

/** The layout the text renderer needs later, kept beside the facts, and how every table figure ended. */
export interface ReleaseLayoutBlocks {
  readonly kind: 'release';
  readonly form: ReleaseForm;
  readonly blocks: readonly (Block | { kind: 'taggedTable'; table: LayoutTable })[];
  readonly coverage: Coverage;
}

/** Chooses the presentation network a table prints: title match first, then how many row labels it knows. */
function chooseNetwork(view: ReleaseView, table: Table, titles: readonly string[], taken: Set<TableNetwork>): TableNetwork | undefined {
  const keys = table.rows.map((r) => labelKey(r.label));
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

/** The currencies the release's tables print (cells and captions). */
function releaseCurrencies(doc: ReleaseDocument, settings: readonly TableSetting[], options: ReleaseOptions): Set<string> {
  const codes = new Set<string>();
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    for (const m of printedCurrencies(b, options.currency)) for (const code of m.keys()) codes.add(code);
    const sign = settings[i]?.currency;
    const code = sign ? signCurrency(sign, options.currency) : undefined;
    if (code) codes.add(code);
  });
  return codes;
}

/** The layout block of an untagged table: its rows as texts (label first). */
function plainTableBlock(t: Table): Block {
  const rows = [...headerTexts(t).map((cells, i) => ({ line: t.header[i]!.line, raw: cells.join('\t'), cells })), ...t.rows.map((r) => {
    const cells = [r.label, ...r.cells.map((c) => c?.text ?? '')];
    return { line: r.line, raw: cells.join('\t'), cells };
  })];
  return { kind: 'table', line: t.line, rows };
}

function textBlock(b: Exclude<ReleaseBlock, Table>): Block {
  return b.kind === 'heading' ? { kind: 'heading', line: b.line, level: b.level ?? 7, text: b.text, raw: b.text } : { kind: 'paragraph', line: b.line, text: b.text, raw: b.text };
}

/**
 * Reads a release into a Report: every figure of every table tagged as a fact of the taxonomy's concepts, periods
 * from the headers and captions, units and decimals from captions, printed signs and concept types; every figure
 * that is not tagged is reported at its line and column.
 */
export function readRelease(text: string, file: string, taxonomy: Taxonomy, options: ReleaseOptions): Report {
  const findings: Finding[] = [];
  const emit = (f: Finding) => findings.push(f);
  const view = buildReleaseView(taxonomy);
  const prefixes = new Map<string, string>(Object.entries(NS));
  for (const c of taxonomy.concepts.values()) if (c.name.prefix) prefixes.set(c.name.prefix, c.name.namespace);
  const { doc, raw } = parseRelease(text, file);
  const settings: TableSetting[] = [];
  let previous: TableSetting | undefined;
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'table') settings[i] = previous = tableSetting(doc.blocks, i, previous);
  });
  const printed = releaseCurrencies(doc, settings, options);
  // A convenience translation is printed beside the reporting currency; printed alone, it is the release's own.
  const convenience = options.convenienceCurrency && printed.has(options.currency) ? options.convenienceCurrency : undefined;
  const own = [...printed].filter((c) => c !== convenience);
  const currency = own.length === 1 ? own[0] : undefined;
  const reportedCurrencies = new Set<string>();
  const facts: Fact[] = [];
  const layout: ReleaseLayoutBlocks['blocks'][number][] = [];
  const coverage: Coverage = { figures: 0, tagged: 0, reported: 0 };
  const taken = new Set<TableNetwork>();
  const bodies: TaggedBody[] = [];
  const roles = new Map<Table, string>();
  doc.blocks.forEach((block, i) => {
    if (block.kind !== 'table') {
      layout.push(raw?.[i] ?? textBlock(block));
      return;
    }
    const setting = settings[i]!;
    const net = chooseNetwork(view, block, setting.titles, taken);
    if (!net) {
      const title = setting.titles[0] ? ` "${setting.titles[0]}"` : '';
      for (const row of block.rows) {
        const n = rowFigures(row).length;
        if (!n) continue;
        coverage.figures += n;
        coverage.reported += n;
        emit({ code: 'release:unknownTable', severity: 'error', message: `row "${row.label}" (${n} figure(s)) is in a table${title} that matches no presentation network of the taxonomy; its figures are not tagged`, file, line: row.line });
      }
      layout.push(raw?.[i] ?? plainTableBlock(block));
      return;
    }
    taken.add(net);
    const money = tableCurrency(file, block, setting.currency, currency, { currency: options.currency, ...(convenience ? { convenience } : {}) }, reportedCurrencies);
    findings.push(...money.findings);
    const read = readTable(block, net, view, {
      file, entity: options.entity, calendar: options.calendar, currency: money.currency, columnCurrencies: money.columns,
      scales: setting.scales, caption: setting.caption, typeUnits: options.typeUnits ?? {}, prefixes,
    }, emit);
    facts.push(...read.facts);
    coverage.figures += read.coverage.figures;
    coverage.tagged += read.coverage.tagged;
    coverage.reported += read.coverage.reported;
    bodies.push({ role: net.role, lines: read.rows.map((r) => r.line) });
    roles.set(block, net.role);
    const { facts: _omit, coverage: _c, ...shape } = read;
    const rawBlock = raw?.[i];
    // The markdown form keeps its raw cells (the Inline XBRL writer finds columns from their lengths).
    if (rawBlock?.kind === 'table') {
      const byLine = new Map(rawBlock.rows.map((r) => [r.line, r.cells]));
      layout.push({ kind: 'taggedTable', table: { ...shape, headerRows: rawBlock.rows.filter((r) => !shape.rows.some((x) => x.line === r.line)).map((r) => r.cells), rows: shape.rows.map((r) => ({ ...r, cells: byLine.get(r.line)?.slice(1) ?? r.cells })) } });
    } else layout.push({ kind: 'taggedTable', table: shape });
  });
  if (!doc.blocks.some((b) => b.kind === 'table')) {
    emit({ code: 'release:noTable', severity: 'error', message: `no table of figures found in the release (read as ${doc.form === 'html' ? 'HTML' : doc.form === 'plain' ? 'plain text with space-aligned columns' : 'text with tab-separated tables'}); nothing to tag`, file });
  }
  const proseBlocks = doc.blocks.map((b, i) => raw?.[i] ?? (b.kind === 'table' ? plainTableBlock(b) : textBlock(b)));
  facts.push(...readProse(proseBlocks, view, { file, entity: options.entity, calendar: options.calendar }, facts));
  const merged = mergePrintings(facts, emit);
  const narrative = raw ? narrativeOf(text, bodies) : documentText(doc, roles);
  const words = narrativeFact(taxonomy, narrative, merged, options.entity, file);
  if (words) merged.push(words);
  merged.forEach((f, i) => (f.id = `f${i + 1}`));
  const used = new Map<string, string>();
  for (const f of merged) {
    if (f.concept.prefix) used.set(f.concept.prefix, f.concept.namespace);
    for (const m of [...(f.unit?.numerator ?? []), ...(f.unit?.denominator ?? [])]) if (m.prefix) used.set(m.prefix, m.namespace);
  }
  const releaseLayout: ReleaseLayoutBlocks = { kind: 'release', form: doc.form, blocks: layout, coverage };
  return {
    facts: merged,
    taxonomy: { schemaRefs: options.schemaRef ? [options.schemaRef] : [], resolved: [...taxonomy.entryPoints] },
    namespaces: Object.fromEntries([...used].sort()),
    documentInfo: { source: file, format: 'release' },
    findings,
    layout: releaseLayout,
  };
}
