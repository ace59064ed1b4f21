/**
 * The release's layout (headings, paragraphs, tables as the release reader kept them) as XHTML, with every
 * printed figure tagged where it was printed. A figure printed in several tables is tagged at each printing
 * with that printing's own scale and decimals: consistent duplicates, as XBRL allows.
 */
import type { Fact, Source } from '../../../core/model/fact.js';
import { captionScale } from '../../release/read/read.js';
import { cleanCell, footnoteMarks, isBold } from '../../release/read/text.js';
import { escapeText } from '../../../core/xml/write.js';
import { inlineXhtml } from './inline.js';
import { tagPrinting, type TagContext } from './tags.js';

interface Row { readonly line: number; readonly label: string; readonly bold: boolean; readonly cells: readonly string[] }
interface TaggedTable { readonly line: number; readonly title: string; readonly headerRows: readonly (readonly string[])[]; readonly rows: readonly Row[] }
type Block =
  | { kind: 'heading'; line: number; level: number; text: string; raw: string }
  | { kind: 'paragraph'; line: number; text: string; raw: string }
  | { kind: 'table'; line: number; rows: readonly { line: number; cells: readonly string[] }[] }
  | { kind: 'taggedTable'; table: TaggedTable };

function isBlock(b: unknown): b is Block {
  return typeof b === 'object' && b !== null && typeof (b as { kind?: unknown }).kind === 'string';
}

/** Each printing of each fact, by `line:column` (and prose printings by line). */
export class Printings {
  private readonly at = new Map<string, { fact: Fact; source: Source }>();
  readonly byLine = new Map<number, { fact: Fact; source: Source }[]>();
  /** Facts with at least one printing tagged. */
  readonly placed = new Set<Fact>();
  constructor(facts: readonly Fact[]) {
    for (const fact of facts) {
      for (const source of fact.sources) {
        if (source.column !== undefined) this.at.set(`${source.line}:${source.column}`, { fact, source });
        let list = this.byLine.get(source.line);
        if (!list) this.byLine.set(source.line, (list = []));
        list.push({ fact, source });
      }
    }
  }
  get(line: number, column: number) {
    return this.at.get(`${line}:${column}`);
  }
}

/** The column (1-based) the release reader gave each cell: the label's raw length is not kept, so it is found from the printings. */
function cellColumns(row: Row, printings: Printings): (number | undefined)[] {
  const rel: number[] = [];
  let offset = 0;
  for (const c of row.cells) (rel.push(offset), (offset += c.length + 1));
  const votes = new Map<number, number>();
  for (const { source } of printings.byLine.get(row.line) ?? []) {
    if (source.column === undefined) continue;
    row.cells.forEach((c, k) => {
      if (cleanCell(c) === source.printed) votes.set(source.column! - rel[k]!, (votes.get(source.column! - rel[k]!) ?? 0) + 1);
    });
  }
  let base: number | undefined;
  let best = 0;
  for (const [b, n] of votes) if (n > best) [base, best] = [b, n];
  return rel.map((r) => (base === undefined ? undefined : base + r));
}

/** The scale captions around a table say ("(JPY in millions)"): from the paragraphs since the last table, and caption rows. */
function tableScale(blocks: readonly Block[], index: number, table: TaggedTable): number {
  const texts: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'table' || b.kind === 'taggedTable') break;
    if (b.kind === 'paragraph') texts.unshift(b.text);
  }
  for (const h of table.headerRows) {
    const t = h.map(cleanCell).filter(Boolean);
    if (t.length === 1) texts.push(t[0]!);
  }
  let scale = 0;
  for (const t of texts) scale = captionScale(t) ?? scale;
  return scale;
}

function cellXhtml(raw: string, tagged: string | undefined): string {
  const marks = footnoteMarks(raw).map((m) => `<sup>${escapeText(m)}</sup>`).join('');
  const body = (tagged ?? escapeText(cleanCell(raw))) + marks;
  return isBold(raw) || /<b>/i.test(raw) ? `<b>${body}</b>` : body;
}

