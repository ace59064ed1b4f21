import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Fact } from '../../src/core/model/fact.js';
import { clark, type QName } from '../../src/core/model/qname.js';
import type { XmlNode } from '../../src/core/model/xml.js';
import { parseXbrlDate } from '../../src/core/xbrl/dates.js';
import type { InstanceDocument } from '../../src/core/xbrl/infoset.js';
import { parseXml, type XmlElement } from '../../src/core/xml/parse.js';
import { runArelle } from './arelle.js';

/**
 * kessan's facts against Arelle's reading of the same instance (optional tests: Arelle must be installed, see
 * test/support/arelle.ts). Both sides give each item fact as plain data (concept, entity, period as written,
 * dimension members, non-dimensional segment and scenario content in one canonical form, unit, value, decimals,
 * language, line), so a test compares them with `toEqual` and a difference names the fact.
 *
 * Arelle drops facts whose concept it cannot find, and offline it cannot load us-gaap, dei or TDnet's
 * taxonomies. So Arelle reads a copy of the instance, byte for byte the same except that its schemaRef names a
 * stub schema declaring each concept the instance uses (numeric when a fact of it has a unit, text otherwise):
 * the facts, contexts and units Arelle reads are the document's own.
 */
export interface FactView {
  concept: string;
  entity: string;
  /** `start/end`, the instant date, or `forever`. */
  period: string;
  /** [dimension, member] sorted by dimension: an explicit member's Clark name, or a typed member's canonical form. */
  dimensions: [string, string | { typed: unknown }][];
  segment: unknown[];
  scenario: unknown[];
  unit: string | null;
  /** Numbers in plain decimal form (`1000`, not `1.0E3`), text as written, null for nil. */
  value: string | null;
  decimals: string | null;
  lang: string | null;
  line: number;
}

type Canonical = [string, [string, string][], ...unknown[]];

/** The same canonical form as the plug-in's (and kessan's nonDimensionalKey): names, sorted attributes, trimmed text. */
function canonical(n: XmlNode | XmlElement): Canonical {
  const attrs = [...n.attributes]
    .filter(([a]) => a !== 'xmlns' && !a.startsWith('xmlns:'))
    .map(([a, v]): [string, string] => [a, v.trim()])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Canonical = [clark(n.name), attrs];
  for (const c of n.children) {
    if (typeof c !== 'string') out.push(canonical(c));
    else if (c.trim()) out.push(c.trim());
  }
  return out;
}

