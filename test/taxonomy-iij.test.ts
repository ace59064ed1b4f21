import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { generateTaxonomy, loadSpec } from '../src/formats/release/spec/index.js';
import { ROOT } from './support/example.js';

/**
 * IIJ's taxonomy (taxonomy/iij/) is generated from its spec (taxonomy/iij/iij-2004.spec.yaml) by
 * `kessan taxonomy build`: the committed files must be that output, and what they say must fit the release.
 */
const projectRoot = () => ROOT;
const SPEC = join(ROOT, 'taxonomy', 'iij', 'iij-2004.spec.yaml');
const SCHEMA_FILE = 'iij-2004.xsd';
const spec = loadSpec(SPEC);
const TABLES = spec.tables;

const STANDARD = 'http://www.xbrl.org/2003/role/label';
const NEGATED = 'http://www.xbrl.org/2009/role/negatedLabel';
const files = generateTaxonomy(spec, 'iij-2004.spec.yaml');
const dir = join(ROOT, 'taxonomy', 'iij');

// ---- reading the generated XBRL files (as a consumer would) ----
type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => !name.startsWith('@') && name !== '#text',
});
const parse = (file: string): Node => parser.parse(files.get(file)!) as Node;
const kids = (n: Node, name: string): Node[] => (n[name] as Node[] | undefined) ?? [];
const attr = (n: Node, name: string): string => String(n[`@${name}`] ?? '');
const conceptOf = (href: string) => href.slice(href.indexOf('#iij_') + 5);

interface ConceptInfo {
  type: string;
  abstract: boolean;
  balance: string;
}
const schemaRoot = kids(parse(SCHEMA_FILE), 'xs:schema')[0]!;
const concepts = new Map<string, ConceptInfo>(
  kids(schemaRoot, 'xs:element').map((e) => [
    attr(e, 'name'),
    { type: attr(e, 'type'), abstract: attr(e, 'abstract') === 'true', balance: attr(e, 'xbrli:balance') },
  ]),
);
const roleTypes = kids(kids(kids(schemaRoot, 'xs:annotation')[0]!, 'xs:appinfo')[0]!, 'link:roleType').map((r) => ({
  uri: attr(r, 'roleURI'),
  id: attr(r, 'id'),
  definition: String(kids(r, 'link:definition')[0]),
}));

function locsOf(link: Node): Map<string, string> {
  return new Map(kids(link, 'link:loc').map((l) => [attr(l, 'xlink:label'), conceptOf(attr(l, 'xlink:href'))]));
}

/** concept → role → label texts */
const labels = new Map<string, Map<string, string[]>>();
for (const link of kids(kids(parse('iij-2004_lab.xml'), 'link:linkbase')[0]!, 'link:labelLink')) {
  const locs = locsOf(link);
  const resources = new Map<string, Node[]>();
  for (const l of kids(link, 'link:label')) {
    const key = attr(l, 'xlink:label');
    resources.set(key, [...(resources.get(key) ?? []), l]);
  }
  for (const arc of kids(link, 'link:labelArc')) {
    const concept = locs.get(attr(arc, 'xlink:from'))!;
    for (const l of resources.get(attr(arc, 'xlink:to')) ?? []) {
      if (attr(l, 'xml:lang') !== 'en') continue;
      const byRole = labels.get(concept) ?? new Map<string, string[]>();
      const role = attr(l, 'xlink:role');
      byRole.set(role, [...(byRole.get(role) ?? []), String(l['#text'] ?? '')]);
      labels.set(concept, byRole);
    }
  }
}

interface Arc {
  from: string;
  to: string;
  order: number;
  weight?: number;
  preferredLabel?: string;
}
function networks(file: string, linkName: string, arcName: string): { role: string; arcs: Arc[] }[] {
  return kids(kids(parse(file), 'link:linkbase')[0]!, linkName).map((link) => {
    const locs = locsOf(link);
    return {
      role: attr(link, 'xlink:role'),
      arcs: kids(link, arcName).map((a) => ({
        from: locs.get(attr(a, 'xlink:from'))!,
        to: locs.get(attr(a, 'xlink:to'))!,
        order: Number(attr(a, 'order')),
        weight: a['@weight'] === undefined ? undefined : Number(attr(a, 'weight')),
        preferredLabel: a['@preferredLabel'] === undefined ? undefined : attr(a, 'preferredLabel'),
      })),
    };
  });
}
const presentation = networks('iij-2004_pre.xml', 'link:presentationLink', 'link:presentationArc');
const calculation = networks('iij-2004_cal.xml', 'link:calculationLink', 'link:calculationArc');

