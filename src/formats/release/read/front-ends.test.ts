import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlTable, spacedTable, type PlainTable } from '../../../../test/support/release-forms.js';
import { parsePrinted } from './figures.js';
import { parseRelease, unwrapEdgar } from './form.js';
import type { ReleaseDocument, Table } from './model.js';

const tables = (doc: ReleaseDocument) => doc.blocks.filter((b): b is Table => b.kind === 'table');
const only = (text: string, file = 't') => {
  const { doc } = parseRelease(text, file);
  const t = tables(doc);
  expect(t).toHaveLength(1);
  return t[0]!;
};
const row = (t: Table, label: string) => t.rows.find((r) => r.label === label)!;
const texts = (t: Table, label: string) => row(t, label).cells.map((c) => c?.text ?? '');

describe('HTML front end', () => {
  it('joins $ and ) cells to their figures, reads colspan headers and dates split over two rows', () => {
    const t = only(`<html><body><p>(In millions)</p><table>
<tr><td></td><td></td><td colspan="5" align="center">THREE MONTHS ENDED</td></tr>
<tr><td></td><td></td><td colspan="2">June 26,</td><td></td><td colspan="2">June 28,</td></tr>
<tr><td></td><td></td><td colspan="2">2004</td><td></td><td colspan="2">2003</td></tr>
<tr><td>Net sales</td><td></td><td>$</td><td>2,014</td><td></td><td>$</td><td>1,545</td></tr>
<tr><td><p style="margin-left:20pt">Deferred stock compensation</p></td><td></td><td colspan="2">(103</td><td>)<i>(a)</i></td><td colspan="2">&#151;</td></tr>
</table></body></html>`);
    expect(t.width).toBe(2);
    expect(t.header.map((h) => h.cells.map((c) => `${c.first}+${c.span}:${c.text}`))).toEqual([['0+2:THREE MONTHS ENDED'], ['0+1:June 26,', '1+1:June 28,'], ['0+1:2004', '1+1:2003']]);
    expect(texts(t, 'Net sales')).toEqual(['$2,014', '$1,545']);
    expect(texts(t, 'Deferred stock compensation')).toEqual(['(103)', '—']);
    expect(row(t, 'Deferred stock compensation').cells[0]!.marks).toEqual(['(a)']);
    expect(row(t, 'Deferred stock compensation').indent).toBe(1);
    expect(row(t, 'Net sales').line).toBe(5);
  });

  it('skips a layout table (a letterhead) as prose, and reads inside an EDGAR <DOCUMENT> wrapper with lines kept', () => {
    const html = `<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<html><body><table><tr><td>The Company, Inc.</td><td>phone: 308-236-8491</td></tr></table>\n<table><tr><td></td><td>2024</td></tr>\n<tr><td>Sales</td><td>293,618</td></tr></table></body></html>\n</TEXT>\n</DOCUMENT>\n`;
    expect(unwrapEdgar(html).split('\n')).toHaveLength(html.split('\n').length);
    const { doc } = parseRelease(html, 'x.html');
    expect(doc.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]))).toContain('The Company, Inc.');
    const t = tables(doc);
    expect(t).toHaveLength(1);
    expect(texts(t[0]!, 'Sales')).toEqual(['293,618']);
    expect(row(t[0]!, 'Sales').line).toBe(6);
  });
});