/** A typed member's stored XML (which may use the document root's prefixes) in canonical form. */
function typedCanonical(xml: string, namespaces: Readonly<Record<string, string>>): Canonical {
  const decls = Object.entries(namespaces).map(([p, ns]) => ` xmlns:${p}="${ns.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
  const wrapper = parseXml(`<w${decls}>${xml}</w>`, 'typed member');
  return canonical(wrapper.children.find((c): c is XmlElement => typeof c !== 'string')!);
}

function periodOf(f: Fact): string {
  const p = f.period;
  return p.kind === 'forever' ? 'forever' : p.kind === 'instant' ? p.date : `${p.start}/${p.end}`;
}

/** kessan's side: each Report fact. */
export function kessanView(f: Fact, namespaces: Readonly<Record<string, string>>): FactView {
  const side = (ms: readonly QName[]) => ms.map(clark).sort().join('*');
  const value = f.value === null ? null : typeof f.value === 'string' ? f.value : f.value.toFixed();
  return {
    concept: clark(f.concept),
    entity: `${f.entity.scheme}#${f.entity.identifier}`,
    period: periodOf(f),
    dimensions: [...f.dimensions]
      .map(([d, v]): [string, string | { typed: unknown }] => [clark(d), 'typed' in v ? { typed: typedCanonical(v.typed, namespaces) } : clark(v)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    segment: (f.nonDimensional?.segment ?? []).map(canonical),
    scenario: (f.nonDimensional?.scenario ?? []).map(canonical),
    unit: f.unit ? (f.unit.denominator.length ? `${side(f.unit.numerator)}/${side(f.unit.denominator)}` : side(f.unit.numerator)) : null,
    value,
    decimals: f.decimals === undefined ? null : String(f.decimals),
    lang: f.unit ? null : (f.lang ?? null),
    line: f.sources[0]?.line ?? 0,
  };
}

interface ArelleFact {
  concept: string;
  entity: string;
  period: string;
  dimensions: [string, string | { typed: unknown } | null][];
  segment: unknown[];
  scenario: unknown[];
  unit: string | null;
  nil: boolean;
  value: string | null;
  decimals: string | null;
  precision: string | null;
  lang: string | null;
  line: number;
}

/** An XBRL date or dateTime as written → the model's day (what kessan keeps), for a time other than none. */
function day(raw: string, role: 'start' | 'end'): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : (parseXbrlDate(raw, role)?.date ?? raw);
}

/** Arelle's side, in kessan's terms: numbers as plain decimals, precision INF as decimals INF (as kessan keeps it). */
function arelleView(a: ArelleFact): FactView {
  const numeric = a.unit !== null && !a.nil && a.value !== null && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(a.value);
  const [start, end] = a.period.split('/');
  return {
    concept: a.concept,
    entity: a.entity,
    period: a.period === 'forever' ? a.period : end === undefined ? day(start!, 'end') : `${day(start!, 'start')}/${day(end, 'end')}`,
    dimensions: a.dimensions.map(([d, m]) => [d, m ?? '(unreadable)']),
    segment: a.segment,
    scenario: a.scenario,
    unit: a.unit,
    value: a.nil ? null : numeric ? plainDecimal(a.value!) : a.value,
    decimals: a.nil || !numeric ? null : (a.decimals?.trim() ?? (a.precision?.trim() === 'INF' ? 'INF' : null)),
    // xml:lang="" (kessan's Inline XBRL writer cancels the page's language with it) is no language.
    lang: a.unit === null ? a.lang || null : null,
    line: a.line,
  };
}

/** `+0012.50` → `12.5`, `-0` → `0`: the value decimal.js's toFixed() gives for the same number. */
function plainDecimal(raw: string): string {
  const t = raw.trim();
  const negative = t.startsWith('-');
  let [int = '', frac = ''] = t.replace(/^[+-]/, '').split('.');
  int = int.replace(/^0+/, '') || '0';
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && body !== '0' ? `-${body}` : body;
}

/** A stub schema per namespace the instance's items are in, and one entry schema importing them all. */
function writeStubTaxonomy(inst: InstanceDocument, dir: string): string {
  const byNamespace = new Map<string, Map<string, boolean>>();
  for (const f of inst.facts) {
    let names = byNamespace.get(f.element.namespace);
    if (!names) byNamespace.set(f.element.namespace, (names = new Map()));
    names.set(f.element.localName, (names.get(f.element.localName) ?? false) || f.unitRef !== undefined);
  }
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const imports: string[] = [];
  [...byNamespace].forEach(([ns, names], i) => {
    const file = `stub-${i + 1}.xsd`;
    const elements = [...names].map(
      ([local, numeric]) =>
        `  <xs:element name="${local}" id="c${i + 1}_${local}" type="xbrli:${numeric ? 'decimalItemType' : 'stringItemType'}" substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>`,
    );
    writeFileSync(
      join(dir, file),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" targetNamespace="${esc(ns)}" elementFormDefault="qualified">`,
        '  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>',
        ...elements,
        '</xs:schema>',
        '',
      ].join('\n'),
    );
    imports.push(`  <xs:import namespace="${esc(ns)}" schemaLocation="${file}"/>`);
  });
  const entry = 'kessan-stub.xsd';
  writeFileSync(
    join(dir, entry),
    ['<?xml version="1.0" encoding="UTF-8"?>', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kessan:stub">', ...imports, '</xs:schema>', ''].join('\n'),
  );
  return entry;
}

/**
 * Arelle's facts of the instance at `path` (read by kessan as `inst`), through a copy whose schemaRef names a stub
 * taxonomy in `dir`. Each fact comes with its line in the instance, so a difference is easy to find.
 */
export function arelleFacts(path: string, inst: InstanceDocument, dir: string): FactView[] {
  mkdirSync(dir, { recursive: true });
  const entry = writeStubTaxonomy(inst, dir);
  const text = readFileSync(path, 'utf8');
  // Only the href changes: every line keeps its number.
  const copy = text.replace(/(<(?:[\w.-]+:)?schemaRef\b[^>]*?\b(?:[\w.-]+:)?href\s*=\s*)("[^"]*"|'[^']*')/g, `$1"${entry}"`);
  const target = join(dir, basename(path));
  writeFileSync(target, copy);
  return arelleFactsOf(target, join(dir, 'arelle-facts.json'));
}

/** Arelle's facts of a document whose taxonomy Arelle can load (an Inline XBRL one too), written through `out`. */
export function arelleFactsOf(path: string, out: string): FactView[] {
  const plugin = join(import.meta.dirname, 'arelle-facts.py');
  const inline = /\.x?html?$/i.test(path);
  runArelle([`--plugins=${inline ? `inlineXbrlDocumentSet|${plugin}` : plugin}`, '-f', path, `--kessanFacts=${out}`]);
  return (JSON.parse(readFileSync(out, 'utf8')) as ArelleFact[]).map(arelleView);
}
