/**
 * Benchmark data: a synthetic but valid XBRL 2.1 instance of any size, with its own small taxonomy written next
 * to it. Deterministic: the same options give the same bytes.
 *
 * The taxonomy (`bench.xsd` + calculation, definition and label linkbases, 57 concepts):
 * - 10 summation groups of 5 monetary concepts each, `<Group>Total = C1 + C2 + C3 − C4`: 5 duration groups
 *   and 5 instant groups (50 monetary concepts). One calculation arc per component, weight 1 or −1. The groups
 *   are independent (no total is another group's component), so one wrong total is one inconsistency.
 * - XBRL Dimensions: `DurationLineItems` (abstract) has the 25 duration concepts as domain-members and an `all`
 *   arc (closed, segment) to `SegmentTable` with one explicit dimension `SegmentAxis` whose domain
 *   `SegmentDomain` (the default) has 3 members. Instant concepts have no hypercube.
 * - One standard label per concept.
 *
 * The instance: `facts / 50` contexts (rounded up), alternately duration and instant; every 4th duration
 * context has `SegmentAxis = Member1..3` in its segment. Each context carries its 25 concepts in two units
 * (JPY, decimals −3, values in whole thousands; USD, decimals 0), so 50 facts per context and no duplicates;
 * the last context may be cut short (whole groups only, so the summations still hold). Every total equals the
 * weighted sum of its components, except for `inconsistencies` totals (chosen by the seed) that are off by far
 * more than rounding allows: validating with `--calc c11r` must give exactly that many
 * `calc11e:inconsistentCalculationUsingRounding` findings and nothing else.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATOR_VERSION = 1;
export const NAMESPACE = 'http://kessan.dev/bench/2024';
export const PREFIX = 'b';
const SCHEMA = 'bench.xsd';

export interface BenchOptions {
  /** How many facts (at least 10). */
  readonly facts: number;
  readonly seed?: number;
  /** Totals made inconsistent on purpose (at most the number of summations in the instance). */
  readonly inconsistencies?: number;
}

export interface BenchFiles {
  readonly dir: string;
  readonly instance: string;
  readonly schema: string;
  readonly facts: number;
  readonly contexts: number;
  readonly dimensionalContexts: number;
  readonly inconsistencies: number;
  readonly bytes: number;
}

interface Group {
  readonly name: string;
  readonly period: 'duration' | 'instant';
}

const GROUPS: readonly Group[] = [
  ...['Revenue', 'OperatingExpenses', 'OtherIncome', 'IncomeTaxes', 'OperatingCashFlow'].map((name) => ({ name, period: 'duration' as const })),
  ...['CurrentAssets', 'NoncurrentAssets', 'CurrentLiabilities', 'NoncurrentLiabilities', 'Equity'].map((name) => ({ name, period: 'instant' as const })),
];
const COMPONENTS = 4;
const WEIGHTS = [1, 1, 1, -1] as const;
const MEMBERS = 3;
const UNITS = [
  { id: 'JPY', measure: 'iso4217:JPY', decimals: -3 },
  { id: 'USD', measure: 'iso4217:USD', decimals: 0 },
] as const;
/** Facts per context: 5 groups × 5 concepts × 2 units. */
export const FACTS_PER_CONTEXT = 5 * (COMPONENTS + 1) * UNITS.length;
const FACTS_PER_GROUP = (COMPONENTS + 1) * UNITS.length;

const total = (g: Group): string => `${g.name}Total`;
const component = (g: Group, i: number): string => `${g.name}Component${i + 1}`;
const words = (name: string): string => name.replace(/([a-z])([A-Z0-9])/g, '$1 $2');