const shownLabel = (a: Arc) => labels.get(a.to)?.get(a.preferredLabel ?? STANDARD)?.[0];

// ---- reading the release's tables ----
const cleanLabel = (s: string) =>
  s
    .replace(/<\/?b>/g, '')
    .replace(/\s*<sup>\d+<\/sup>/g, '')
    .replace(/&amp;/g, '&')
    .trim();
const releaseText = readFileSync(join(projectRoot(), 'examples', 'iij-2q-fy2004.txt'), 'utf8');
/** The release's tables, in printed order: consecutive lines with tabs. */
const releaseTables: string[][][] = [];
{
  let cur: string[][] | undefined;
  for (const line of releaseText.split('\n')) {
    if (!line.includes('\t')) cur = undefined;
    else {
      if (!cur) releaseTables.push((cur = []));
      cur.push(line.split('\t'));
    }
  }
}

/** The release row of each arc: arcs are in printed order (depth first), so rows are matched in sequence. */
function matchRows(arcs: readonly Arc[], rows: readonly string[][]): number[] {
  let cursor = 0;
  return arcs.map((a) => {
    const text = shownLabel(a)!.toLowerCase();
    const i = rows.findIndex((r, k) => k >= cursor && cleanLabel(r[0]!).toLowerCase() === text);
    expect(i, `row "${text}" not found in printed order`).toBeGreaterThanOrEqual(0);
    cursor = i + 1;
    return i;
  });
}

