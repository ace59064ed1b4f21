/**
 * The plain-text front end: releases whose tables are aligned with spaces (EDGAR `.txt` exhibits). A table is a
 * run of lines with figures on the right; its data columns come from where the figures end; the lines above it
 * that print over those columns are its header (fragments stacked over the same columns are one header cell);
 * wrapped row labels are joined; rules and page furniture are skipped.
 */
import { splitLabelMark, type BodyRow, type Cell, type HeaderCell, type HeaderRow, type ReleaseBlock, type ReleaseDocument, type Table } from './model.js';
import { cleanCell } from './text.js';
import { columnOfToken, findColumns, readLine, type Chunk, type PlainColumn, type PlainLine } from './plain-lines.js';

/** A text line that reaches into the columns (a header fragment, a footnote across the page), not only the label area. */
function reachesColumns(l: PlainLine, colLeft: number): boolean {
  return l.label.some((c) => c.end > colLeft);
}

/**
 * Header lines print a fragment that starts over the columns (right of where the body's labels end, or at the
 * figures' left edge); a label-area line directly above one belongs to it.
 */
function startsOverColumns(l: PlainLine, colLeft: number, labelRight = colLeft): boolean {
  return l.kind === 'years' || l.label.some((c) => c.start >= Math.min(colLeft - 2, labelRight + 2));
}

interface Span {
  first: number;
  last: number;
}

/** Finds the tables: runs of figure lines, joined over blank lines, rules and label-only lines. */
function findTables(lines: readonly PlainLine[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind !== 'figures') {
      i++;
      continue;
    }
    const span = { first: i, last: i };
    let colLeft = Math.min(...lines[i]!.tokens.map((t) => t.start));
    let blanks = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.kind === 'blank') {
        if (++blanks >= 2) break;
        continue;
      }
      if (l.kind === 'rule') continue;
      if (l.kind === 'years') break;
      // A text line over the columns ends the table (a footnote, another table's header) unless it is one run of
      // words right above a figure line: a long label wrapped onto it.
      if (l.kind === 'text' && reachesColumns(l, colLeft) && !(l.label.length === 1 && lines[j + 1]?.kind === 'figures')) break;
      blanks = 0;
      if (l.kind === 'figures') {
        span.last = j;
        colLeft = Math.min(colLeft, ...l.tokens.map((t) => t.start));
      }
    }
    spans.push(span);
    i = span.last + 1;
  }
  return spans;
}

const CONNECTOR = /(?:,|\/|-|&|\b(?:and|or|of|for|to|in|on|from|per|the|a|an|by|with|before|after|under|less|net|at))$/i;

function labelText(l: PlainLine): string {
  return l.label.map((c) => c.text).join(' ');
}

function isHeadingText(t: string): boolean {
  return /:$/.test(t) || (/[A-Z]{2}/.test(t) && !/[a-z]/.test(t));
}

/** Whether `next` continues the wrapped label `pending` (see the module comment of the reader's README section). */
function continues(pending: { text: string; indent: number; contIndent?: number }, next: PlainLine, after: PlainLine | undefined): boolean {
  const label = labelText(next);
  if (!label) return next.kind === 'figures';
  if (isHeadingText(pending.text)) return false;
  const deeper = pending.contIndent !== undefined ? next.indent === pending.contIndent || (next.indent > pending.indent && next.indent - pending.indent <= 4) : next.indent > pending.indent && next.indent - pending.indent <= 4;
  if (!deeper) return false;
  if (pending.contIndent !== undefined && next.indent === pending.contIndent) return true;
  if (/^[a-z(&]/.test(label) || CONNECTOR.test(pending.text)) return true;
  // One deeper line with figures, then back out: the two lines are one label, not a heading with one row.
  return next.kind === 'figures' && (!after || after.kind === 'blank' || after.indent <= pending.indent);
}

function cellOf(c: Chunk, line: number, text = c.text): Cell {
  return { text, line: line + 1, column: c.start + 1 };
}

/** Column cover of a header fragment: the columns whose figures it stands over, else the one it ends in. */
function cover(c: Chunk, columns: readonly PlainColumn[]): { first: number; span: number } | undefined {
  const end = c.start + c.text.replace(/\s*(?:\*+|\(\d\))$/, '').length;
  const hit = columns.map((col, j) => (c.start <= col.right && end > col.left ? j : -1)).filter((j) => j >= 0);
  if (hit.length) return { first: hit[0]!, span: hit[hit.length - 1]! - hit[0]! + 1 };
  const j = columns.findIndex((col) => end - 1 <= col.right);
  return j >= 0 ? { first: j, span: 1 } : undefined;
}

/**
 * A header fragment over several columns that is really one per column, printed a single space apart ("June 28,
 * January 3,"): split where each piece names a date or year of its own over one column. Spanning words ("Sears
 * Canada") stay whole.
 */
function splitDates(c: Chunk, columns: readonly PlainColumn[]): Chunk[] {
  const whole = cover(c, columns);
  if (!whole || whole.span < 2 || !/\d/.test(c.text)) return [c];
  const words = [...c.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: c.start + m.index }));
  const pieces: Chunk[] = [];
  let from = 0;
  for (let i = 1; i <= words.length; i++) {
    const piece = words.slice(from, i);
    const next = words[i];
    const text = piece.map((w) => w.text).join(' ');
    const ends = /\d,?$/.test(text) || /^\d{4}$/.test(text);
    if (ends && (!next || /^[A-Z]/.test(next.text))) {
      pieces.push({ text, start: piece[0]!.start, end: piece[piece.length - 1]!.start + piece[piece.length - 1]!.text.length });
      from = i;
    }
  }
  if (from !== words.length || pieces.length !== whole.span) return [c];
  const at = pieces.map((p) => cover(p, columns));
  return at.every((a, k) => a && a.span === 1 && a.first === whole.first + k) ? pieces : [c];
}