/** mulberry32: a small, fast, seeded PRNG (uint32 → [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The taxonomy

function conceptNames(): { name: string; period: 'duration' | 'instant' }[] {
  const out: { name: string; period: 'duration' | 'instant' }[] = [];
  for (const g of GROUPS) {
    out.push({ name: total(g), period: g.period });
    for (let i = 0; i < COMPONENTS; i++) out.push({ name: component(g, i), period: g.period });
  }
  return out;
}

const DIMENSION_CONCEPTS = ['DurationLineItems', 'SegmentTable', 'SegmentAxis', 'SegmentDomain', ...Array.from({ length: MEMBERS }, (_, i) => `Member${i + 1}`)];

export function schemaText(): string {
  const el = (name: string, type: string, group: string, period: string, extra = ''): string =>
    `  <xs:element id="${PREFIX}_${name}" name="${name}" type="${type}" substitutionGroup="${group}" xbrli:periodType="${period}" nillable="true"${extra}/>`;
  const lbr = (href: string, role: string): string =>
    `      <link:linkbaseRef xlink:type="simple" xlink:href="${href}" xlink:role="http://www.xbrl.org/2003/role/${role}LinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Generated by bench/generate.ts: a synthetic taxonomy for benchmarks. -->',
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:${PREFIX}="${NAMESPACE}" targetNamespace="${NAMESPACE}" elementFormDefault="qualified" attributeFormDefault="unqualified">`,
    '  <xs:annotation>',
    '    <xs:appinfo>',
    lbr('bench_lab.xml', 'label'),
    lbr('bench_cal.xml', 'calculation'),
    lbr('bench_def.xml', 'definition'),
    '    </xs:appinfo>',
    '  </xs:annotation>',
    '  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>',
    '  <xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>',
    ...conceptNames().map((c) => el(c.name, 'xbrli:monetaryItemType', 'xbrli:item', c.period)),
    el('DurationLineItems', 'xbrli:stringItemType', 'xbrli:item', 'duration', ' abstract="true"'),
    el('SegmentTable', 'xbrli:stringItemType', 'xbrldt:hypercubeItem', 'duration', ' abstract="true"'),
    el('SegmentAxis', 'xbrli:stringItemType', 'xbrldt:dimensionItem', 'duration', ' abstract="true"'),
    el('SegmentDomain', 'xbrli:stringItemType', 'xbrli:item', 'duration', ' abstract="true"'),
    ...Array.from({ length: MEMBERS }, (_, i) => el(`Member${i + 1}`, 'xbrli:stringItemType', 'xbrli:item', 'duration', ' abstract="true"')),
    '</xs:schema>',
    '',
  ].join('\n');
}

const LINKBASE_OPEN =
  '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.xbrl.org/2003/linkbase http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd">';
const loc = (name: string): string => `    <link:loc xlink:type="locator" xlink:href="${SCHEMA}#${PREFIX}_${name}" xlink:label="${name}"/>`;

export function calculationText(): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', LINKBASE_OPEN, '  <link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'];
  for (const g of GROUPS) {
    lines.push(loc(total(g)));
    for (let i = 0; i < COMPONENTS; i++) {
      lines.push(loc(component(g, i)));
      lines.push(
        `    <link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" xlink:from="${total(g)}" xlink:to="${component(g, i)}" order="${i + 1}" weight="${WEIGHTS[i]}"/>`,
      );
    }
  }
  lines.push('  </link:calculationLink>', '</link:linkbase>', '');
  return lines.join('\n');
}

export function definitionText(): string {
  const XDT = 'http://xbrl.org/int/dim/arcrole';
  const arc = (role: string, from: string, to: string, extra = '') =>
    `    <link:definitionArc xlink:type="arc" xlink:arcrole="${XDT}/${role}" xlink:from="${from}" xlink:to="${to}"${extra}/>`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', LINKBASE_OPEN];
  for (const r of ['all', 'dimension-default', 'dimension-domain', 'domain-member', 'hypercube-dimension']) {
    lines.push(`  <link:arcroleRef arcroleURI="${XDT}/${r}" xlink:type="simple" xlink:href="http://www.xbrl.org/2005/xbrldt-2005.xsd#${r}"/>`);
  }
  lines.push('  <link:definitionLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">');
  const durations = conceptNames().filter((c) => c.period === 'duration');
  for (const name of DIMENSION_CONCEPTS) lines.push(loc(name));
  for (const c of durations) lines.push(loc(c.name));
  lines.push(arc('all', 'DurationLineItems', 'SegmentTable', ' xbrldt:contextElement="segment" xbrldt:closed="true"'));
  lines.push(arc('hypercube-dimension', 'SegmentTable', 'SegmentAxis'));
  lines.push(arc('dimension-domain', 'SegmentAxis', 'SegmentDomain'));
  for (let m = 0; m < MEMBERS; m++) lines.push(arc('domain-member', 'SegmentDomain', `Member${m + 1}`));
  for (const c of durations) lines.push(arc('domain-member', 'DurationLineItems', c.name));
  lines.push('  </link:definitionLink>');
  // The default in a link of its own: XLink allows one arc per (from, to) pair in an extended link.
  lines.push('  <link:definitionLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">');
  lines.push(loc('SegmentAxis'), loc('SegmentDomain'), arc('dimension-default', 'SegmentAxis', 'SegmentDomain'));
  lines.push('  </link:definitionLink>', '</link:linkbase>', '');
  return lines.join('\n');
}

export function labelText(): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', LINKBASE_OPEN, '  <link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'];
  for (const name of [...conceptNames().map((c) => c.name), ...DIMENSION_CONCEPTS]) {
    lines.push(loc(name));
    lines.push(`    <link:label xlink:type="resource" xlink:label="${name}_label" xlink:role="http://www.xbrl.org/2003/role/label" xml:lang="en">${words(name)}</link:label>`);
    lines.push(`    <link:labelArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label" xlink:from="${name}" xlink:to="${name}_label"/>`);
  }
  lines.push('  </link:labelLink>', '</link:linkbase>', '');
  return lines.join('\n');
}

/** Writes the taxonomy into `dir` (bench.xsd, bench_cal.xml, bench_def.xml, bench_lab.xml); returns the schema path. */
export function writeTaxonomy(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bench_cal.xml'), calculationText());
  writeFileSync(join(dir, 'bench_def.xml'), definitionText());
  writeFileSync(join(dir, 'bench_lab.xml'), labelText());
  writeFileSync(join(dir, SCHEMA), schemaText());
  return join(dir, SCHEMA);
}

