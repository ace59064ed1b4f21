/**
 * The forms a release comes in, made from the tab-separated form so that tests can read one release in each:
 * space-aligned text (an EDGAR `.txt` exhibit's layout) and HTML tables (a word processor's: `$` and `)` in cells
 * of their own, colspan headers). Made by rule from the source, never edited to fit the reader.
 */
import { splitBlocks } from '../../src/formats/release/read/blocks.js';
import { splitHeader } from '../../src/formats/release/read/markdown.js';
import { cleanCell } from '../../src/formats/release/read/text.js';

/** A table as texts: header rows (label first) whose texts span to the next text in all but the last row, and body rows. */
export interface PlainTable {
  readonly header: readonly (readonly string[])[];
  readonly body: readonly (readonly string[])[];
}

/** Each header text's span: to the next text on its right in every header row but the last (the tab form's rule). */
export function headerSpans(header: readonly (readonly string[])[], width: number): { text: string; first: number; span: number }[][] {
  return header.map((row, r) =>
    row.flatMap((text, j) => {
      if (j === 0 || !text) return [];
      let span = 1;
      if (r < header.length - 1) while (j + span < width && !row[j + span]) span++;
      return [{ text, first: j, span }];
    }),
  );
}

const GAP = 3;

/** A table with its columns aligned by spaces: figures right-aligned, spanning headers centred over dashes. */
export function spacedTable(t: PlainTable, indent = 0): string[] {
  const width = Math.max(...[...t.header, ...t.body].map((r) => r.length));
  const spans = headerSpans(t.header, width);
  const w: number[] = Array.from({ length: width }, () => 1);
  w[0] = Math.max(...t.body.map((r) => r[0]!.length), ...t.header.map((r) => r[0]?.length ?? 0)) + 2;
  for (const r of t.body) r.forEach((c, j) => j > 0 && (w[j] = Math.max(w[j]!, c.length)));
  for (const row of spans) for (const s of row) if (s.span === 1) w[s.first] = Math.max(w[s.first]!, s.text.length);
  const left = (j: number) => indent + w.slice(0, j).reduce((a, b) => a + b, 0) + (j > 0 ? (j - 1) * GAP + GAP : 0);
  const out: string[] = [];
  t.header.forEach((row, r) => {
    const line: string[] = [];
    const put = (at: number, text: string) => {
      while (line.length < at) line.push(' ');
      for (let k = 0; k < text.length; k++) line[at + k] = text[k]!;
    };
    if (row[0]) put(indent, row[0]);
    let rule: string[] | undefined;
    for (const s of spans[r]!) {
      const from = left(s.first);
      const to = left(s.first + s.span - 1) + w[s.first + s.span - 1]!;
      const at = s.span === 1 ? to - s.text.length : from + Math.max(0, Math.floor((to - from - s.text.length) / 2));
      put(at, s.text);
      if (s.span > 1) {
        rule ??= [];
        while (rule.length < to) rule.push(' ');
        for (let k = from; k < to; k++) rule[k] = '-';
      }
    }
    out.push(line.join('').trimEnd());
    if (rule) out.push(rule.join('').trimEnd());
  });
  for (const row of t.body) {
    let line = ' '.repeat(indent) + row[0]!.padEnd(w[0]!);
    for (let j = 1; j < width; j++) line += ' '.repeat(GAP) + (row[j] ?? '').padStart(w[j]!);
    out.push(line.trimEnd());
  }
  return out;
}

/** The tables of tab-separated text, cleaned (markup out), with the lines they take. */
export function tabTables(text: string): { from: number; to: number; table: PlainTable }[] {
  return splitBlocks(text).flatMap((b) => {
    if (b.kind !== 'table') return [];
    const { header, body } = splitHeader(b.rows);
    const clean = (cells: readonly string[]) => cells.map(cleanCell);
    return [{ from: b.line, to: b.rows[b.rows.length - 1]!.line, table: { header: header.map((h) => clean(h.cells)), body: body.map((r) => clean(r.cells)) } }];
  });
}

/** The release with every tab-separated table aligned by spaces instead; the rest of the text as it was. */
export function toSpaced(text: string): string {
  const lines = text.split('\n');
  for (const t of tabTables(text).reverse()) lines.splice(t.from - 1, t.to - t.from + 1, ...spacedTable(t.table));
  return lines.join('\n');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A table in HTML as word processors write it: each data column is three cells (`$`, the digits, `)` or `%`),
 * headers span their three cells (and a spanning header all of its columns' cells), labels indent with CSS.
 */
export function htmlTable(t: PlainTable, indents: readonly number[] = []): string {
  const width = Math.max(...[...t.header, ...t.body].map((r) => r.length));
  const rows: string[] = [];
  for (const row of headerSpans(t.header, width)) {
    const cells = [`<td>${escape(t.header[rows.length]?.[0] ?? '')}</td>`];
    let j = 1;
    for (const s of row) {
      if (s.first > j) cells.push(`<td colspan="${(s.first - j) * 3}"></td>`);
      cells.push(`<td colspan="${s.span * 3}" align="center"><b>${escape(s.text)}</b></td>`);
      j = s.first + s.span;
    }
    if (j < width) cells.push(`<td colspan="${(width - j) * 3}"></td>`);
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  t.body.forEach((row, i) => {
    const cells = [`<td><p style="margin-left:${(indents[i] ?? 0) * 10}pt">${escape(row[0]!)}</p></td>`];
    for (let j = 1; j < width; j++) {
      const m = /^(\$\s*)?(.*?)(\)?%?|%?\)?)$/.exec(row[j] ?? '')!;
      const sign = m[1]?.trim() ?? '';
      let body = m[2]!;
      let after = m[3]!;
      if (after === ')' || after === ')%' || after === '%)') body = body.replace(/\)$/, '');
      if (!/[\d)]$/.test(body + after)) [body, after] = [row[j] ?? '', ''];
      cells.push(`<td>${escape(sign)}</td><td align="right">${escape(body)}</td><td>${escape(after)}</td>`);
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  });
  return `<table border="0" cellspacing="0">\n${rows.join('\n')}\n</table>`;
}
