import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/core/model/fact.js';
import { edit, exampleText, factLine, readExample } from './support/example.js';

/** Replaces every occurrence, in order; each replacement must apply at least once. */
function replaceAll(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`variant edit did not apply: ${from}`);
    out = out.split(from).join(to);
  }
  return out;
}

function value(facts: Fact[], local: string, period: string, unit = 'JPY'): string[] {
  return facts
    .filter((f) => f.concept.localName === local && f.unit?.numerator[0]?.localName === unit)
    .filter((f) => (f.period.kind === 'instant' ? f.period.date : f.period.kind === 'duration' ? `${f.period.start}..${f.period.end}` : '') === period)
    .map((f) => (f.value === null ? 'nil' : f.value.toString()));
}

const errors = (r: ReturnType<typeof readExample>) => r.findings.filter((f) => f.severity === 'error');
const codes = (r: ReturnType<typeof readExample>) => r.findings.map((f) => f.code);

describe('variants of the release', () => {
  const base = readExample();

  it('reads a third-quarter release: 3Q04, 9M04, December dates', () => {
    const text = replaceAll(exampleText(), [
      ['1H04', '9M04'], ['1H03', '9M03'], ['2Q04', '3Q04'], ['2Q03', '3Q03'], ['1Q04', '2Q04'],
      ['Sept 30, 2004', 'Dec 31, 2004'], ['Sept 30, 2003', 'Dec 31, 2003'], ['Jun 30, 2004', 'Sept 30, 2004'],
    ]);
    const r = readExample(text);
    expect(errors(r)).toEqual([]);
    expect(r.facts).toHaveLength(base.facts.length);
    expect(value(r.facts, 'Revenues', '2004-10-01..2004-12-31')).toEqual(['10512328000']);
    expect(value(r.facts, 'Revenues', '2004-04-01..2004-12-31')).toEqual(['19187000000']);
    expect(value(r.facts, 'Revenues', '2004-07-01..2004-09-30')).toEqual(['8674907000']);
    expect(value(r.facts, 'RevenuesPercentChangeFromPriorQuarter', '2004-10-01..2004-12-31', 'pure')).toEqual(['0.212']);
    expect(value(r.facts, 'CashAndCashEquivalents', '2004-09-30')).toEqual(['10627203000']);
    expect(value(r.facts, 'CashAndCashEquivalents', '2004-12-31')).toEqual(['11802165000']);
    expect(value(r.facts, 'DedicatedAccessServiceContracts', '2004-12-31', 'pure')).toEqual(['8880']);
  });

  it('reads a full-year release: 4Q04 and FY2004 columns, March dates', () => {
    const text = replaceAll(exampleText(), [
      ['1H04', 'FY2004'], ['1H03', 'FY2003'], ['2Q04', '4Q04'], ['2Q03', '4Q03'], ['1Q04', '3Q04'],
      ['Sept 30, 2004', 'Mar 31, 2005'], ['Sept 30, 2003', 'Mar 31, 2004'], ['Jun 30, 2004', 'Dec 31, 2004'],
    ]);
    const r = readExample(text);
    expect(errors(r)).toEqual([]);
    expect(value(r.facts, 'Revenues', '2005-01-01..2005-03-31')).toEqual(['10512328000']);
    expect(value(r.facts, 'Revenues', '2004-04-01..2005-03-31')).toEqual(['19187000000']);
    expect(value(r.facts, 'Revenues', '2004-01-01..2004-03-31')).toEqual(['9185259000']);
    expect(value(r.facts, 'OperatingIncomeLossPercentChangeFromPriorQuarter', '2005-01-01..2005-03-31', 'pure')).toEqual(['-3.808']);
    expect(value(r.facts, 'CashAndCashEquivalents', '2004-12-31')).toEqual(['10627203000']);
  });

  it('reads "nine months ended" statement captions as nine-month periods', () => {
    const full = exampleText();
    const start = full.indexOf('**INTERNET INITIATIVE JAPAN INC.**  \n**CONSOLIDATED STATEMENTS OF OPERATIONS');
    const end = full.indexOf('**INTERNET INITIATIVE JAPAN INC.**  \n**CONSOLIDATED BALANCE SHEETS');
    const statement = edit(full.slice(start, end), 'For the Three Months Ended Sept 30, 2004, Sept 30, 2003 and Jun 30, 2004', 'For the Nine Months Ended Dec 31, 2004, Dec 31, 2003 and Sept 30, 2004');
    const text = replaceAll(statement, [['Sept 30, 2004\t', 'Dec 31, 2004\t'], ['Sept 30, 2003\t', 'Dec 31, 2003\t'], ['Jun 30, 2004\t', 'Sept 30, 2004\t']]);
    const r = readExample(text);
    expect(errors(r)).toEqual([]);
    expect(value(r.facts, 'Revenues', '2004-04-01..2004-12-31')).toEqual(['10512328000']);
    expect(value(r.facts, 'Revenues', '2004-01-01..2004-09-30')).toEqual(['8674907000']);
    // A % change column compares nine months with the nine months a year before.
    expect(value(r.facts, 'RevenuesPercentChangeFromPriorYear', '2004-04-01..2004-12-31', 'pure')).toEqual(['0.144']);
  });

  it('gives the same facts when tables come in another order', () => {
    const full = exampleText();
    const ops = full.indexOf('**INTERNET INITIATIVE JAPAN INC.**  \n**CONSOLIDATED STATEMENTS OF OPERATIONS');
    const bs = full.indexOf('**INTERNET INITIATIVE JAPAN INC.**  \n**CONSOLIDATED BALANCE SHEETS');
    const cf = full.indexOf('**CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS');
    const mgmt = full.indexOf('## Management Message/Webcast');
    // Statements first (cash flows before the balance sheet), then the MD&A, with its two revenue/cost tables swapped.
    const mdna = full.slice(0, ops);
    const revenues = mdna.indexOf('### Revenues\n\n \n(JPY in millions)');
    const costs = mdna.indexOf('### Cost of Revenues');
    const costsEnd = mdna.indexOf('### Cost and Gross Margin Ratio Trend');
    const swapped = mdna.slice(0, revenues) + mdna.slice(costs, costsEnd) + mdna.slice(revenues, costs) + mdna.slice(costsEnd);
    const text = full.slice(cf) + '\n\n' + full.slice(bs, cf) + full.slice(ops, bs) + swapped.slice(0, mgmt) + swapped.slice(mgmt);
    const r = readExample(text);
    expect(errors(r)).toEqual([]);
    // The figures are the same; the release text (a text fact) follows the tables' order, so it differs.
    const figures = (facts: Fact[]) => facts.filter((f) => typeof f.value !== 'string').map(factLine).sort();
    expect(figures(r.facts)).toEqual(figures(base.facts));
    expect(codes(r).sort()).toEqual(codes(base).sort());
  });

  it('reports a changed figure that no longer agrees with its other printings', () => {
    const text = edit(exampleText(), '<b>10,512,328</b>', '<b>10,612,328</b>');
    const r = readExample(text);
    const revenue = r.findings.filter((f) => f.code === 'release:inconsistentPrintings' && f.message.startsWith('Revenues '));
    expect(revenue).toHaveLength(1);
    expect(revenue[0]!.message).toMatch(/printed as 10,512 at line 69 .* but as 10,612,328 at line 377/);
    expect(value(r.facts, 'Revenues', '2004-07-01..2004-09-30').sort()).toEqual(['10512000000', '10612328000']);
  });

  it('takes a changed figure printed once as it is, silently', () => {
    const r = readExample(edit(exampleText(), '262,180', '262,181'));
    expect(r.findings).toEqual(base.findings);
    expect(value(r.facts, 'Inventories', '2004-09-30')).toEqual(['262181000']);
  });

  it('reports an unknown row with its line and tags the rest', () => {
    const text = edit(exampleText(), 'Inventories\t2,379', 'Bitcoin holdings\t1\t100\t0.0%\t\t\t\t\nInventories\t2,379');
    const r = readExample(text);
    expect(errors(r).map((f) => [f.code, f.line])).toEqual([['release:unknownRow', 415]]);
    expect(errors(r)[0]!.message).toMatch(/row "Bitcoin holdings" in table "CONSOLIDATED BALANCE SHEETS\(UNAUDITED\)"/);
    expect(r.facts).toHaveLength(base.facts.length);
  });

  it('warns about an unknown heading row without figures', () => {
    const r = readExample(edit(exampleText(), '<b>Current Assets:</b>', '<b>Current Assets (unaudited):</b>'));
    expect(r.findings.filter((f) => f.code === 'release:unknownHeading').map((f) => [f.severity, f.line])).toEqual([['warning', 412]]);
    expect(errors(r)).toEqual([]);
  });

  it('reads a release with a row left out, and then takes the figure from the prose that names it', () => {
    const r = readExample(edit(exampleText(), /Dial-up access services\t6,714[^\n]*\n/, ''));
    expect(errors(r)).toEqual([]);
    // The row's 9 figures are gone; "Dial-up access service revenues were JPY 740 million in 2Q04" now tags one.
    expect(r.facts).toHaveLength(base.facts.length - 9 + 1);
    const prose = r.facts.filter((f) => !f.sources[0]!.table && typeof f.value !== 'string');
    expect(prose.map(factLine)).toEqual(['iij:DialUpAccessServicesRevenue\t2004-07-01..2004-09-30\tiso4217:JPY\t740000000\t-6']);
    expect(prose[0]!.sources[0]).toMatchObject({ line: 104, printed: 'JPY 740 million' });
  });

  it('tags prose figures only where the sentence names concept and period, and the sign is not in doubt', () => {
    const text = edit(
      exampleText(),
      'OEM contracts for dial-up access services also increased',
      'Other revenues were JPY 480 million in 2Q02. Backbone cost decreased to JPY 700 million in 2Q02. Equipment sales were JPY 3 million. OEM contracts for dial-up access services also increased',
    );
    const prose = readExample(text).facts.filter((f) => !f.sources[0]!.table && typeof f.value !== 'string');
    expect(prose.map(factLine)).toEqual(['iij:OtherConnectivityAndValueAddedServicesRevenue\t2002-07-01..2002-09-30\tiso4217:JPY\t480000000\t-6']);
    expect(base.facts.filter((f) => !f.sources[0]!.table && typeof f.value !== 'string')).toEqual([]); // the example's prose figures are all in tables
  });

  it('reports a figure it cannot read', () => {
    const r = readExample(edit(exampleText(), 'Inventories\t2,379', 'Inventories\t2,37x9'));
    expect(errors(r).map((f) => [f.code, f.line, f.column])).toEqual([['release:unreadableFigure', 415, 13]]);
  });
});