describe('plain-text front end', () => {
  const sears = `
    CONSOLIDATED INCOME

                                          For the 13         For the 26
                                          Weeks Ended        Weeks Ended
                                        July 3, 2004 and   July 3, 2004 and
                                         June 28, 2003      June 28, 2003
    (millions, except earnings per
     common share)                       2004     2003      2004      2003

    REVENUES
     Merchandise sales and services     $8,700  $ 8,851   $16,403   $16,325
     Credit and financial products
      revenues                              81    1,345       172     2,751
     Retirement plan accounting
      change (2)                             -        -      (839)        -
                                        ------   ------    ------    ------
`;
  it('finds columns from right edges, joins stacked header fragments and wrapped labels, keeps $ signs', () => {
    const t = only(sears);
    expect(t.width).toBe(4);
    expect(t.header[0]!.cells.map((c) => `${c.first}+${c.span}:${c.text}`)).toEqual([
      '0+2:For the 13 Weeks Ended July 3, 2004 and June 28, 2003',
      '2+2:For the 26 Weeks Ended July 3, 2004 and June 28, 2003',
    ]);
    expect(t.header[1]!.label?.text).toBe('(millions, except earnings per common share)');
    expect(texts(t, 'Merchandise sales and services')).toEqual(['$8,700', '$ 8,851', '$16,403', '$16,325']);
    expect(texts(t, 'Credit and financial products revenues')).toEqual(['81', '1,345', '172', '2,751']);
    expect(texts(t, 'Retirement plan accounting change')).toEqual(['-', '-', '(839)', '-']);
    expect(row(t, 'REVENUES').cells.every((c) => !c)).toBe(true);
    expect(row(t, 'Merchandise sales and services').cells[1]).toMatchObject({ line: 12, column: 49 });
  });

  it('splits header dates printed a space apart and ignores page furniture', () => {
    const t = only(`
                               July 3,  June 28, January 3,
                                2004     2003      2004
      Full-line                   871      869       871
<PAGE>
      Specialty                 1,109    1,307     1,105
`);
    expect(t.header.map((h) => h.cells.map((c) => c.text))).toEqual([['July 3, 2004', 'June 28, 2003', 'January 3, 2004']]);
    expect(texts(t, 'Specialty')).toEqual(['1,109', '1,307', '1,105']);
  });
});

/** A random table: labels, a header of dates (one spanning text over all columns in some), figures in every style. */
const figure = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 1, max: 99_999 }).map((n) => `(${n.toLocaleString('en-US')})`),
  fc.integer({ min: 0, max: 9999 }).map((n) => `${(n / 10).toFixed(1)}%`),
  fc.integer({ min: 1, max: 999 }).map((n) => `$${n}`),
  fc.constant('-'),
  fc.constant(''),
);
const word = fc.constantFrom('Revenue', 'Cost', 'Other', 'Net', 'income', 'assets', 'Total', 'of', 'sales');
const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    spanning: fc.boolean(),
    dates: fc.constant(Array.from({ length: width }, (_, j) => `Sept 30, ${2004 - j}`)),
    body: fc.array(fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), fc.array(figure, { minLength: width, maxLength: width })), { minLength: 1, maxLength: 8 }),
  }),
);

function valueOf(text: string): string {
  const p = parsePrinted(text);
  return p.kind === 'number' ? `${p.value.toFixed()}|${p.places}|${p.percent}|${p.currency ?? ''}` : p.kind;
}

describe('any table kessan renders reads back to the same cells in each form', () => {
  it('tab-separated, space-aligned and HTML', () => {
    fc.assert(
      fc.property(table, ({ spanning, dates, body }) => {
        const rows = body.filter(([, cells]) => cells.some(Boolean));
        // A column is where figures are printed: one with no figure in any row is not a column of the table.
        fc.pre(rows.length > 0 && dates.every((_, j) => rows.some(([, cells]) => cells[j])));
        const labels = rows.map(([l], i) => `${l} ${i + 1}`);
        const header = [...(spanning ? [['', 'Three Months Ended', ...dates.slice(1).map(() => '')]] : []), ['', ...dates]];
        const t: PlainTable = { header, body: rows.map(([, cells], i) => [labels[i]!, ...cells]) };
        const tab = [...header, ...t.body].map((r) => r.join('\t')).join('\n');
        const forms = [`Caption\n\n${tab}\n`, `Caption\n\n${spacedTable(t, 4).join('\n')}\n`, `<html><body><p>Caption</p>${htmlTable(t)}</body></html>`];
        for (const text of forms) {
          const read = only(text);
          const got = read.rows.map((r) => [r.label, ...r.cells.map((c) => (c ? valueOf(c.text) : 'blank'))]);
          const want = t.body.map((r) => [r[0]!, ...r.slice(1).map((c) => (c ? valueOf(c) : 'blank'))]);
          expect(got).toEqual(want);
          const columns = Array.from({ length: dates.length }, (_, j) => read.header.flatMap((h) => h.cells.filter((c) => c.first <= j && j < c.first + c.span).map((c) => c.text)));
          // Each column's header reads the same, whether a form stacks its texts in one cell or in rows.
          expect(columns.map((c) => c.join(' '))).toEqual(dates.map((d) => (spanning ? `Three Months Ended ${d}` : d)));
        }
      }),
      { numRuns: 150 },
    );
  });
});