// ---------------------------------------------------------------------------------------------------------------
// The instance

interface ContextSpec {
  readonly id: string;
  readonly period: 'duration' | 'instant';
  readonly xml: string;
  readonly dimensional: boolean;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const MONTH_END = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthEnd = (y: number, m: number): string => `${y}-${pad2(m + 1)}-${m === 1 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_END[m]}`;

/**
 * Context `c`: unique by construction. 400 contexts per entity; within an entity, even indexes are durations
 * (200: 50 quarters × (no dimension, Member1, Member2, Member3)), odd ones instants (200 month ends).
 */
function contextSpec(c: number): ContextSpec {
  const entity = `E${String(Math.floor(c / 400)).padStart(4, '0')}`;
  const k = c % 400;
  const j = k >> 1;
  let period: string;
  let segment = '';
  let dimensional = false;
  const id = `c${c}`;
  if (k % 2 === 0) {
    const member = j % (MEMBERS + 1);
    const q = j >> 2; // 0..49: quarters from 2001Q1
    const y = 2001 + Math.floor(q / 4);
    const m0 = (q % 4) * 3;
    period = `<xbrli:startDate>${y}-${pad2(m0 + 1)}-01</xbrli:startDate><xbrli:endDate>${monthEnd(y, m0 + 2)}</xbrli:endDate>`;
    if (member > 0) {
      dimensional = true;
      segment = `<xbrli:segment><xbrldi:explicitMember dimension="${PREFIX}:SegmentAxis">${PREFIX}:Member${member}</xbrldi:explicitMember></xbrli:segment>`;
    }
    return {
      id,
      period: 'duration',
      dimensional,
      xml: `  <xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://kessan.dev/bench/entity">${entity}</xbrli:identifier>${segment}</xbrli:entity><xbrli:period>${period}</xbrli:period></xbrli:context>`,
    };
  }
  const y = 2001 + Math.floor(j / 12);
  period = `<xbrli:instant>${monthEnd(y, j % 12)}</xbrli:instant>`;
  return {
    id,
    period: 'instant',
    dimensional,
    xml: `  <xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://kessan.dev/bench/entity">${entity}</xbrli:identifier></xbrli:entity><xbrli:period>${period}</xbrli:period></xbrli:context>`,
  };
}

/** A buffered writer to a file descriptor (an instance of 1M facts is ~100 MB: never one string). */
class Out {
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly fd: number) {}
  line(s: string): void {
    this.parts.push(s, '\n');
    this.size += s.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    writeSync(this.fd, chunk);
    this.bytes += chunk.length;
    this.parts = [];
    this.size = 0;
  }
}

