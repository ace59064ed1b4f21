import { cleanCell } from './text.js';

/** A release split into the blocks the reader cares about, each with its 1-based line number. */
export type Block =
  | { kind: 'heading'; line: number; level: number; text: string; raw: string }
  | { kind: 'table'; line: number; rows: TableLine[] }
  | { kind: 'paragraph'; line: number; text: string; raw: string };

export interface TableLine {
  readonly line: number;
  readonly raw: string;
  /** Cells split on tabs, raw (markup kept). */
  readonly cells: readonly string[];
}

const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** A line that is bold and nothing else: `**TITLE**` (trailing hard-break spaces allowed). */
const BOLD_LINE = /^\s*\*\*\*?(.+?)\*?\*\*\s*$/;

/**
 * Splits the text into headings (markdown `#` lines and whole-line bold), tables (runs of lines that contain
 * a tab) and paragraphs (everything else that is not blank). Line numbers are kept for every piece.
 */
export function splitBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const blocks: Block[] = [];
  let table: TableLine[] | null = null;
  const flush = () => {
    if (table && table.length) blocks.push({ kind: 'table', line: table[0]!.line, rows: table });
    table = null;
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.includes('\t')) {
      (table ??= []).push({ line, raw, cells: raw.split('\t') });
      return;
    }
    flush();
    if (!raw.trim()) return;
    const h = MD_HEADING.exec(raw);
    if (h) {
      blocks.push({ kind: 'heading', line, level: h[1]!.length, text: cleanCell(stripEmphasis(h[2]!)), raw });
      return;
    }
    const b = BOLD_LINE.exec(raw);
    if (b && !b[1]!.includes('**')) {
      blocks.push({ kind: 'heading', line, level: 7, text: cleanCell(stripEmphasis(b[1]!)), raw });
      return;
    }
    blocks.push({ kind: 'paragraph', line, text: cleanCell(stripEmphasis(raw)), raw });
  });
  flush();
  return blocks;
}

function stripEmphasis(s: string): string {
  return s.replace(/\*{1,3}([^*]+)\*{1,3}/g, '$1').replace(/^\*+|\*+$/g, '');
}
