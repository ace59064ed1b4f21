/**
 * The HTML front end: a real HTML5 parser (parse5) builds the tree a browser would, and a walk of it gives the
 * release's headings, paragraphs and tables with the line and column of every piece. Hidden content
 * (`display:none`, as around an Inline XBRL header, scripts, styles) is not part of the release as printed.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { gridTable, type GridCell, type GridRow } from './html-table.js';
import type { ReleaseBlock, ReleaseDocument } from './model.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type Text = DefaultTreeAdapterMap['textNode'];

/** A piece of text as printed, with its style and place. */
interface Run {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly bold: boolean;
  readonly mark: boolean;
}

interface Style {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly sup: boolean;
}

const SKIP = new Set(['head', 'script', 'style', 'template', 'noscript', 'title', 'ix:header', 'object', 'svg', 'math']);
const BLOCK = new Set([
  'p', 'div', 'address', 'li', 'ul', 'ol', 'blockquote', 'center', 'pre', 'section', 'article', 'header', 'footer', 'main', 'nav',
  'dl', 'dt', 'dd', 'hr', 'body', 'html', 'form', 'figure', 'figcaption', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th',
]);
const MARK = /^\(?(?:[a-z]|\d{1,2}|\*{1,3}|[†‡§])\)?$/i;

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function styleOf(el: Element): string {
  return (attr(el, 'style') ?? '').toLowerCase();
}

function hidden(el: Element): boolean {
  return SKIP.has(el.tagName) || /display\s*:\s*none/.test(styleOf(el)) || attr(el, 'hidden') !== undefined;
}

function childStyle(el: Element, s: Style): Style {
  const css = styleOf(el);
  const tag = el.tagName;
  const bold = s.bold || tag === 'b' || tag === 'strong' || /font-weight\s*:\s*(?:bold|[6-9]00)/.test(css) || /^h[1-6]$/.test(tag);
  const italic = s.italic || tag === 'i' || tag === 'em' || /font-style\s*:\s*italic/.test(css);
  const sup = s.sup || tag === 'sup' || /vertical-align\s*:\s*super/.test(css);
  return bold === s.bold && italic === s.italic && sup === s.sup ? s : { bold, italic, sup };
}

