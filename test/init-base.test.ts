/**
 * `kessan init --base`: rows take a base taxonomy's concept where exactly one fits (by name or label, period type
 * and kind), the generated schema imports the base by its official URL, and nothing is guessed when two fit.
 * With a base taxonomy made here as a taxonomy package, and with us-gaap 2024 from ../shared/taxonomies.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { convertFile } from '../src/app/convert.js';
import { initRelease } from '../src/app/init.js';
import { roundTripFile } from '../src/app/roundtrip.js';
import { setLimits } from '../src/core/limits.js';
import { formatPeriod } from '../src/core/model/period.js';
import { SHARED } from './support/example.js';

const dir = mkdtempSync(join(tmpdir(), 'kessan-base-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setLimits());

const BASE_NS = 'http://std.example/base/2024';
const el = (name: string, type: string, period: string) => `  <xs:element name="${name}" id="std_${name}" type="${type}" substitutionGroup="xbrli:item" xbrli:periodType="${period}" nillable="true"/>`;
const label = (name: string, text: string) => `    <link:loc xlink:type="locator" xlink:href="std.xsd#std_${name}" xlink:label="${name}"/>
    <link:label xlink:type="resource" xlink:label="${name}_l" xlink:role="http://www.xbrl.org/2003/role/label" xml:lang="en">${text}</link:label>
    <link:labelArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label" xlink:from="${name}" xlink:to="${name}_l"/>`;
const BASE = {
  'std/META-INF/taxonomyPackage.xml': `<?xml version="1.0" encoding="UTF-8"?>
<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package"><tp:identifier>${BASE_NS}</tp:identifier><tp:name>Standard</tp:name></tp:taxonomyPackage>`,
  'std/META-INF/catalog.xml': `<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"><rewriteURI uriStartString="http://std.example/base/2024/" rewritePrefix="../2024/"/></catalog>`,
  'std/2024/std.xsd': `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:num="http://www.xbrl.org/dtr/type/numeric" targetNamespace="${BASE_NS}" elementFormDefault="qualified">
  <xs:annotation><xs:appinfo><link:linkbaseRef xlink:type="simple" xlink:href="std_lab.xml" xlink:role="http://www.xbrl.org/2003/role/labelLinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/></xs:appinfo></xs:annotation>
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:import namespace="http://www.xbrl.org/dtr/type/numeric" schemaLocation="http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd"/>
${el('Revenues', 'xbrli:monetaryItemType', 'duration')}
${el('SalesRevenueNet', 'xbrli:monetaryItemType', 'duration')}
${el('CostOfRevenue', 'xbrli:monetaryItemType', 'duration')}
${el('Cash', 'xbrli:monetaryItemType', 'instant')}
${el('Receivables', 'xbrli:monetaryItemType', 'duration')}
${el('EarningsPerShareDiluted', 'num:perShareItemType', 'duration')}
</xs:schema>`,
  'std/2024/std_lab.xml': `<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
  <link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
${label('Revenues', 'Net sales')}
${label('SalesRevenueNet', 'Net sales')}
${label('CostOfRevenue', 'Cost of sales')}
${label('EarningsPerShareDiluted', 'Diluted earnings per share')}
  </link:labelLink>
</link:linkbase>`,
};

const RELEASE = `# Acme Corp. Reports First Quarter Results

### Condensed Statements of Income

(In thousands, except per share amounts)

\tThree Months Ended\t
\tMarch 31, 2024\tMarch 31, 2023
Net sales\t$1,200\t$1,000
Cost of sales\t700\t600
Gross profit\t500\t400
Diluted earnings per share\t$0.75\t$0.55

### Condensed Balance Sheets

(In thousands)

\tMarch 31, 2024\tDecember 31, 2023
Cash\t$900\t$800
Receivables\t300\t250
Total assets\t$1,200\t$1,050
`;

describe('kessan init --base', () => {
  it('maps rows onto the base where exactly one concept fits, and says where two did', async () => {
    const pkg = join(dir, 'std.zip');
    writeFileSync(pkg, zipSync(Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, strToU8(v)]))));
    const release = join(dir, 'acme.txt');
    writeFileSync(release, RELEASE);
    setLimits({ taxonomyPackages: [pkg] });
    const r = await initRelease(release, { entityScheme: 'http://www.sec.gov/CIK', entity: '1234567', out: join(dir, 'out'), base: [`${BASE_NS}/std.xsd`] });
    expect(r.coverage).toEqual({ figures: 14, tagged: 14, reported: 0 });
    const spec = readFileSync(r.spec, 'utf8');
    // Cost of sales by label, diluted EPS by label (per share), cash by name (an instant); receivables' base
    // concept is a duration, so the balance-sheet row keeps its own; "Net sales" fits two: neither is taken.
    expect(spec).toContain(`imports:\n  - prefix: std\n    namespace: ${BASE_NS}\n    schemaLocation: ${BASE_NS}/std.xsd`);
    expect(spec).toMatch(/- std:CostOfRevenue: Cost of sales/);
    expect(spec).toMatch(/- std:EarningsPerShareDiluted: Diluted earnings per share/);
    expect(spec).toMatch(/- std:Cash: Cash/);
    expect(spec).toMatch(/- Receivables: Receivables/);
    expect(spec).toMatch(/- NetSales: Net sales/);
    expect(r.notes).toContain('NetSales ("Net sales") fits std:Revenues and std:SalesRevenueNet; none was chosen, it stays an extension concept');
    expect(readFileSync(join(dir, 'out', 'acme.xsd'), 'utf8')).toContain(`<xs:import namespace="${BASE_NS}" schemaLocation="${BASE_NS}/std.xsd"/>`);
    // The profile names the package, so convert finds the base without being told.
    setLimits();
    expect(JSON.parse(readFileSync(r.profile, 'utf8')).taxonomy.packages).toEqual(['../std.zip']);
    const conv = await convertFile(release, join(dir, 'acme.xbrl'), { profile: r.profile });
    expect(conv.failed).toBe(false);
    const cost = conv.report.facts.find((f) => f.concept.localName === 'CostOfRevenue' && formatPeriod(f.period) === '2024-01-01..2024-03-31');
    expect([cost?.concept.namespace, String(cost?.value)]).toEqual([BASE_NS, '700000']);
    const trip = roundTripFile(release, { profile: r.profile });
    expect([trip.onlyFirst, trip.onlySecond, trip.tables.differences]).toEqual([[], [], []]);
  });

  it.runIf(existsSync(join(SHARED, 'taxonomies', 'xbrl.fasb.org', 'us-gaap', '2024')))('us-gaap 2024 from ../shared/taxonomies: Apple 1Q FY2011', async () => {
    setLimits({ taxonomyDirs: [join(SHARED, 'taxonomies')] });
    const release = join(SHARED, 'release', 'real', 'apple-1q-fy2011.htm');
    const r = await initRelease(release, { entityScheme: 'http://www.sec.gov/CIK', entity: '320193', out: join(dir, 'apple'), base: ['us-gaap'] });
    expect(r.coverage).toEqual({ figures: 142, tagged: 142, reported: 0 });
    const spec = readFileSync(r.spec, 'utf8');
    for (const c of ['us-gaap:Goodwill: Goodwill', 'us-gaap:PropertyPlantAndEquipmentNet: Property, plant and equipment, net', 'us-gaap:DeferredRevenueNoncurrent: Deferred revenue – non-current']) expect(spec).toContain(c);
    setLimits();
    const conv = await convertFile(release, join(dir, 'apple.xbrl'), { profile: r.profile });
    const goodwill = conv.report.facts.filter((f) => f.concept.localName === 'Goodwill').map((f) => `${f.concept.namespace} ${formatPeriod(f.period)} ${String(f.value)}`);
    expect(goodwill).toEqual(['http://fasb.org/us-gaap/2024 2010-12-25 741000000', 'http://fasb.org/us-gaap/2024 2010-09-25 741000000']);
    const trip = roundTripFile(release, { profile: r.profile });
    expect([trip.onlyFirst, trip.onlySecond, trip.tables.differences]).toEqual([[], [], []]);
  });
});
