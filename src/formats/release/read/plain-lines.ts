/**
 * Lines of a plain-text release (an EDGAR `.txt` exhibit) as the space-aligned table reader sees them: the text
 * on the left, the figures on the right (runs of text two or more spaces apart), and the data columns found from
 * where the figures end.
 */
import { parsePrinted } from './figures.js';

/** A run of text with single spaces inside, with its 0-based start and end (exclusive) on its line. */
export interface Chunk {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A figure on a line: its text (a `$` before it joined), where it starts, and its anchor (last digit or the dash). */
export interface Token extends Chunk {
  readonly anchor: number;
  readonly year: boolean;
  readonly nil: boolean;
}

export type LineKind = 'blank' | 'rule' | 'figures' | 'years' | 'text';

export interface PlainLine {
  readonly index: number;
  readonly raw: string;
  readonly kind: LineKind;
  readonly indent: number;
  /** The text left of the figures (the whole line's text for text lines). */
  readonly label: Chunk[];
  readonly tokens: Token[];
}

const YEAR = /^(?:19|20)\d\d\**$/;
const SIGN = /^(?:US\$|[$¥€£])$/;
const RULE = /^[\s=_-]*[=_-]{3,}[\s=_-]*$/;
/** EDGAR's markers inside text documents, and page furniture. */
const FURNITURE = /^\s*(?:<\/?(?:PAGE|TABLE|CAPTION|S|C|FN)>\s*)+$|^\s*(?:-\s*\d{1,3}\s*-|page \d{1,3}(?: of \d{1,3})?)\s*$/i;

export function chunksOf(line: string): Chunk[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function figureToken(text: string, start: number): Token | undefined {
  if (YEAR.test(text)) return { text, start, end: start + text.length, anchor: start + text.replace(/\*+$/, '').length - 1, year: true, nil: false };
  const p = parsePrinted(text);
  if (p.kind !== 'number' && p.kind !== 'nil') return undefined;
  if (p.kind === 'number' && p.suffix && !/^(?:Gbps|Mbps|x)$/i.test(p.suffix)) return undefined;
  // Right-aligned figures end together; a `)` or `%` after the digits hangs past that edge.
  const last = text.replace(/[)%]+$/, '').length - 1;
  return { text, start, end: start + text.length, anchor: start + Math.max(0, last), year: false, nil: p.kind === 'nil' };
}

/**
 * Reads one line: figures taken from the right while they are figures (a `$` printed apart joined to the figure
 * after it), the rest is the label. A figure only one space from the label's words is the label's ("change (2)").
 */
export function readLine(raw: string, index: number): PlainLine {
  const line = raw.replace(/\t/g, '    ').replace(/\f/g, '').replace(/\s+$/, '');
  const indent = /^ */.exec(line)![0].length;
  if (!line.trim() || FURNITURE.test(line)) return { index, raw, kind: 'blank', indent, label: [], tokens: [] };
  if (RULE.test(line)) return { index, raw, kind: 'rule', indent, label: chunksOf(line), tokens: [] };
  const parts = [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index }));
  const tokens: Token[] = [];
  let k = parts.length - 1;
  for (; k >= 0; k--) {
    const p = parts[k]!;
    if (SIGN.test(p.text) && tokens.length && !tokens[0]!.text.startsWith(p.text)) {
      // "$     -", "$  (839)": the sign printed apart from its figure.
      tokens[0] = { ...tokens[0]!, text: `${p.text} ${tokens[0]!.text}`, start: p.start };
      continue;
    }
    const t = figureToken(p.text, p.start);
    if (!t) break;
    tokens.unshift(t);
  }
  while (tokens.length && k >= 0 && tokens[0]!.start - (parts[k]!.start + parts[k]!.text.length) < 2) {
    tokens.shift();
    k++;
  }
  const label = chunksOf(line.slice(0, k >= 0 ? parts[k]!.start + parts[k]!.text.length : 0));
  const kind: LineKind = !tokens.length ? 'text' : tokens.every((t) => t.year) ? 'years' : 'figures';
  return { index, raw, kind, indent, label, tokens };
}

/** A data column: where its figures end (the anchor) and start. */
export interface PlainColumn {
  readonly left: number;
  readonly right: number;
}

/**
 * Columns from the figures' right edges: anchors within two characters of each other are one column (a `)` or a
 * dash may stand a place off); a dash far from every number's edge is its own column.
 */
export function findColumns(lines: readonly PlainLine[]): PlainColumn[] {
  const numbers = lines.flatMap((l) => l.tokens.filter((t) => !t.year && !t.nil));
  const anchors = [...new Set(numbers.map((t) => t.anchor))].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const a of anchors) {
    const g = groups[groups.length - 1];
    if (g && a - g[g.length - 1]! <= 2 && a - g[0]! <= 3) g.push(a);
    else groups.push([a]);
  }
  for (const t of lines.flatMap((l) => l.tokens.filter((x) => x.nil))) {
    if (!groups.some((g) => t.anchor >= g[0]! - 3 && t.anchor <= g[g.length - 1]! + 3)) {
      groups.push([t.anchor]);
      groups.sort((a, b) => a[0]! - b[0]!);
    }
  }
  return groups.map((g) => {
    const lo = g[0]!;
    const hi = g[g.length - 1]!;
    const inside = lines.flatMap((l) => l.tokens).filter((t) => !t.year && t.anchor >= lo - 3 && t.anchor <= hi + 3);
    return { left: Math.min(...inside.map((t) => t.start)), right: hi };
  });
}

/** The column a token belongs to: the one whose edge its anchor is at (within a few characters), else none. */
export function columnOfToken(t: Token, columns: readonly PlainColumn[]): number | undefined {
  let best: number | undefined;
  let dist = Infinity;
  columns.forEach((c, j) => {
    const d = t.anchor > c.right ? t.anchor - c.right : t.anchor < c.right - 3 ? c.right - 3 - t.anchor : 0;
    if (d < dist) [best, dist] = [j, d];
  });
  return dist <= 3 ? best : undefined;
}