function renderTaggedTable(t: TaggedTable, scale: number, printings: Printings, ctx: TagContext): string[] {
  const width = Math.max(1, ...t.headerRows.map((h) => h.length), ...t.rows.map((r) => r.cells.length + 1));
  const out = ['<table class="fin">', '<thead>'];
  for (const h of t.headerRows) {
    const texts = h.map(cleanCell).filter(Boolean);
    if (texts.length === 1 && !cleanCell(h[0] ?? '')) {
      out.push(`<tr><th class="caption" colspan="${width}">${inlineXhtml(h.find((c) => cleanCell(c))!)}</th></tr>`);
      continue;
    }
    const cells = Array.from({ length: width }, (_, k) => `<th>${inlineXhtml(h[k] ?? '')}</th>`);
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</thead>', '<tbody>');
  for (const row of t.rows) {
    const columns = cellColumns(row, printings);
    const cells = row.cells.map((raw, k) => {
      const col = columns[k];
      const p = col === undefined ? undefined : printings.get(row.line, col);
      const printed = cleanCell(raw);
      let tagged: string | undefined;
      if (p && printed) {
        tagged = tagPrinting(p.fact, printed, scale, ctx);
        if (tagged !== undefined) printings.placed.add(p.fact);
      }
      return `<td>${cellXhtml(raw, tagged)}</td>`;
    });
    while (cells.length < width - 1) cells.push('<td></td>');
    const cls = row.bold ? ' class="total"' : row.cells.every((c) => !cleanCell(c)) ? ' class="heading"' : '';
    out.push(`<tr${cls}><td class="label">${escapeText(row.label)}</td>${cells.join('')}</tr>`);
  }
  out.push('</tbody>', '</table>');
  return out;
}

function renderPlainTable(rows: readonly { cells: readonly string[] }[]): string[] {
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), -Infinity);
  const out = ['<table class="fin plain">', '<tbody>'];
  for (const r of rows) out.push(`<tr>${Array.from({ length: width }, (_, k) => `<td${k === 0 ? ' class="label"' : ''}>${inlineXhtml(r.cells[k] ?? '')}</td>`).join('')}</tr>`);
  out.push('</tbody>', '</table>');
  return out;
}

/** Figures tagged in prose ("JPY 10,512 million"): the digits of the printed text, where the paragraph shows it. */
function tagProse(html: string, line: number, printings: Printings, ctx: TagContext): string {
  let out = html;
  for (const { fact, source } of printings.byLine.get(line) ?? []) {
    if (source.column !== undefined || !source.printed || printings.placed.has(fact)) continue;
    const printed = escapeText(source.printed);
    const at = out.indexOf(printed);
    if (at < 0) continue;
    const scale = /billion/.test(source.printed) ? 9 : /million/.test(source.printed) ? 6 : /thousand/.test(source.printed) ? 3 : 0;
    const tagged = tagPrinting(fact, source.printed.replace(/\s*(billion|million|thousand)$/, ''), scale, ctx);
    if (tagged === undefined) continue;
    const word = /\s*(billion|million|thousand)$/.exec(source.printed)?.[0] ?? '';
    out = `${out.slice(0, at)}${tagged}${escapeText(word)}${out.slice(at + printed.length)}`;
    printings.placed.add(fact);
  }
  return out;
}

/** The body of the page from the release layout. */
export function renderLayout(blocks: readonly unknown[], printings: Printings, ctx: TagContext): string[] {
  const list = blocks.filter(isBlock);
  const out: string[] = [];
  let inList = false;
  list.forEach((b, i) => {
    const isItem = b.kind === 'paragraph' && /^\s*[-•]\s+\S/.test(b.raw) && !/^\s*-.*-\s*$/.test(b.raw);
    if (inList && !isItem) (out.push('</ul>'), (inList = false));
    switch (b.kind) {
      case 'heading': {
        const h = b.level <= 6 ? `h${Math.min(b.level + 1, 6)}` : 'p';
        const inner = inlineXhtml(b.raw.replace(/^\s*#{1,6}\s+/, '').replace(/\s*#*\s*$/, ''));
        out.push(h === 'p' ? `<p class="title">${/^<b>/.test(inner) ? inner : `<b>${inner}</b>`}</p>` : `<${h}>${inner}</${h}>`);
        break;
      }
      case 'paragraph': {
        if (/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(b.raw)) {
          out.push('<hr/>');
          break;
        }
        const html = tagProse(inlineXhtml(isItem ? b.raw.replace(/^\s*[-•]\s+/, '') : b.raw), b.line, printings, ctx);
        if (isItem) {
          if (!inList) (out.push('<ul>'), (inList = true));
          out.push(`<li>${html}</li>`);
        } else out.push(`<p>${html}</p>`);
        break;
      }
      case 'table':
        out.push(...renderPlainTable(b.rows));
        break;
      case 'taggedTable':
        out.push(...renderTaggedTable(b.table, tableScale(list, i, b.table), printings, ctx));
        break;
    }
  });
  if (inList) out.push('</ul>');
  return out;
}
