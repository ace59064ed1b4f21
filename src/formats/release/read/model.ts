/**
 * One model of a release, whatever form it came in (tab-separated text, space-aligned text, HTML): blocks of
 * prose and tables. The tagger reads only this model; each front end (markdown.ts, plain.ts, html.ts) builds it.
 * Every piece keeps where it was printed (1-based line and column of the source file).
 */

/** Which front end read the document. */
export type ReleaseForm = 'markdown' | 'plain' | 'html';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One printed cell: its text as a reader sees it (markup and footnote marks out, whitespace collapsed). */
export interface Cell extends Position {
  readonly text: string;
  /** Footnote marks printed with the cell (`<sup>4</sup>`, an italic `(a)`, a trailing `(1)` in text). */
  readonly marks?: readonly string[];
}

/** A header cell over one or more data columns (0-based, left to right, the row label column not counted). */
export interface HeaderCell extends Cell {
  readonly first: number;
  readonly span: number;
}

/** A header row: its cells over the data columns, and text printed in the label column, if any. */
export interface HeaderRow extends Position {
  readonly label?: Cell;
  readonly cells: readonly HeaderCell[];
}

/** A body row: a label (possibly wrapped over several lines, joined), its indent level and weight, and one slot per data column. */
export interface BodyRow extends Position {
  readonly label: string;
  /** 0 for the outermost rows; one more per step of indentation the release printed. */
  readonly indent: number;
  readonly bold: boolean;
  /** One entry per data column; undefined where the row prints nothing in that column. */
  readonly cells: readonly (Cell | undefined)[];
  /** Printed cells that fall in no data column (right of the last one, or between columns in HTML spacer cells). */
  readonly stray?: readonly Cell[];
}

export interface Table extends Position {
  readonly kind: 'table';
  readonly width: number;
  readonly header: readonly HeaderRow[];
  readonly rows: readonly BodyRow[];
}

export interface TextBlock extends Position {
  readonly kind: 'heading' | 'paragraph';
  /** Headings: 1-6 as in HTML and markdown; 7 for a line that is only bold or only capitals. */
  readonly level?: number;
  readonly text: string;
}

export type ReleaseBlock = TextBlock | Table;

export interface ReleaseDocument {
  readonly file: string;
  readonly form: ReleaseForm;
  readonly blocks: readonly ReleaseBlock[];
}

/** A cell at a position. */
export function cellAt(text: string, line: number, column: number, marks?: readonly string[]): Cell {
  return marks?.length ? { text, line, column, marks } : { text, line, column };
}

const LABEL_MARK = /\s*(?:\((?:\d{1,2}|[a-z])\)|\*{1,3})$/;

/** A row label without the footnote mark printed after it ("Cost of sales (1)", "2003*"), and the mark. */
export function splitLabelMark(label: string): { label: string; mark?: string } {
  const m = LABEL_MARK.exec(label);
  if (!m || m.index === 0) return { label };
  return { label: label.slice(0, m.index), mark: m[0].trim() };
}
