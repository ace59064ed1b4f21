/**
 * The CSV tokenizer for xBRL-CSV tables: RFC 4180 as xBRL-CSV §2.2 takes it (UTF-8, comma-separated, records
 * ending in CR LF, LF or CR, fields optionally quoted with `"` and quotes doubled inside).
 *
 * Our own rather than a library's (csv-parse, papaparse): every record and cell needs its line and column for
 * messages and for where each fact was read, which csv-parse gives only at about eight times the cost (10 s
 * instead of 1.3 s for two million rows); quoting errors must be refused, not repaired; and a field or a row
 * must be bounded while it is read, not after. A string scan with `indexOf` does all that in one pass.
 *
 * Errors are KessanErrors `xbrlce:invalidCSVFileFormat` (a quote where none may be, one never closed) or
 * `kessan:csvLimit` (a field or a row over the limits), with file, line and column.
 */
import { KessanError } from '../../../core/errors.js';

export interface CsvRecord {
  readonly cells: readonly string[];
  /** Where each cell starts (1-based line and column, in UTF-16 code units). */
  readonly lines: readonly number[];
  readonly columns: readonly number[];
  /** Cells past `maxCells` that are not empty (their 1-based positions in the record); not kept. */
  readonly overflow?: readonly number[];
}

export interface CsvLimits {
  /** Longest field, in UTF-16 code units. */
  readonly maxField: number;
  /** Most cells kept in a record (later ones are only checked for being empty); at least 1. */
  readonly maxCells: (recordIndex: number) => number;
}

/** Calls `onRecord` for each record in `text` (the header first); stops early when it returns false. */
export function readCsv(text: string, file: string, limits: CsvLimits, onRecord: (r: CsvRecord, index: number) => boolean | void): void {
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let index = 0;
  const fail = (code: string, message: string, at: number, atLine = line, atLineStart = lineStart) => {
    throw new KessanError(code, message, { file, line: atLine, column: at - atLineStart + 1 }, 1);
  };
  while (i < n) {
    const cells: string[] = [];
    const lines: number[] = [];
    const columns: number[] = [];
    let overflow: number[] | undefined;
    const max = Math.max(1, limits.maxCells(index));
    let position = 0;
    for (;;) {
      position++;
      const startLine = line;
      const startColumn = i - lineStart + 1;
      let value: string;
      if (text.charCodeAt(i) === 34) {
        // Quoted: up to the closing quote, `""` standing for one quote; line ends inside are part of the value.
        const open = i;
        const openLineStart = lineStart;
        let parts = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) fail('xbrlce:invalidCSVFileFormat', 'a quoted cell is never closed (a quote is missing)', open, startLine, openLineStart);
          countLines(from, q);
          parts += text.slice(from, q);
          if (parts.length > limits.maxField) fail('kessan:csvLimit', `a cell is longer than ${limits.maxField} characters`, open, startLine, openLineStart);
          if (text.charCodeAt(q + 1) === 34) {
            parts += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        value = parts;
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && c !== 13) fail('xbrlce:invalidCSVFileFormat', `${JSON.stringify(text[i])} after the closing quote of a cell (a quote inside a quoted cell must be doubled)`, i);
      } else {
        let end = i;
        for (; end < n; end++) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) fail('xbrlce:invalidCSVFileFormat', 'a quote inside a cell that does not start with one (such a cell must be quoted and its quotes doubled)', end);
        }
        if (end - i > limits.maxField) fail('kessan:csvLimit', `a cell is longer than ${limits.maxField} characters`, i);
        value = text.slice(i, end);
        i = end;
      }
      if (cells.length < max) {
        cells.push(value);
        lines.push(startLine);
        columns.push(startColumn);
      } else if (value !== '') {
        if ((overflow ??= []).length < 10) overflow.push(position);
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      // End of record: CR LF, LF, CR, or the end of the text.
      if (c === 13) i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
      else if (c === 10) i++;
      if (i <= n && (c === 13 || c === 10)) {
        line++;
        lineStart = i;
      }
      break;
    }
    const record: CsvRecord = overflow ? { cells, lines, columns, overflow } : { cells, lines, columns };
    if (onRecord(record, index++) === false) return;
  }

  function countLines(from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) {
        line++;
        lineStart = k + 1;
      }
    }
  }
}