/** A header cell widened to the dashes under it. */
function ruleSpan<T extends HeaderCell & { sig: string }>(cell: T, segments: readonly Chunk[], columns: readonly PlainColumn[]): T {
  const start = cell.column - 1;
  const end = start + cell.text.length;
  const under = segments.find((s) => s.start < end && s.end > start);
  const at = under ? cover(under, columns) : undefined;
  return at && at.span > cell.span ? { ...cell, first: at.first, span: at.span, sig: `${at.first}+${at.span}` } : cell;
}

interface DraftRow {
  last: number;
  first: PlainLine;
  label: Chunk[];
  cells: (HeaderCell & { sig: string })[];
}

function readHeader(lines: readonly PlainLine[], columns: readonly PlainColumn[], colLeft: number): HeaderRow[] {
  const rows: DraftRow[] = [];
  for (const l of lines) {
    if (l.kind === 'rule') {
      // Dashes under a header line show how far each of its texts spans ("Three Months Ended" over two columns).
      const prev = rows[rows.length - 1];
      if (prev && prev.last === l.index - 1) prev.cells = prev.cells.map((c) => ruleSpan(c, l.label, columns));
      continue;
    }
    if (l.kind === 'blank') continue;
    const parts = l.kind === 'years' ? [...l.label, ...l.tokens] : l.label;
    const label = parts.filter((c) => c.start < colLeft - 2 && c.end <= colLeft);
    const cells: DraftRow['cells'] = [];
    for (const c of parts.flatMap((x) => (label.includes(x) ? [x] : splitDates(x, columns)))) {
      if (label.includes(c)) continue;
      const at = cover(c, columns);
      if (!at || cells.some((x) => x.first === at.first)) continue;
      cells.push({ ...cellOf(c, l.index), ...at, sig: `${at.first}+${at.span}` });
    }
    const prev = rows[rows.length - 1];
    const adjacent = prev !== undefined && prev.last === l.index - 1;
    const sig = cells.map((c) => c.sig).join(',');
    if (adjacent && sig && sig === prev.cells.map((c) => c.sig).join(',')) {
      // Fragments stacked over the same columns on adjacent lines are one header cell ("July 3," / "2004").
      prev.cells = prev.cells.map((c, k) => ({ ...c, text: `${c.text} ${cells[k]!.text}` }));
      prev.label.push(...label);
      prev.last = l.index;
      continue;
    }
    if (adjacent && !prev.cells.length) {
      // A label-area line wrapped onto the next ("(millions, except earnings per" / "common share)").
      prev.label.push(...label);
      prev.cells = cells;
      prev.last = l.index;
      continue;
    }
    if (adjacent && !cells.length && !lines.some((x) => x.index === l.index + 1 && x.kind !== 'blank' && x.kind !== 'rule')) {
      prev.label.push(...label);
      prev.last = l.index;
      continue;
    }
    rows.push({ last: l.index, first: l, label, cells });
  }
  return rows.map((r) => {
    const label = r.label.map((c) => c.text).join(' ');
    return {
      line: r.first.index + 1, column: r.first.indent + 1, ...(label ? { label: { ...cellOf(r.label[0]!, r.first.index), text: label } } : {}),
      cells: r.cells.map(({ sig: _s, ...c }) => c),
    };
  });
}