/** What the instance holds, in document order, for a writer of one format. */
interface Sink {
  context(spec: ContextSpec): void;
  units(): void;
  fact(name: string, spec: ContextSpec, unit: (typeof UNITS)[number], id: string, value: number): void;
}

interface Plan {
  readonly groupCount: number;
  readonly factCount: number;
  readonly contextCount: number;
}

function plan(options: BenchOptions): Plan {
  const { facts, inconsistencies = 0 } = options;
  if (!Number.isInteger(facts) || facts < FACTS_PER_GROUP) throw new Error(`facts must be an integer ≥ ${FACTS_PER_GROUP}`);
  const groupCount = Math.floor(facts / FACTS_PER_GROUP); // whole groups only, so every summation holds
  const summations = groupCount * UNITS.length; // a summation is (context, group, unit)
  if (inconsistencies > summations) throw new Error(`at most ${summations} inconsistencies in ${groupCount * FACTS_PER_GROUP} facts`);
  return { groupCount, factCount: groupCount * FACTS_PER_GROUP, contextCount: Math.ceil(groupCount / 5) };
}

/** Walks the instance's content (the same for every format: the seed decides values and planted errors). */
function emit(options: BenchOptions, sink: Sink): { dimensionalContexts: number } {
  const { seed = 1, inconsistencies = 0 } = options;
  const { groupCount, contextCount } = plan(options);
  const random = prng(seed);
  const planted = new Set<number>();
  while (planted.size < inconsistencies) planted.add(Math.floor(random() * groupCount * UNITS.length));
  let dimensionalContexts = 0;
  const specs: ContextSpec[] = [];
  for (let c = 0; c < contextCount; c++) {
    const spec = contextSpec(c);
    specs.push(spec);
    if (spec.dimensional) dimensionalContexts++;
    sink.context(spec);
  }
  sink.units();
  let factId = 0;
  let summation = 0;
  for (let gi = 0; gi < groupCount; gi++) {
    const spec = specs[Math.floor(gi / 5)]!;
    const group = GROUPS[(spec.period === 'duration' ? 0 : 5) + (gi % 5)]!;
    for (const u of UNITS) {
      const scale = u.decimals === -3 ? 1000 : 1;
      const values: number[] = [];
      for (let i = 0; i < COMPONENTS; i++) values.push(Math.floor(random() * 9_000_000 + 1000) * scale);
      let sum = values.reduce((s, v, i) => s + WEIGHTS[i]! * v, 0);
      // Off by 10..90 units of the last digit: far beyond the ±2.5 units rounding allows for 5 facts.
      if (planted.has(summation++)) sum += (1 + Math.floor(random() * 9)) * 10 * scale * (random() < 0.5 ? -1 : 1);
      sink.fact(total(group), spec, u, `f${++factId}`, sum);
      values.forEach((v, i) => sink.fact(component(group, i), spec, u, `f${++factId}`, v));
    }
  }
  return { dimensionalContexts };
}

const ROOT_NAMESPACES = `xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:${PREFIX}="${NAMESPACE}"`;

