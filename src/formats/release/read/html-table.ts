/**
 * An HTML table's grid as the release model's table. Word processors and financial printers split one printed
 * figure over several cells (`$` | `3,120` | `)`), pad with spacer columns and span headers over them; the data
 * columns are where figures end (their right edge), and everything else is placed against those.
 */
import { parsePrinted } from './figures.js';
import { splitLabelMark, type BodyRow, type Cell, type HeaderCell, type HeaderRow, type Table } from './model.js';

/** One `td`/`th` as read: its place in the grid and what it prints. */
export interface GridCell extends Cell {
  readonly start: number;
  readonly end: number;
  readonly bold: boolean;
  /** Indentation in points (CSS margin, padding and text-indent, leading spaces). */
  readonly indent: number;
  readonly header: boolean;
}

export interface GridRow {
  readonly line: number;
  readonly column: number;
  readonly cells: readonly GridCell[];
  /** Inside `thead`. */
  readonly inHead: boolean;
}

const SIGN_BEFORE = /^(?:US\$|[$¥€£(]|\$\s*\()$/;
const SIGN_AFTER = /^(?:\)|%|\)%|%\))$/;
const YEAR = /^(?:fiscal\s+)?(?:19|20)\d\d\s*\**$/i;

/** `$` and `(` cells joined to the figure after them, `)` and `%` cells to the figure before (the figure keeps its place). */
function joinSigns(cells: readonly GridCell[]): GridCell[] {
  const out: GridCell[] = [];
  let pending: GridCell | undefined;
  for (const c of cells) {
    if (SIGN_BEFORE.test(c.text)) {
      pending = pending ? { ...pending, text: pending.text + c.text } : c;
      continue;
    }
    if (SIGN_AFTER.test(c.text) && out.length && !pending && /\d$|^[-–—]$|\(\s*[\d.,]+$/.test(out[out.length - 1]!.text)) {
      const prev = out[out.length - 1]!;
      out[out.length - 1] = { ...prev, text: prev.text + c.text, ...(c.marks ? { marks: [...(prev.marks ?? []), ...c.marks] } : {}) };
      continue;
    }
    if (pending && /^[\d.(\-–—]/.test(c.text)) out.push({ ...c, text: `${pending.text}${c.text}` });
    else {
      if (pending) out.push(pending);
      out.push(c);
    }
    pending = undefined;
  }
  if (pending) out.push(pending);
  return out;
}

function isFigure(text: string): boolean {
  // "USD (1)" is a currency heading with a footnote mark, not minus one dollar.
  if (/^[A-Z]{3}\s*\(\d{1,2}\)$/.test(text)) return false;
  const p = parsePrinted(text);
  return (p.kind === 'number' || p.kind === 'nil') && !YEAR.test(text);
}

/** The rows that are column headers: `thead`, else the leading rows that print no figure but do print column text. */
function headerCount(rows: readonly GridCell[][], grid: readonly GridRow[]): number {
  const inHead = grid.findIndex((r) => !r.inHead);
  if (inHead > 0) return inHead;
  let n = 0;
  for (const cells of rows) {
    if (cells.some((c) => c.start > 0 && isFigure(c.text))) break;
    const label = cells.find((c) => c.start === 0);
    const columnText = cells.some((c) => c.start > 0);
    if (label && !columnText) break;
    n++;
  }
  return n;
}

/** Levels from indents in points: the distinct indents of the table's labels, smallest first, 2pt apart at least. */
function levels(indents: readonly number[]): (pt: number) => number {
  const steps = [...new Set(indents.map((i) => Math.round(i / 2)))].sort((a, b) => a - b);
  return (pt) => Math.max(0, steps.indexOf(Math.round(pt / 2)));
}

/**
 * The model table of an HTML grid, or undefined when the grid prints no figure in a body row (a layout table: a
 * letterhead, a contact block), whose text the caller reads as prose instead.
 */
export function gridTable(grid: readonly GridRow[]): Table | undefined {
  const rows = grid.map((r) => joinSigns(r.cells.filter((c) => c.text)));
  const keep = rows.map((cells, i) => (cells.length ? i : -1)).filter((i) => i >= 0);
  const texts = keep.map((i) => rows[i]!);
  const heads = headerCount(texts, keep.map((i) => grid[i]!));
  const body = texts.slice(heads);
  const anchors = [...new Set(body.flatMap((cells) => cells.filter((c) => c.start > 0 && isFigure(c.text)).map((c) => c.end)))].sort((a, b) => a - b);
  if (!anchors.length) return undefined;
  const columnOf = (c: GridCell): number | undefined => {
    const inside = anchors.findIndex((a) => a >= c.start && a <= c.end);
    if (inside >= 0) return inside;
    const region = anchors.findIndex((a) => c.end <= a);
    return region >= 0 ? region : undefined;
  };
  const firstStart = Math.min(...body.flatMap((cells) => cells.filter((c) => c.start > 0 && isFigure(c.text)).map((c) => c.start)));
  const isLabel = (c: GridCell) => c.start === 0 || (c.end < firstStart && !isFigure(c.text));
  const level = levels(body.flatMap((cells) => cells.filter((c) => c.start === 0).map((c) => c.indent)));
  const carry = !texts.slice(0, heads).some((cells) => cells.some((c) => c.end > c.start));

  const header: HeaderRow[] = texts.slice(0, heads).map((cells, r) => {
    const labelCells = cells.filter(isLabel);
    const out: HeaderCell[] = [];
    for (const c of cells) {
      if (isLabel(c)) continue;
      const cover = anchors.map((a, j) => (a >= c.start && a <= c.end ? j : -1)).filter((j) => j >= 0);
      const first = cover.length ? cover[0]! : columnOf(c);
      if (first === undefined || out.some((o) => o.first === first)) continue;
      const { start: _s, end: _e, bold: _b, indent: _i, header: _h, ...cell } = c;
      out.push({ ...cell, first, span: cover.length || 1 });
    }
    // kessan's own pages (and other plain HTML) print a spanning header once, over blank cells: carry it right.
    if (carry && r < heads - 1) {
      out.forEach((c, k) => {
        const next = out[k + 1]?.first ?? anchors.length;
        (out[k] as { span: number }).span = next - c.first;
      });
    }
    const label = labelCells.map((c) => c.text).join(' ');
    return { line: grid[keep[r]!]!.line, column: grid[keep[r]!]!.column, ...(label ? { label: { ...pos(labelCells[0]!), text: label } } : {}), cells: out };
  });

  const bodyRows: BodyRow[] = body.map((cells, r) => {
    const source = grid[keep[heads + r]!]!;
    const labelCells = cells.filter(isLabel);
    const slots: (Cell | undefined)[] = anchors.map(() => undefined);
    const stray: Cell[] = [];
    for (const c of cells) {
      if (isLabel(c)) continue;
      const j = columnOf(c);
      const cell = { ...pos(c), text: c.text, ...(c.marks ? { marks: c.marks } : {}) };
      if (j === undefined || slots[j]) stray.push(cell);
      else slots[j] = cell;
    }
    const first = labelCells[0];
    return {
      line: first?.line ?? source.line, column: first?.column ?? source.column,
      label: splitLabelMark(labelCells.map((c) => c.text).join(' ')).label, indent: first ? level(first.indent) : 0,
      bold: labelCells.length > 0 && labelCells.every((c) => c.bold), cells: slots, ...(stray.length ? { stray } : {}),
    };
  });
  return { kind: 'table', line: grid[keep[0]!]!.line, column: grid[keep[0]!]!.column, width: anchors.length, header, rows: bodyRows };
}

function pos(c: Cell): { line: number; column: number } {
  return { line: c.line, column: c.column };
}
