import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exampleText, readExample } from './support/example.js';
import { checkRelease } from './support/release-checks.js';

// The example's derived figures counted from its text alone (not from kessan's reading), then compared with what the
// cross-checks report: the figures adjusted to foot must all be reported, those only rounding explains none.

const LINES = exampleText().split('\n');

/** A table row's cells as printed (markup removed): cells(371)[1] is the USD cell of "Dial-up access services". */
function cells(line: number): string[] {
  return LINES[line - 1]!.split('\t').map((c) => c.replace(/<[^>]+>/g, '').trim());
}

/** "(12.5%)" → −12.5, "6,714" → 6714; undefined for a blank or a dash. */
function num(cell: string | undefined): Decimal | undefined {
  const m = cell ? /^(\()?([\d,]*\.?\d+)%?\)?%?$/.exec(cell) : null;
  if (!m) return undefined;
  const d = new Decimal(m[2]!.replace(/,/g, ''));
  return m[1] ? d.negated() : d;
}

/** Rounded to nearest at `places`, halves away from zero, as an accountant rounds. */
const round = (d: Decimal, places: number) => d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The three statements: USD in column 1, JPY in column 2 (thousands), 110.20 JPY to the dollar.
const STATEMENTS = [...range(370, 393), ...range(413, 450), ...range(457, 497)];
const RATE = new Decimal('110.20');

/** Each adjusted figure as the findings name it: "371 USD", or "370 pure 2004-07-01..2004-09-30" for a ratio. */
function adjustedOf(findings: ReturnType<typeof checkRelease>): string[] {
  return findings
    .filter((f) => f.code === 'release:adjustedToFoot')
    .map((f) => {
      const [, period, unit] = /^\w+ for (\S+) in (\w+)/.exec(f.message)!;
      return unit === 'USD' ? `${f.line} USD` : `${f.line} ${unit} ${period}`;
    })
    .sort();
}

describe('the example\'s USD and "% of total" figures, counted from its text', () => {
  it('86 USD cells: 77 are JPY ÷ 110.20 rounded to nearest, 44 rounded down, 9 neither', () => {
    const usd = STATEMENTS.filter((l) => num(cells(l)[1]) && num(cells(l)[2]));
    const quotient = (l: number) => num(cells(l)[2])!.dividedBy(RATE);
    expect(usd).toHaveLength(86);
    expect(usd.filter((l) => round(quotient(l), 0).equals(num(cells(l)[1])!))).toHaveLength(77);
    expect(usd.filter((l) => quotient(l).toDecimalPlaces(0, Decimal.ROUND_FLOOR).equals(num(cells(l)[1])!))).toHaveLength(44);
    expect(usd.filter((l) => !round(quotient(l), 0).equals(num(cells(l)[1])!))).toEqual([371, 388, 391, 418, 444, 445, 468, 471, 494]);
  });

  it('of 169 "% of total" cells, 13 are not their amount ÷ the total rounded to nearest', () => {
    const off: string[] = [];
    const tables = [
      { lines: range(370, 393), total: 377, columns: [[2, 3, '2004-07-01..2004-09-30'], [4, 5, '2003-07-01..2003-09-30'], [7, 8, '2004-04-01..2004-06-30']] },
      { lines: range(413, 450), total: 424, columns: [[2, 3, '2004-09-30'], [4, 5, '2003-09-30'], [6, 7, '2004-06-30']] },
    ] as const;
    let count = 0;
    for (const { lines, total, columns } of tables) {
      for (const [amount, percent, period] of columns) {
        for (const l of lines) {
          const a = num(cells(l)[amount]);
          const p = num(cells(l)[percent]);
          if (!a || !p) continue;
          count++;
          if (!round(a.dividedBy(num(cells(total)[amount])!).times(100), 1).equals(p)) off.push(`${l} pure ${period}`);
        }
      }
    }
    expect(count).toBe(169);
    expect(off.sort()).toEqual([
      '370 pure 2004-07-01..2004-09-30', '373 pure 2003-07-01..2003-09-30', '375 pure 2003-07-01..2003-09-30',
      '380 pure 2004-04-01..2004-06-30', '380 pure 2004-07-01..2004-09-30', '391 pure 2004-04-01..2004-06-30',
      '417 pure 2004-09-30', '420 pure 2004-06-30', '423 pure 2004-09-30', '429 pure 2004-09-30', '439 pure 2004-09-30',
      '442 pure 2004-06-30', '445 pure 2004-09-30',
    ]);
  });

  it('the cross-checks report exactly those 22 as adjusted to foot, at info, and nothing else', () => {
    const findings = checkRelease(exampleText());
    expect(findings.every((f) => f.code === 'release:adjustedToFoot' && f.severity === 'info')).toBe(true);
    expect(adjustedOf(findings)).toEqual([
      '370 pure 2004-07-01..2004-09-30', '371 USD', '373 pure 2003-07-01..2003-09-30', '375 pure 2003-07-01..2003-09-30',
      '380 pure 2004-04-01..2004-06-30', '380 pure 2004-07-01..2004-09-30', '388 USD', '391 USD', '391 pure 2004-04-01..2004-06-30',
      '417 pure 2004-09-30', '418 USD', '420 pure 2004-06-30', '423 pure 2004-09-30', '429 pure 2004-09-30',
      '439 pure 2004-09-30', '442 pure 2004-06-30', '444 USD', '445 USD', '445 pure 2004-09-30', '468 USD', '471 USD', '494 USD',
    ]);
    for (const f of findings) expect(f.message).toMatch(/off by 1 unit of its last digit\..* Its column foots with .* and would not with /);
  });
});

