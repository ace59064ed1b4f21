/**
 * The markdown-like front end: the example's form, with `#` headings, bold lines as titles and tables as runs
 * of tab-separated lines. It turns blocks.ts's blocks into the release model one for one (same order), so the
 * raw blocks can stay beside the model as the layout the text and Inline XBRL writers know.
 */
import { splitBlocks, type Block, type TableLine } from './blocks.js';
import type { BodyRow, Cell, HeaderCell, HeaderRow, ReleaseBlock, ReleaseDocument, Table } from './model.js';
import { cleanCell, footnoteMarks, isBold } from './text.js';

/** Header rows are the leading rows whose label cell is empty. */
export function splitHeader(lines: readonly TableLine[]): { header: TableLine[]; body: TableLine[] } {
  let i = 0;
  while (i < lines.length && !cleanCell(lines[i]!.cells[0] ?? '')) i++;
  return { header: lines.slice(0, i), body: lines.slice(i) };
}

/** 1-based column where each tab-separated cell starts. */
function cellColumns(cells: readonly string[]): number[] {
  const out: number[] = [];
  let offset = 0;
  for (const c of cells) {
    out.push(offset + 1);
    offset += c.length + 1;
  }
  return out;
}

function cellOf(raw: string, line: number, column: number): Cell | undefined {
  const text = cleanCell(raw);
  if (!text) return undefined;
  const marks = raw.includes('<') ? footnoteMarks(raw) : [];
  return marks.length ? { text, line, column, marks } : { text, line, column };
}

/**
 * Tab-separated header rows as header cells with spans: a text spans the blank cells to its right in every
 * header row but the last (a period over its USD/JPY/% columns); in the last row each text is one column's.
 */
export function tabHeader(rows: readonly { line: number; cells: readonly string[] }[], width: number): HeaderRow[] {
  return rows.map((row, r) => {
    const columns = cellColumns(row.cells);
    const cells: HeaderCell[] = [];
    const last = r === rows.length - 1;
    for (let j = 1; j < width; j++) {
      const cell = cellOf(row.cells[j] ?? '', row.line, columns[j] ?? 1);
      if (!cell) continue;
      let span = 1;
      if (!last) while (j + span < width && !cleanCell(row.cells[j + span] ?? '')) span++;
      cells.push({ ...cell, first: j - 1, span });
    }
    const label = cellOf(row.cells[0] ?? '', row.line, 1);
    return { line: row.line, column: 1, ...(label ? { label } : {}), cells };
  });
}

function tableOf(block: Extract<Block, { kind: 'table' }>): Table {
  const width = block.rows.reduce((w, l) => Math.max(w, l.cells.length), 1);
  const { header, body } = splitHeader(block.rows);
  const rows: BodyRow[] = body.map((line) => {
    const columns = cellColumns(line.cells);
    const cells: (Cell | undefined)[] = [];
    for (let j = 1; j < width; j++) cells.push(cellOf(line.cells[j] ?? '', line.line, columns[j] ?? 1));
    return { line: line.line, column: 1, label: cleanCell(line.cells[0] ?? ''), indent: 0, bold: isBold(line.cells[0] ?? ''), cells };
  });
  return { kind: 'table', line: block.line, column: 1, width: width - 1, header: tabHeader(header, width), rows };
}

/** The release model of markdown-like text, and its raw blocks (same order, one for one). */
export function readMarkdown(text: string, file: string): { doc: ReleaseDocument; raw: Block[] } {
  const raw = splitBlocks(text);
  const blocks: ReleaseBlock[] = raw.map((b) =>
    b.kind === 'table' ? tableOf(b) : b.kind === 'heading' ? { kind: 'heading', line: b.line, column: 1, level: b.level, text: b.text } : { kind: 'paragraph', line: b.line, column: 1, text: b.text },
  );
  return { doc: { file, form: 'markdown', blocks }, raw };
}