/** Writes `lines` of one document to `path` through a temporary file. Returns the bytes written. */
function writeDocument(path: string, body: (out: Out) => void): number {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  const out = new Out(fd);
  try {
    body(out);
    out.flush();
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return out.bytes;
}

/** Generates the instance and its taxonomy into `dir` (made if needed): `dir/instance.xbrl`, `dir/bench.xsd`... */
export function generateBench(dir: string, options: BenchOptions): BenchFiles {
  const { seed = 1, inconsistencies = 0 } = options;
  const { factCount, contextCount } = plan(options);
  const schema = writeTaxonomy(dir);
  const instance = join(dir, 'instance.xbrl');
  let dimensionalContexts = 0;
  const bytes = writeDocument(instance, (out) => {
    out.line('<?xml version="1.0" encoding="UTF-8"?>');
    out.line(`<xbrli:xbrl ${ROOT_NAMESPACES}>`);
    out.line(`  <link:schemaRef xlink:type="simple" xlink:href="${SCHEMA}"/>`);
    ({ dimensionalContexts } = emit(options, {
      context: (spec) => out.line(spec.xml),
      units: () => {
        for (const u of UNITS) out.line(`  <xbrli:unit id="${u.id}"><xbrli:measure>${u.measure}</xbrli:measure></xbrli:unit>`);
      },
      fact: (name, spec, u, id, v) => out.line(`  <${PREFIX}:${name} contextRef="${spec.id}" unitRef="${u.id}" decimals="${u.decimals}" id="${id}">${v}</${PREFIX}:${name}>`),
    }));
    out.line('</xbrli:xbrl>');
  });
  const files: BenchFiles = { dir, instance, schema, facts: factCount, contexts: contextCount, dimensionalContexts, inconsistencies, bytes };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ generator: GENERATOR_VERSION, seed, ...files }, null, 2)}\n`);
  return files;
}

const TR4 = 'http://www.xbrl.org/inlineXBRL/transformation/2020-02-12';
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * The same facts as Inline XBRL 1.1 (`dir/instance.xhtml`, beside the taxonomy): contexts and units in a
 * hidden ix:header, each group a table row of ix:nonFraction cells (JPY with scale 3, so in thousands;
 * negatives with sign="-"; `ixt:num-dot-decimal`). Returns the file's path and size.
 */
export function generateInline(dir: string, options: BenchOptions): { file: string; bytes: number } {
  writeTaxonomy(dir);
  const file = join(dir, 'instance.xhtml');
  const bytes = writeDocument(file, (out) => {
    out.line('<?xml version="1.0" encoding="UTF-8"?>');
    out.line(`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ixt="${TR4}" ${ROOT_NAMESPACES}>`);
    out.line('<head><title>kessan benchmark</title></head>');
    out.line('<body>');
    out.line('<div style="display:none"><ix:header>');
    out.line(`<ix:references><link:schemaRef xlink:type="simple" xlink:href="${SCHEMA}"/></ix:references>`);
    out.line('<ix:resources>');
    let row: string[] = [];
    let rowKey = '';
    const endRow = () => {
      if (row.length) out.line(`<tr><th>${rowKey}</th>${row.join('')}</tr>`);
      row = [];
    };
    let inBody = false;
    emit(options, {
      context: (spec) => out.line(spec.xml.trim()),
      units: () => {
        for (const u of UNITS) out.line(`<xbrli:unit id="${u.id}"><xbrli:measure>${u.measure}</xbrli:measure></xbrli:unit>`);
      },
      fact: (name, spec, u, id, v) => {
        if (!inBody) {
          out.line('</ix:resources>');
          out.line('</ix:header></div>');
          out.line('<table>');
          inBody = true;
        }
        const key = `${spec.id} ${u.id}`;
        if (key !== rowKey || row.length === COMPONENTS + 1) {
          endRow();
          rowKey = key;
        }
        const shown = u.decimals === -3 ? Math.abs(v) / 1000 : Math.abs(v);
        const scale = u.decimals === -3 ? 3 : 0;
        row.push(
          `<td><ix:nonFraction name="${PREFIX}:${name}" contextRef="${spec.id}" unitRef="${u.id}" decimals="${u.decimals}" scale="${scale}" format="ixt:num-dot-decimal" id="${id}"${v < 0 ? ' sign="-"' : ''}>${grouped(shown)}</ix:nonFraction></td>`,
        );
      },
    });
    endRow();
    out.line('</table>');
    out.line('</body>');
    out.line('</html>');
  });
  return { file, bytes };
}

/** The generated files for these options, generated only if `dir` doesn't have them yet (same generator, same options). */
export function ensureBench(dir: string, options: BenchOptions): BenchFiles {
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest) && existsSync(join(dir, 'instance.xbrl'))) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as BenchFiles & { generator: number; seed: number };
    if (m.generator === GENERATOR_VERSION && m.seed === (options.seed ?? 1) && m.inconsistencies === (options.inconsistencies ?? 0) && m.facts === Math.floor(options.facts / FACTS_PER_GROUP) * FACTS_PER_GROUP) {
      return { dir: m.dir, instance: m.instance, schema: m.schema, facts: m.facts, contexts: m.contexts, dimensionalContexts: m.dimensionalContexts, inconsistencies: m.inconsistencies, bytes: m.bytes };
    }
  }
  return generateBench(dir, options);
}