describe('IIJ 2004 taxonomy', () => {
  it('(a) the files in taxonomy/iij are what `kessan taxonomy build` makes of the spec', () => {
    expect([...files.keys()].sort()).toEqual(
      ['iij-2004.xsd', 'iij-2004_cal.xml', 'iij-2004_def.xml', 'iij-2004_lab.xml', 'iij-2004_pre.xml'].sort(),
    );
    for (const [name, content] of files) {
      expect(readFileSync(join(dir, name), 'utf8'), `${name} is stale: run npm run build && npm run taxonomy`).toBe(content);
    }
    expect(generateTaxonomy(loadSpec(SPEC), 'iij-2004.spec.yaml')).toEqual(files);
  });

  it('has one presentation network per release table, in release order, with a titled role type', () => {
    expect(releaseTables).toHaveLength(TABLES.length);
    expect(presentation.map((n) => n.role)).toEqual(TABLES.map((t) => `http://kessan.dev/taxonomy/iij/2004/role/${t.id}`));
    const tableRoles = roleTypes.filter((r) => !r.uri.includes('/role/label/'));
    expect(tableRoles.map((r) => r.uri)).toEqual(presentation.map((n) => n.role));
    expect([...tableRoles.map((r) => r.id)].sort()).toEqual(tableRoles.map((r) => r.id));
    expect(tableRoles.map((r) => r.definition)).toEqual(TABLES.map((t) => t.title));
    for (const t of TABLES) expect(releaseText).toContain(t.title);
  });

  it('(b) calculation arcs join existing numeric, non-abstract concepts', () => {
    expect(calculation.length).toBeGreaterThan(0);
    for (const n of calculation) {
      expect(presentation.map((p) => p.role)).toContain(n.role);
      for (const a of n.arcs) {
        for (const c of [a.from, a.to]) {
          const info = concepts.get(c);
          expect(info, c).toBeDefined();
          expect(info!.abstract, c).toBe(false);
          expect(info!.type, c).not.toBe('xbrli:stringItemType');
        }
      }
    }
  });

  it('(c) every concept has exactly one standard English label', () => {
    expect(concepts.size).toBeGreaterThan(100);
    for (const name of concepts.keys()) expect(labels.get(name)?.get(STANDARD), name).toHaveLength(1);
  });

  it('(d) calculation weights agree with balances', () => {
    for (const n of calculation) {
      for (const a of n.arcs) {
        const from = concepts.get(a.from)!.balance;
        const to = concepts.get(a.to)!.balance;
        expect(Math.abs(a.weight!)).toBe(1);
        if (from && to) expect(a.weight, `${a.from} -> ${a.to}`).toBe(from === to ? 1 : -1);
      }
    }
  });

  it('(e) every preferredLabel has a label of that role for that concept', () => {
    for (const n of presentation) {
      for (const a of n.arcs) {
        if (a.preferredLabel) expect(labels.get(a.to)?.get(a.preferredLabel), `${a.to} ${a.preferredLabel}`).toHaveLength(1);
      }
    }
  });

  it('(f) every presentation row shows a label printed as a row of that table in the release', () => {
    presentation.forEach((n, i) => {
      const rowLabels = new Set(releaseTables[i]!.map((cells) => cleanLabel(cells[0]!).toLowerCase()).filter(Boolean));
      const shown = n.arcs.map((a) => shownLabel(a));
      for (const [k, text] of shown.entries()) {
        expect(text, `${n.role} ${n.arcs[k]!.to}`).toBeDefined();
        expect([...rowLabels], `${n.role}: "${text}"`).toContain(text!.toLowerCase());
      }
      // every printed row is in the network, and the rows are in printed order
      expect(new Set(shown.map((s) => s!.toLowerCase()))).toEqual(rowLabels);
      matchRows(n.arcs, releaseTables[i]!);
    });
  });

  it('negated rows use the negatedLabel role, and each concept has at most one negated label', () => {
    for (const [c, byRole] of labels) expect((byRole.get(NEGATED) ?? []).length, c).toBeLessThanOrEqual(1);
    const cash = presentation.find((n) => n.role.endsWith('/StatementsOfCashFlows'))!;
    const ppe = cash.arcs.find((a) => a.to === 'PaymentsToAcquirePropertyAndEquipment')!;
    expect(ppe.preferredLabel).toBe(NEGATED);
    const periods = cash.arcs.filter((a) => a.to === 'CashAndCashEquivalents').map((a) => a.preferredLabel);
    expect(periods).toEqual(['http://www.xbrl.org/2003/role/periodStartLabel', 'http://www.xbrl.org/2003/role/periodEndLabel']);
  });

  it('summations hold on the release figures (exactly, or within rounding where documented)', () => {
    const parseFigure = (cell: string | undefined): number | undefined => {
      const s = (cell ?? '').replace(/<\/?b>/g, '').trim();
      if (s === '') return undefined;
      if (s === '-') return 0;
      const m = /^(\()?([\d,.]+)/.exec(s);
      if (!m) return undefined;
      const v = Number(m[2]!.replace(/,/g, ''));
      return m[1] ? -v : v;
    };
    /** concept → figures (signed as facts) per amount column, for each table. */
    const tableValues = presentation.map((n, i) => {
      const rows = releaseTables[i]!;
      const firstRow = rows.findIndex((cells) => cells[0]!.trim() !== '');
      const header = rows[firstRow - 1]!;
      const columns = header
        .map((h, k) => ({ h: h.trim(), k }))
        .filter(({ h, k }) => k > 0 && h !== '' && !h.includes('%') && !h.startsWith('USD'))
        .map(({ k }) => k);
      const values = new Map<string, (number | undefined)[]>();
      const matched = matchRows(n.arcs, rows);
      for (const [k, a] of n.arcs.entries()) {
        const cells = rows[matched[k]!]!;
        const sign = a.preferredLabel === NEGATED ? -1 : 1;
        if (cells && !values.has(a.to)) values.set(a.to, columns.map((k) => parseFigure(cells[k])).map((v) => (v === undefined ? v : sign * v)));
      }
      return values;
    });
    const statement = tableValues[presentation.findIndex((n) => n.role.endsWith('/StatementsOfOperations'))]!;
    let checked = 0;
    const inexact: string[] = [];
    calculation.forEach((n) => {
      const ti = presentation.findIndex((p) => p.role === n.role);
      const table = TABLES[ti]!;
      const values = tableValues[ti]!;
      const valueOf = (c: string): (number | undefined)[] =>
        values.get(c) ??
        // a concept the table does not print (dedicated/dial-up totals of the breakdown): the statement's, in millions
        statement.get(c)!.map((v) => (v === undefined ? v : Math.round(v / 1000)));
      for (const s of table.calculations) {
        const total = valueOf(s.total);
        let exact = true;
        total.forEach((t, col) => {
          if (t === undefined) return;
          const sum = s.items.reduce((acc, { concept: c, weight: w }) => acc + w * (valueOf(c)[col] ?? 0), 0);
          const diff = Math.abs(sum - t);
          expect(diff, `${table.id} ${s.total} column ${col}: ${sum} vs ${t}`).toBeLessThanOrEqual(0.5 * (s.items.length + 1));
          if (diff > 1e-9) {
            exact = false;
            inexact.push(`${table.id} ${s.total} column ${col}: ${sum} vs ${t}`);
          }
          checked++;
        });
        expect(exact, `${table.id} ${s.total}: documented as exact: ${inexact.join('; ')}`).toBe(!s.rounding);
      }
    });
    expect(checked).toBeGreaterThan(75);
  });
});
