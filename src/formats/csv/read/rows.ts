/**
 * One xBRL-CSV table read into facts (xBRL-CSV §4): its CSV file found from the metadata that names it, the
 * header checked against the template, then each row's fact cells with their dimensions resolved.
 *
 * A table that cannot be read at all throws (`xbrlce:missingRequiredCSVFile`, `xbrlce:invalidCSVFileFormat`,
 * `xbrlce:invalidHeaderValue`, `xbrlce:unknownColumn`, `xbrlce:repeatedColumnIdentifier`,
 * `xbrlce:invalidReferenceTarget`, `kessan:referenceRefused`); what is wrong in one row or cell is a finding
 * there (`xbrlce:illegalUseOfNone`, `xbrlce:unknownSpecialValue`, `xbrlce:unmappedCellValue`,
 * `xbrlce:missingRowIdentifier`, `xbrlce:invalidRowIdentifier`, `xbrlce:repeatedRowIdentifier`,
 * `xbrlce:unknownPropertyGroup`, and each fact's own, see facts.ts).
 */
import { KessanError } from '../../../core/errors.js';
import type { Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { currentLimits, decodeText } from '../../../core/limits.js';
import { pointerToken } from '../../../core/json.js';
import { IDENTIFIER } from '../../../core/xbrl/oim.js';
import { readCsv } from './csv.js';
import type { FactBuilder, ResolvedFact } from './facts.js';
import type { Metadata, TableJson } from './metadata.js';
import type { ReportSource } from './source.js';
import type { FactColumn, Spec, Template } from './templates.js';

export interface TableContext {
  readonly md: Metadata;
  readonly templates: ReadonlyMap<string, Template>;
  readonly source: ReportSource;
  readonly builder: FactBuilder;
  readonly facts: Fact[];
  note(f: Finding): void;
}

/** A row identifier: an NCName's characters, possibly starting with a digit (xBRL-CSV §4.5). */
const ROW_ID = /^[-_.\u00B7A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]+$/;
const MAX_HEADER_CELLS = 100_000;

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** A cell as a value: undefined for empty or `#none` (no value), null for `#nil`; `bad` set for an unknown `#x`. */
function cellValue(raw: string): { value: string | null | undefined; none?: true; bad?: true } {
  if (raw === '') return { value: undefined };
  if (raw.charCodeAt(0) !== 35) return { value: raw };
  if (raw === '#nil') return { value: null };
  if (raw === '#empty') return { value: '' };
  if (raw === '#none') return { value: undefined, none: true };
  if (raw.startsWith('##')) return { value: raw.slice(1) };
  return { value: undefined, bad: true };
}

export function readTable(tableId: string, table: TableJson, cx: TableContext): void {
  const { md } = cx;
  const pointer = `/tables/${pointerToken(tableId)}`;
  const template = cx.templates.get(table.template ?? tableId)!;
  const from = md.at(pointer).file ?? cx.source.metadata;
  const got = cx.source.fetch(table.url, from);
  if (got.kind === 'refused') throw new KessanError('kessan:referenceRefused', `table ${tableId}'s file ${table.url} is outside the folders kessan may read (see --allow-dir); it was not read`, md.at(`${pointer}/url`), 1);
  if (got.kind === 'missing') {
    if (table.optional === true) return;
    throw new KessanError('xbrlce:missingRequiredCSVFile', `table ${tableId}'s file ${table.url} does not exist${/^[a-z][a-z0-9+.-]*:/i.test(table.url) ? ' here (kessan never fetches from the network)' : ''}`, md.at(`${pointer}/url`), 1);
  }
  const file = got.path;
  const bytes = got.bytes;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new KessanError('xbrlce:invalidCSVFileFormat', 'the CSV file is UTF-16; xBRL-CSV tables must be UTF-8', { file }, 1);
  }
  const text = decodeText(bytes, file, 'xbrlce:invalidCSVFileFormat', 1);
  const limits = currentLimits();
  const maxFacts = limits.maxFacts;
  const params = table.parameters ?? {};

  let header: string[] = [];
  const index = new Map<string, number>();
  let factCols: { col: FactColumn; i: number }[] = [];
  let paramCols: { name: string; i: number }[] = [];
  let groupCols: { name: string; i: number }[] = [];
  let rowIdIndex: number | undefined;
  const rowIds = new Set<string>();
  const headerError = (code: string, message: string, column: number) => new KessanError(code, `table ${tableId}: ${message}`, { file, line: 1, column }, 1);

  readCsv(text, file, { maxField: limits.maxTextLength, maxCells: (i) => (i === 0 ? MAX_HEADER_CELLS : header.length) }, (rec, r) => {
    if (r === 0) {
      if (rec.overflow) throw headerError('kessan:csvLimit', `the header has more than ${MAX_HEADER_CELLS} columns`, 1);
      header = [...rec.cells];
      header.forEach((name, i) => {
        if (name === '') return;
        if (!IDENTIFIER.test(name)) throw headerError('xbrlce:invalidHeaderValue', `column header ${JSON.stringify(name)} is not an identifier`, rec.columns[i]!);
        if (!template.kinds.has(name)) throw headerError('xbrlce:unknownColumn', `column ${name} is not defined by the template ${template.id}`, rec.columns[i]!);
        if (index.has(name)) throw headerError('xbrlce:repeatedColumnIdentifier', `column ${name} appears twice in the header`, rec.columns[i]!);
        index.set(name, i);
      });
      factCols = [...template.facts.values()].filter((c) => index.has(c.name)).map((col) => ({ col, i: index.get(col.name)! }));
      paramCols = [...template.kinds].filter(([n, k]) => k === 'parameter' && index.has(n) && n !== template.rowIdColumn).map(([name]) => ({ name, i: index.get(name)! }));
      groupCols = [...template.kinds].filter(([n, k]) => k === 'propertyGroup' && index.has(n)).map(([name]) => ({ name, i: index.get(name)! }));
      rowIdIndex = template.rowIdColumn !== undefined ? index.get(template.rowIdColumn) : undefined;
      // Every reference must have a target: a column of the template, a parameter, or the row number.
      for (const { col } of factCols) {
        for (const [d, s] of [...col.dimensions, ...(col.decimals ? [['decimals', col.decimals] as const] : [])]) {
          if (s.kind !== 'ref' || s.name === 'rowNumber' || template.kinds.has(s.name) || own(params, s.name) || own(md.parameters, s.name)) continue;
          throw new KessanError('xbrlce:invalidReferenceTarget', `table ${tableId}, column ${col.name}: ${d} refers to $${s.name}, which is no column of the template, no parameter and not rowNumber`, md.at(`/tableTemplates/${pointerToken(template.id)}`), 1);
        }
        for (const [d, s] of col.dimensions) {
          if (s.kind === 'ref' && template.kinds.get(s.name) === 'comment') throw new KessanError('xbrlce:invalidReferenceTarget', `table ${tableId}, column ${col.name}: ${d} refers to the comment column ${s.name}`, md.at(`/tableTemplates/${pointerToken(template.id)}`), 1);
        }
      }
      return;
    }
    const where = (i: number) => ({ file, line: rec.lines[i] ?? rec.lines[0]!, column: rec.columns[i] ?? 1 });
    const note = (code: string, message: string, i: number, severity: Finding['severity'] = 'error') => cx.note({ code, severity, message: `table ${tableId}, row ${r}: ${message}`, ...where(i) });
    if (rec.overflow) note('xbrlce:unmappedCellValue', `cells past the header's ${header.length} columns hold values (cell ${rec.overflow.join(', ')})`, rec.cells.length - 1);
    rec.cells.forEach((c, i) => {
      if (header[i] === '' && c !== '') note('xbrlce:unmappedCellValue', `column ${i + 1} has no header but holds ${JSON.stringify(c.slice(0, 40))}`, i);
    });

    let rowId = String(r);
    if (rowIdIndex !== undefined) {
      const v = cellValue(rec.cells[rowIdIndex] ?? '').value;
      if (v === undefined || v === null || v === '') note('xbrlce:missingRowIdentifier', `the row identifier (column ${template.rowIdColumn!}) is empty`, rowIdIndex);
      else if (!ROW_ID.test(v)) note('xbrlce:invalidRowIdentifier', `row identifier ${JSON.stringify(v)} is not a valid identifier`, rowIdIndex);
      else if (rowIds.has(v)) note('xbrlce:repeatedRowIdentifier', `row identifier ${v} is used by an earlier row`, rowIdIndex);
      else (rowIds.add(v), (rowId = v));
    }
    // Property groups this row chooses.
    const groups = new Map<string, { dimensions: ReadonlyMap<string, Spec>; decimals?: Spec }>();
    for (const g of groupCols) {
      const raw = rec.cells[g.i] ?? '';
      if (raw === '') continue;
      const v = cellValue(raw);
      const group = typeof v.value === 'string' ? template.propertyGroups.get(g.name)!.get(v.value) : undefined;
      if (v.none) note('xbrlce:illegalUseOfNone', `the property group column ${g.name} holds #none`, g.i);
      else if (!group) note('xbrlce:unknownPropertyGroup', `property group ${JSON.stringify(raw)} is not one of column ${g.name}'s`, g.i);
      else groups.set(g.name, group);
    }

    const used = new Set<string>();
    const resolve = (s: Spec): { value: string | null | undefined } => {
      if (s.kind === 'value') return { value: s.value };
      if (s.kind === 'none') return { value: undefined };
      if (s.name === 'rowNumber') return { value: String(r) };
      const i = index.get(s.name);
      if (i !== undefined) {
        const v = cellValue(rec.cells[i] ?? '');
        if (v.bad) note('xbrlce:unknownSpecialValue', `${JSON.stringify(rec.cells[i])} is not a special value (#nil, #empty, #none; ## for a leading #)`, i);
        used.add(s.name);
        return { value: v.value };
      }
      if (template.kinds.has(s.name)) return { value: undefined }; // a column of the template this file leaves out
      if (own(params, s.name)) return { value: params[s.name]! };
      return { value: own(md.parameters, s.name) ? md.parameters[s.name] : undefined };
    };

    for (const { col, i } of factCols) {
      const raw = rec.cells[i] ?? '';
      if (raw === '') continue;
      const cell = cellValue(raw);
      if (cell.none) {
        note('xbrlce:illegalUseOfNone', `column ${col.name} holds #none, which a fact cell cannot`, i);
        continue;
      }
      if (cell.bad) {
        note('xbrlce:unknownSpecialValue', `${JSON.stringify(raw.slice(0, 40))} is not a special value (#nil, #empty, #none; ## for a leading #)`, i);
        continue;
      }
      let specs: ReadonlyMap<string, Spec> = col.dimensions;
      let decimalsSpec = col.decimals;
      if (col.propertiesFrom.length) {
        const chosen = col.propertiesFrom.map((g) => groups.get(g)).filter((g) => g !== undefined);
        if (chosen.length) {
          const merged = new Map(specs);
          for (const g of chosen) for (const [d, s] of g.dimensions) if (!col.own.has(d)) merged.set(d, s);
          specs = merged;
          const groupDecimals = chosen.find((g) => g.decimals)?.decimals;
          if (!col.hasOwnDecimals && groupDecimals) decimalsSpec = groupDecimals;
        }
      }
      const dimensions = new Map<string, string | null>();
      let periodAt: 'start' | 'end' | undefined;
      for (const [d, s] of specs) {
        const v = resolve(s).value;
        if (v === undefined) continue;
        dimensions.set(d, v);
        if (d === 'period' && s.kind === 'ref' && s.at) periodAt = s.at;
      }
      const dec = decimalsSpec ? resolve(decimalsSpec).value : undefined;
      const resolved: ResolvedFact = {
        id: `${tableId}.${rowId}.${col.name}`,
        value: cell.value!,
        dimensions,
        ...(periodAt ? { periodAt } : {}),
        ...(typeof dec === 'string' && dec !== '' ? { decimals: dec } : {}),
        marked: col.marked,
        where: where(i),
      };
      const fact = cx.builder.build(resolved);
      if (fact) {
        if (cx.facts.length >= maxFacts) throw new KessanError('kessan:csvLimit', `more than ${maxFacts} facts (raise the limit with --max-facts or KESSAN_MAX_FACTS)`, where(i), 1);
        cx.facts.push(fact);
      }
    }
    for (const p of paramCols) {
      if ((rec.cells[p.i] ?? '') !== '' && rec.cells[p.i] !== '#none' && !used.has(p.name)) note('xbrlce:unmappedCellValue', `column ${p.name} holds a value that no fact of the row uses`, p.i);
    }
  });
}