function readBody(lines: readonly PlainLine[], columns: readonly PlainColumn[]): BodyRow[] {
  const rows: BodyRow[] = [];
  const indents = [...new Set(lines.filter((l) => l.label.length).map((l) => l.indent))].sort((a, b) => a - b);
  let pending: { text: string; indent: number; contIndent?: number; line: PlainLine } | undefined;
  const emit = (text: string, first: PlainLine, figures: PlainLine | undefined) => {
    const cells: (Cell | undefined)[] = columns.map(() => undefined);
    const stray: Cell[] = [];
    for (const t of figures?.tokens ?? []) {
      const j = columnOfToken(t, columns);
      const cell = cellOf(t, figures!.index);
      if (j === undefined || cells[j]) stray.push(cell);
      else cells[j] = cell;
    }
    rows.push({ line: first.index + 1, column: first.indent + 1, label: splitLabelMark(text).label, indent: Math.max(0, indents.indexOf(first.indent)), bold: false, cells, ...(stray.length ? { stray } : {}) });
  };
  const content = lines.filter((l) => l.kind !== 'rule');
  content.forEach((l, k) => {
    if (l.kind === 'blank') {
      if (pending) emit(pending.text, pending.line, undefined);
      pending = undefined;
      return;
    }
    if (pending && continues(pending, l, content[k + 1])) {
      const more = labelText(l);
      if (more) {
        pending.text = `${pending.text} ${more}`;
        pending.contIndent ??= l.indent;
      }
      if (l.kind !== 'figures') return;
      emit(pending.text, pending.line, l);
      pending = undefined;
      return;
    }
    if (pending) emit(pending.text, pending.line, undefined);
    pending = undefined;
    if (l.kind === 'figures') emit(labelText(l), l, l);
    else pending = { text: labelText(l), indent: l.indent, line: l };
  });
  if (pending) emit(pending.text, pending.line, undefined);
  return rows;
}

const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BOLD_LINE = /^\s*\*\*\*?(.+?)\*?\*\*\s*$/;

/**
 * Blocks of prose: runs of non-blank lines; a short one in capitals is a heading, and so are markdown `#` lines
 * and whole-line bold (the example's form with its tables aligned by spaces).
 */
function proseBlocks(lines: readonly PlainLine[], out: ReleaseBlock[]): void {
  let run: PlainLine[] = [];
  const flush = () => {
    if (!run.length) return;
    const text = cleanCell(run.map((l) => l.raw.trim()).join(' ').replace(/\*{1,3}([^*]+)\*{1,3}/g, '$1'));
    const heading = run.length <= 3 && text.length <= 120 && /[A-Z]{2}/.test(text) && !/[a-z]/.test(text);
    out.push({ kind: heading ? 'heading' : 'paragraph', ...(heading ? { level: 7 } : {}), text, line: run[0]!.index + 1, column: run[0]!.indent + 1 });
    run = [];
  };
  for (const l of lines) {
    const h = MD_HEADING.exec(l.raw) ?? BOLD_LINE.exec(l.raw);
    if (h && !(h[2] ?? h[1])!.includes('**')) {
      flush();
      const text = cleanCell((h[2] ?? h[1])!.replace(/\*{1,3}([^*]+)\*{1,3}/g, '$1').replace(/^\*+|\*+$/g, ''));
      if (text) out.push({ kind: 'heading', level: h[2] !== undefined ? h[1]!.length : 7, text, line: l.index + 1, column: l.indent + 1 });
    } else if (l.kind === 'blank' || l.kind === 'rule') flush();
    else run.push(l);
  }
  flush();
}

/** Reads plain text with space-aligned tables into the release model. */
export function readPlain(text: string, file: string): ReleaseDocument {
  const lines = text.split(/\r\n|\n|\r/).map(readLine);
  const blocks: ReleaseBlock[] = [];
  let from = 0;
  for (const span of findTables(lines)) {
    const figureLines = lines.slice(span.first, span.last + 1);
    const columns = findColumns(figureLines.filter((l) => l.kind === 'figures'));
    const colLeft = Math.min(...columns.map((c) => c.left));
    const labelRight = Math.max(0, ...figureLines.filter((l) => l.kind === 'figures').flatMap((l) => l.label.map((c) => c.end)));
    // Up from the first figure line: its wrapped label or headings, then the header lines over the columns.
    let top = span.first;
    while (top > from && lines[top - 1]!.kind === 'text' && !reachesColumns(lines[top - 1]!, colLeft)) top--;
    let head = top;
    let k = top - 1;
    while (k >= from) {
      const l = lines[k]!;
      if (l.kind === 'blank' || l.kind === 'rule') {
        if (lines[k - 1]?.kind === 'blank') break;
        k--;
        continue;
      }
      const over = startsOverColumns(l, colLeft, labelRight);
      const attached = !over && l.kind === 'text' && !reachesColumns(l, colLeft) && lines[k + 1] && startsOverColumns(lines[k + 1]!, colLeft, labelRight);
      if (!over && !attached) break;
      head = k;
      k--;
    }
    proseBlocks(lines.slice(from, head), blocks);
    const header = readHeader(lines.slice(head, top), columns, colLeft);
    const rows = readBody(lines.slice(top, span.last + 1), columns);
    const table: Table = { kind: 'table', line: head + 1, column: 1, width: columns.length, header, rows };
    blocks.push(table);
    from = span.last + 1;
  }
  proseBlocks(lines.slice(from), blocks);
  return { file, form: 'plain', blocks };
}
