/**
 * Arelle's extraction of an Inline XBRL document set, as a referee for kessan's Inline XBRL reader.
 *
 * Offline, Arelle drops every fact whose concept it cannot find, and the corpus's filings point at base
 * taxonomies (us-gaap, jpcrp, FRS-102...) by URL. So the documents are copied to a temporary folder with their
 * schemaRefs pointing at a stub schema that declares every concept the documents use (numbers as decimals,
 * fractions as fractions, the rest as strings, all nillable), Arelle extracts the instance (`--saveInstance`),
 * and kessan's XBRL reader reads that instance back. Nothing of the documents' content is changed.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Fact } from '../../src/core/model/fact.js';
import { clark } from '../../src/core/model/qname.js';
import { periodKey } from '../../src/core/model/period.js';
import { unitKey } from '../../src/core/model/unit.js';
import { manifestSets } from '../../src/formats/ixbrl/read/manifest.js';
import type { InlineReport } from '../../src/formats/ixbrl/read/model.js';
import { readInstanceFile } from '../../src/formats/xbrl/read/read.js';
import { runArelle } from './arelle.js';

/** A fact as a comparable line: concept, entity, period, unit, dimensions, decimals, language, and nil or value. */
export function factKey(f: Fact): string {
  const dims = [...f.dimensions].map(([d, v]) => `${clark(d)}=${'typed' in v ? v.typed : clark(v)}`).sort().join(',');
  const value = f.value === null ? 'nil' : typeof f.value === 'string' ? `text:${f.value}` : `number:${f.value.toFixed()}`;
  return [clark(f.concept), `${f.entity.scheme}#${f.entity.identifier}`, periodKey(f.period), f.unit ? unitKey(f.unit) : '', dims, String(f.decimals ?? ''), f.lang?.toLowerCase() ?? '', value].join(' | ');
}

/** The lines of `a` not in `b` and of `b` not in `a` (as multisets), each shortened for a readable failure. */
export function factDifferences(a: readonly Fact[], b: readonly Fact[]): { onlyFirst: string[]; onlySecond: string[] } {
  const count = new Map<string, number>();
  for (const f of a) count.set(factKey(f), (count.get(factKey(f)) ?? 0) + 1);
  const onlySecond: string[] = [];
  for (const f of b) {
    const k = factKey(f);
    const n = count.get(k) ?? 0;
    if (n) count.set(k, n - 1);
    else onlySecond.push(k);
  }
  const onlyFirst = [...count].flatMap(([k, n]) => Array<string>(n).fill(k));
  const short = (k: string) => (k.length > 400 ? `${k.slice(0, 400)}…` : k);
  return { onlyFirst: onlyFirst.map(short), onlySecond: onlySecond.map(short) };
}

function stubSchemas(report: InlineReport): Map<string, string> {
  const byNs = new Map<string, Map<string, string>>();
  for (const info of report.inline.facts) {
    if (info.kind === 'tuple') continue;
    const { namespace, localName } = info.element;
    const type = info.kind === 'nonFraction' ? 'xbrli:decimalItemType' : info.kind === 'fraction' ? 'xbrli:fractionItemType' : 'xbrli:stringItemType';
    const ctx = report.inline.contexts.get(info.contextRef ?? '');
    const periodType = ctx?.period?.kind === 'instant' ? 'instant' : 'duration';
    if (!byNs.has(namespace)) byNs.set(namespace, new Map());
    byNs.get(namespace)!.set(localName, `<xs:element name="${localName}" id="${localName}" type="${type}" substitutionGroup="xbrli:item" nillable="true" xbrli:periodType="${periodType}"/>`);
  }
  const files = new Map<string, string>();
  let i = 0;
  const imports: string[] = [];
  for (const [ns, elements] of byNs) {
    const name = `stub-${++i}.xsd`;
    imports.push(`<xs:import namespace="${ns}" schemaLocation="${name}"/>`);
    files.set(name, `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" targetNamespace="${ns}" elementFormDefault="qualified">\n<xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>\n${[...elements.values()].join('\n')}\n</xs:schema>\n`);
  }
  files.set('stub.xsd', `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://kessan.dev/test/stub">\n${imports.join('\n')}\n</xs:schema>\n`);
  return files;
}

/**
 * Arelle's facts for the document set kessan read as `report` (its files, in order), or its log lines when it
 * extracted nothing. Runs in a temporary folder, removed afterwards.
 */
export function arelleInlineFacts(report: InlineReport): { facts: Fact[]; log: string[] } {
  const tmp = mkdtempSync(join(tmpdir(), 'kessan-ix-arelle-'));
  try {
    for (const [name, text] of stubSchemas(report)) writeFileSync(join(tmp, name), text);
    const docs = report.inline.files.map((file) => {
      const out = join(tmp, basename(file));
      const bytes = readFileSync(file);
      const text = bytes.toString('utf8');
      // Only the schemaRef's href changes; an unchanged document is copied byte for byte.
      const edited = text.replace(/(<(?:[A-Za-z_][\w.-]*:)?schemaRef\b[^>]*?\bxlink:href=")[^"]*(")/g, '$1stub.xsd$2');
      if (edited === text) copyFileSync(file, out);
      else writeFileSync(out, edited);
      return out;
    });
    // A document set is given to Arelle by its manifest (EDINET's), copied too; images and the like are not needed.
    let entry = docs[0]!;
    if (docs.length > 1) {
      const set = manifestSets(dirname(report.inline.files[0]!)).find((m) => m.docs.length === docs.length);
      if (!set) throw new Error(`no manifest lists the ${docs.length} documents of ${report.inline.files[0]}`);
      entry = join(tmp, basename(set.manifest));
      copyFileSync(set.manifest, entry);
    }
    const log = runArelle(['--plugins=inlineXbrlDocumentSet|EDGAR/transform', '-f', entry, '--saveInstance']);
    const extracted = readdirSync(tmp).find((f) => f.endsWith('_extracted.xbrl'));
    if (!extracted) return { facts: [], log };
    return { facts: readInstanceFile(join(tmp, extracted)).facts, log };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