// The tables in millions (lines 60–335): their % changes and totals, recomputed from the printed (rounded) figures.
const MILLIONS = range(60, 335);

/** Every "% change" cell of the millions tables, with the printed now and then amounts of its row. */
function percentChanges(): { line: number; column: number; printed: Decimal; naive: Decimal }[] {
  const out = [];
  let header: string[] = [];
  for (const l of MILLIONS) {
    const row = cells(l);
    if (row.length > 1 && !row[0]) header = row; // a table's header row: its first cell is blank
    if (!row[0]) continue;
    for (let c = 1; c < row.length; c++) {
      const yoy = header[c] === 'YoY % change';
      if (!yoy && header[c] !== 'QoQ % change') continue;
      const now = num(row[yoy ? c - 2 : header.indexOf('2Q04')]);
      const then = num(row[c - 1]);
      const printed = num(row[c]);
      if (now && then && printed) out.push({ line: l, column: c, printed, naive: now.minus(then).dividedBy(then).times(100) });
    }
  }
  return out;
}

/** The example with only its millions tables and narrative: every amount there is rounded to millions. */
const millionsOnly = () => LINES.map((l, i) => (MILLIONS.includes(i + 1) ? l : '')).join('\n');

describe('the example\'s figures that only look wrong from rounded millions', () => {
  it('of 69 "% change" cells in the millions tables, 24 differ from the change of the rounded amounts printed beside them', () => {
    const changes = percentChanges();
    const wrong = changes.filter((c) => !round(c.naive, 1).equals(c.printed)).map((c) => c.line);
    expect(changes).toHaveLength(69);
    expect(wrong).toEqual([70, 72, 73, 87, 134, 137, 211, 212, 212, 213, 213, 215, 216, 216, 218, 218, 221, 251, 252, 267, 277, 277, 278, 279]);
  });

  it('4 totals (printed 7 times in millions, lines 69, 70, 85, 134, 219) differ from the sum of their rounded parts', () => {
    const sum = (line: number, parts: number[], column: number) => parts.reduce((s, p) => s.plus(num(cells(p)[column])!), new Decimal(0)).minus(num(cells(line)[column])!);
    // Revenues (85 = 86 + 87 + 88), cost of revenues (134 = 135..137), Connectivity and VAS (219 = 211..218, no 214).
    const differ = [
      ...[1, 2, 4].map((c) => [85, c, sum(85, [86, 87, 88], c)] as const),
      ...[1, 2, 4].map((c) => [134, c, sum(134, [135, 136, 137], c)] as const),
      ...[1, 2, 4].map((c) => [219, c, sum(219, [211, 212, 213, 215, 216, 217, 218], c)] as const),
    ].filter(([, , d]) => !d.isZero());
    expect(differ.map(([l, c, d]) => `${l}:${c}:${d.toFixed()}`)).toEqual(['85:1:1', '85:4:1', '134:2:1', '219:1:1']);
    expect([cells(69)[4], cells(69)[7], cells(70)[5]]).toEqual(['10,512', '8,675', '8,337']);
  });

  it('the cross-checks are silent on all of them, in the example and with its millions tables alone', () => {
    const lines = new Set([69, 70, 72, 73, 85, 86, 87, 134, 137, 211, 212, 213, 215, 216, 218, 219, 221, 251, 252, 267, 277, 278, 279]);
    expect(checkRelease(exampleText()).filter((f) => lines.has(f.line!))).toEqual([]);
    // With the statements blanked out, every amount the checks see is the rounded millions figure.
    const report = readExample(millionsOnly());
    const money = report.facts.filter((f) => f.unit?.numerator[0]?.localName === 'JPY' && !f.unit.denominator.length && f.value !== null);
    expect(money.length).toBeGreaterThan(100);
    expect(money.every((f) => f.decimals === -6)).toBe(true);
    expect(checkRelease(millionsOnly())).toEqual([]);
  });
});