/** Where the first printed character of a text node is: its node's place plus the whitespace and `&nbsp;`s before it. */
function runStart(node: Text, source: string): { line: number; column: number } {
  const loc = node.sourceCodeLocation;
  if (!loc) return { line: 1, column: 1 };
  let { startLine: line, startCol: column } = loc;
  const raw = source.slice(loc.startOffset, loc.endOffset);
  const lead = /^(?:\s|&nbsp;|&#160;|&#xa0;)*/i.exec(raw)![0];
  for (const ch of lead) {
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** Indentation a label cell prints, in points: CSS margins, padding, text-indent on it and inside it, and leading spaces. */
function indentOf(el: Element): number {
  let pt = 0;
  const walk = (e: Element, depth: number) => {
    const css = styleOf(e);
    for (const m of css.matchAll(/(?:^|;|\s)(margin-left|padding-left|text-indent)\s*:\s*(-?[\d.]+)(pt|px|em|in|pc|%)?/g)) pt += toPoints(Number(m[2]), m[3]);
    const margin = /(?:^|;|\s)margin\s*:\s*([^;]+)/.exec(css)?.[1]?.trim().split(/\s+/);
    if (margin?.length === 4) {
      const m = /(-?[\d.]+)(pt|px|em|in|pc)?/.exec(margin[3]!);
      if (m) pt += toPoints(Number(m[1]), m[2]);
    }
    if (depth < 3) for (const c of e.childNodes) if ('tagName' in c) walk(c, depth + 1);
  };
  walk(el, 0);
  return pt;
}

function toPoints(n: number, unit: string | undefined): number {
  if (!Number.isFinite(n)) return 0;
  switch (unit) {
    case 'px':
      return n * 0.75;
    case 'em':
      return n * 10;
    case 'in':
      return n * 72;
    case 'pc':
      return n * 12;
    case '%':
      return 0;
    default:
      return n;
  }
}

function textOfRuns(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Collects the text runs under a node (a cell or an inline stretch), `<br>` as a space. */
function collectRuns(node: Node, style: Style, source: string, out: Run[]): void {
  if (node.nodeName === '#text') {
    const t = node as Text;
    if (!t.value) return;
    const at = runStart(t, source);
    out.push({ text: t.value, ...at, bold: style.bold, mark: style.sup || (style.italic && MARK.test(t.value.trim())) });
    return;
  }
  if (!('tagName' in node)) return;
  const el = node as Element;
  if (hidden(el)) return;
  if (el.tagName === 'br') {
    out.push({ text: ' ', line: 0, column: 0, bold: style.bold, mark: false });
    return;
  }
  const s = childStyle(el, style);
  for (const c of el.childNodes) collectRuns(c, s, source, out);
}

/** A table cell as the grid needs it: main text, footnote marks apart, place, weight, indent. */
function gridCell(el: Element, start: number, span: number, source: string): GridCell {
  const runs: Run[] = [];
  collectRuns(el, childStyle(el, { bold: false, italic: false, sup: false }), source, runs);
  const main = runs.filter((r) => !r.mark);
  const marks = runs.filter((r) => r.mark).map((r) => r.text.trim()).filter(Boolean);
  const text = textOfRuns(main);
  const first = main.find((r) => r.text.replace(/[\s\u00a0]/g, '') && r.line > 0) ?? { line: el.sourceCodeLocation?.startLine ?? 1, column: el.sourceCodeLocation?.startCol ?? 1 };
  const printed = main.filter((r) => r.text.trim());
  const leading = /^[\s\u00a0]*/.exec(main.map((r) => r.text).join('').replace(/^\s*\n\s*/, ''))![0].replace(/\n/g, '').length;
  return {
    text, line: first.line, column: first.column, start, end: start + span - 1,
    bold: printed.length > 0 && printed.every((r) => r.bold), indent: indentOf(el) + leading * 4, header: el.tagName === 'th',
    ...(marks.length ? { marks } : {}),
  };
}

function rowsOf(table: Element): { tr: Element; inHead: boolean }[] {
  const out: { tr: Element; inHead: boolean }[] = [];
  const visit = (el: Element, inHead: boolean) => {
    for (const c of el.childNodes) {
      if (!('tagName' in c)) continue;
      if (c.tagName === 'tr') out.push({ tr: c, inHead });
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c, c.tagName === 'thead');
    }
  };
  visit(table, false);
  return out;
}

/** The grid of a table: every cell placed at its column, spans honoured (rowspan cells belong to their first row). */
function gridOf(table: Element, source: string): GridRow[] {
  const taken: Set<number>[] = [];
  return rowsOf(table).map(({ tr, inHead }, r) => {
    const used = (taken[r] ??= new Set());
    const cells: GridCell[] = [];
    let col = 0;
    for (const c of tr.childNodes) {
      if (!('tagName' in c) || (c.tagName !== 'td' && c.tagName !== 'th')) continue;
      while (used.has(col)) col++;
      const span = clampSpan(attr(c, 'colspan'));
      const down = clampSpan(attr(c, 'rowspan'));
      for (let k = 0; k < down; k++) for (let j = 0; j < span; j++) (taken[r + k] ??= new Set()).add(col + j);
      cells.push(gridCell(c, col, span, source));
      col += span;
    }
    const loc = tr.sourceCodeLocation;
    return { line: loc?.startLine ?? 1, column: loc?.startCol ?? 1, cells, inHead };
  });
}

function clampSpan(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function hasNestedTable(el: Element): boolean {
  for (const c of el.childNodes) {
    if (!('tagName' in c)) continue;
    if (c.tagName === 'table' || hasNestedTable(c)) return true;
  }
  return false;
}

/** Reads an HTML release into the release model. */
export function readHtml(source: string, file: string): ReleaseDocument {
  const doc = parse(source, { sourceCodeLocationInfo: true });
  const blocks: ReleaseBlock[] = [];
  let runs: Run[] = [];
  let level: number | undefined;
  const flush = () => {
    const text = textOfRuns(runs.filter((r) => !r.mark || true));
    const first = runs.find((r) => r.line > 0 && r.text.replace(/[\s\u00a0]/g, ''));
    if (text && first) {
      const printed = runs.filter((r) => r.text.replace(/[\s\u00a0]/g, ''));
      const allBold = printed.every((r) => r.bold);
      const capitals = text.length <= 120 && /[A-Z]{2}/.test(text) && !/[a-z]/.test(text) && !/[.!?]$/.test(text);
      const heading = level ?? (allBold || capitals ? 7 : undefined);
      blocks.push(heading ? { kind: 'heading', level: heading, text, line: first.line, column: first.column } : { kind: 'paragraph', text, line: first.line, column: first.column });
    }
    runs = [];
  };
  const walk = (node: Node, style: Style) => {
    if (node.nodeName === '#text') {
      collectRuns(node, style, source, runs);
      return;
    }
    if (!('tagName' in node)) {
      for (const c of (node as { childNodes?: Node[] }).childNodes ?? []) walk(c, style);
      return;
    }
    const el = node as Element;
    if (hidden(el)) return;
    if (el.tagName === 'br') return flush();
    if (el.tagName === 'table') {
      flush();
      const table = hasNestedTable(el) ? undefined : gridTable(gridOf(el, source));
      if (table) blocks.push(table);
      // A layout table (letterhead, contact block, a page laid out in cells): its text is prose, cell by cell.
      else for (const { tr } of rowsOf(el)) for (const c of tr.childNodes) (walk(c, style), flush());
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    const h = /^h([1-6])$/.exec(el.tagName);
    if (h) level = Number(h[1]);
    const s = childStyle(el, style);
    for (const c of el.childNodes) walk(c, s);
    if (block) flush();
    if (h) level = undefined;
  };
  walk(doc, { bold: false, italic: false, sup: false });
  flush();
  return { file, form: 'html', blocks };
}
