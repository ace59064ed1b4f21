/**
 * The Inline XBRL reader (1.0 and 1.1): one document or a document set → the fact model. Contexts and units
 * come from any document's ix:resources and are read with the XBRL instance reader's own code; values go
 * through the Transformation Registry (src/formats/ixbrl/transforms). What is wrong is reported with Arelle's `ix*` codes.
 */
import { DEFAULT_LINKROLE } from '../../../core/taxonomy/model.js';
import type { Decimal } from 'decimal.js';
import { KessanError } from '../../../core/errors.js';
import { readInputBytes } from '../../../core/limits.js';
import { fileChunks, textChunks } from '../../../core/xml/chunks.js';
import type { Decimals, Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { NS } from '../../../core/model/qname.js';
import { XML_NS, type XmlElement } from '../../../core/xml/parse.js';
import { attr, decodeXml, xmlLang } from '../../../core/xml/tree.js';
import { EntityCache, readContext, readUnit } from '../../xbrl/read/contexts.js';
import { isNil, parseDecimals } from '../../xbrl/read/facts.js';
import type { ContextInfo, HrefRef, UnitInfo, XmlNode } from '../../../core/xbrl/infoset.js';
import { idOf, IX10, ixSection, type DocParts } from './collect.js';
import type { FactElement } from './element.js';
import { ElementFactInfo, InlineFact } from './fact.js';
import { readDocument } from './stream.js';
import { manifestSet } from './manifest.js';
import type { InlineDocumentSet, InlineFactInfo, InlineFootnote, InlineRelationship, InlineReport } from './model.js';
import { attributeChecker } from './attributes.js';
import { structureFindings } from './structure.js';
import { displayedText, fractionValue, nonNumericValue, numberOf, resolveName, type ValueResult } from './values.js';
import { factAttributes, xmlIdOf } from './fact-attributes.js';

const FACT_FOOTNOTE = 'http://www.xbrl.org/2003/arcrole/fact-footnote';
const NIL: ValueResult = { ok: true, value: '' };
const NO_CHAIN: readonly XmlElement[] = [];

/** An element as the instance reader's small-tree node (for contexts and units). */
function toNode(el: XmlElement): XmlNode {
  const attributes = new Map<string, string>();
  // forEach: the streaming reader's elements give their attributes to it without an iterator's objects.
  el.attributes.forEach((v, k) => {
    if (k !== 'xmlns' && !k.startsWith('xmlns:')) attributes.set(k, v);
  });
  return { name: el.name, attributes, children: el.children.map((c) => (typeof c === 'string' ? c : toNode(c))), line: el.line, column: el.column, nsScope: el.nsScope };
}

function hrefRef(el: XmlElement, file: string): HrefRef & { file: string } {
  const role = attr(el, 'role', NS.xlink);
  const arcrole = attr(el, 'arcrole', NS.xlink);
  return { file, line: el.line, column: el.column, href: attr(el, 'href', NS.xlink) ?? '', kind: el.name.localName as HrefRef['kind'], ...(role ? { role } : {}), ...(arcrole ? { arcrole } : {}) };
}

/** Reads Inline XBRL documents forming one set (a single document is a set of one). */
export function readInline(documents: readonly { text: string; file: string }[]): InlineReport {
  return readInlineDocs(documents.map(({ text, file }) => readDocument(textChunks(text), file)));
}

function readInlineDocs(docs: readonly DocParts[]): InlineReport {
  const findings: Finding[] = [];
  const first = docs[0];
  if (!first) throw new KessanError('kessan:usage', 'no Inline XBRL documents to read', {}, 2);
  const ixNs = docs.find((d) => d.ixNs)?.ixNs;
  const version = ixNs === IX10 ? '1.0' : '1.1';
  const finding = (el: XmlElement, file: string, element: string, sect: 'constraint' | 'validation', code: string, message: string) =>
    findings.push({ code: `${ixSection(ixNs, element, sect)}:${code}`, severity: 'error', message, file, line: el.line, column: el.column });
  if (!docs.some((d) => d.headers.length)) finding(first.root, first.file, 'header', 'validation', 'missingHeader', 'no document of the set has an ix:header');
  const attributeFindings = attributeChecker();
  for (const d of docs) {
    // Indexed loops over a document's elements and facts: these run once per read, and until the optimizer has
    // run a for-of makes an iterator result per element.
    const ixElements = d.ixElements;
    for (let k = 0; k < ixElements.length; k++) {
      const el = ixElements[k]!;
      const found = attributeFindings(el, d.file);
      if (found.length) findings.push(...found);
    }
  }
  findings.push(...structureFindings(docs, ixNs));

  // Resources: first definition of an id wins; a repeated id is reported.
  const entities = new EntityCache();
  const contexts = new Map<string, ContextInfo>();
  const units = new Map<string, UnitInfo>();
  const refs: (HrefRef & { file: string })[] = [];
  for (const d of docs) {
    refs.push(...d.refs.map((r) => hrefRef(r, d.file)));
    for (const el of [...d.contexts, ...d.units]) {
      const isContext = el.name.localName === 'context';
      const info = isContext ? readContext(toNode(el), entities, d.root.nsScope, d.file) : readUnit(toNode(el));
      const map: Map<string, ContextInfo | UnitInfo> = isContext ? contexts : units;
      if (map.has(info.id) || (isContext ? units : contexts).has(info.id)) finding(el, d.file, 'resources', 'validation', 'resourceIdDuplication', `id ${info.id} is used by more than one resource`);
      else map.set(info.id, info as never);
    }
  }

  // Ids, continuations and tuples across the set.
  const all: readonly FactElement[] = docs.length === 1 ? first.facts : docs.flatMap((d) => d.facts);
  // One document whose ids are all different (contexts' and units' among them), every fact and resource with
  // one (not empty: a resource without an id is counted under ''): each fact keeps its own, and no counts are
  // needed. What the document's reading counted says so without a look at each fact.
  const ownIds =
    docs.length === 1 && first.repeatedIds.size === 0 && first.factsWithoutId === 0 && [...contexts.keys(), ...units.keys()].every((id) => id !== '');
  // The facts' ids, worked out only when some do not keep their own (else a fact's is its `id`, read with its
  // other attributes).
  const factIds: string[] | undefined = ownIds ? undefined : generatedFactIds(all, contexts, units);
  const factIdOf = (i: number): string => (factIds ? factIds[i]! : xmlIdOf(all[i]!)!);
  const continuations = new Map<string, XmlElement>();
  for (const d of docs) for (const c of d.continuations) { const id = attr(c, 'id'); if (id) continuations.set(id, c); }
  // Tuples by tupleID, and their fact ids (looked for only in a set that has tuples).
  const tupleIds = new Map<string, XmlElement>();
  const tupleFactId = new Map<XmlElement, string>();
  if (docs.some((d) => d.tuples > 0)) {
    for (let k = 0; k < all.length; k++) {
      const f = all[k]!;
      if (f.kind !== 'tuple') continue;
      const t = attr(f, 'tupleID');
      if (t) tupleIds.set(t, f);
      tupleFactId.set(f, factIdOf(k));
    }
  }

  const baseOf = new Map(docs.map((d) => [d.file, d.base]));
  const facts: Fact[] = [];
  const infos: InlineFactInfo[] = [];
  const relationships: InlineRelationship[] = [];
  const decimalsOf = new Map<string, Decimals | undefined>(); // decimals values repeat: each read once
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const a = factAttributes(el);
    const factId = factIds ? factIds[i]! : a.id!;
    const kind = el.kind;
    const local = kind;
    const name = a.name;
    const concept = resolveName(el, name ?? '');
    const tupleRef = a.tupleRef;
    const tupleEl = tupleRef !== undefined ? tupleIds.get(tupleRef) : el.tuple;
    if (tupleRef !== undefined && !tupleEl) finding(el, el.file, local, 'validation', 'tupleRefMissing', `tupleRef ${tupleRef} names no ix:tuple`);
    const chain = kind === 'nonNumeric' ? continuationChain(el, continuations, (code, msg) => finding(el, el.file, local, 'validation', code, msg)) : NO_CHAIN;
    // What the set says of the fact: a view of its element, with what is worked out here (fact.ts).
    const info = new ElementFactInfo(el, factId, concept ?? el.name, tupleEl ? tupleFactId.get(tupleEl) : undefined);
    infos.push(info);
    const footnoteRefs = a.footnoteRefs;
    if (footnoteRefs !== undefined) {
      for (const ref of footnoteRefs.split(/\s+/).filter(Boolean)) {
        relationships.push({ file: el.file, line: el.line, column: el.column, from: [factId], to: [ref], arcrole: FACT_FOOTNOTE, linkRole: DEFAULT_LINKROLE });
      }
    }
    if (!concept) finding(el, el.file, local, 'validation', 'name', `name "${name ?? ''}" is not a QName in scope`);
    if (kind === 'tuple' || !concept) {
      info.notInReport = 'tuple';
      continue;
    }
    const contextRef = a.contextRef;
    const ctx = contexts.get(contextRef ?? '');
    const nil = isNil(a.nil);
    let value: ValueResult & { displayed?: string };
    let displayed: string;
    if (kind === 'nonNumeric') {
      value = nil ? NIL : nonNumericValue(el, chain, baseOf.get(el.file));
      displayed = value.displayed ?? '';
    } else {
      displayed = displayedText(el);
      value = nil ? NIL : kind === 'nonFraction' ? numberOf(el, displayed, a.format, a.scale, a.sign) : fractionValue(el);
    }
    info.displayed = displayed;
    if (!value.ok) {
      if (value.code === 'scaleOutOfRange') findings.push({ code: 'kessan:scaleOutOfRange', severity: 'error', message: value.message, file: el.file, line: el.line, column: el.column });
      else if (value.code !== 'invalidAttribute') finding(el, el.file, local, value.code === 'invalidTransformation' ? 'validation' : 'constraint', value.code, value.message);
    }
    if (!ctx) {
      finding(el, el.file, local, 'validation', 'contextReference', `contextRef "${contextRef ?? ''}" names no context`);
      info.notInReport = 'contextMissing';
      continue;
    }
    if (!ctx.period) {
      info.notInReport = 'periodInvalid';
      continue;
    }
    let unit: UnitInfo | undefined;
    if (kind !== 'nonNumeric') {
      const unitRef = a.unitRef;
      unit = units.get(unitRef ?? '');
      if (!unit?.unit) {
        finding(el, el.file, local, 'validation', 'unitReference', `unitRef "${unitRef ?? ''}" names no unit`);
        info.notInReport = unit ? 'unitInvalid' : 'unitMissing';
        continue;
      }
    }
    const v: Decimal | string | null = nil ? null : value.ok ? value.value : value.raw;
    const numeric = v !== null && typeof v !== 'string';
    const lang = kind === 'nonNumeric' ? xmlLang(el) || undefined : undefined;
    let decimals: Decimals | undefined;
    if (numeric) {
      const raw = a.decimals;
      if (raw !== undefined) {
        decimals = decimalsOf.get(raw);
        if (decimals === undefined && !decimalsOf.has(raw)) {
          decimals = parseDecimals(raw);
          if (decimalsOf.size < 1000) decimalsOf.set(raw, decimals);
        }
      }
      decimals ??= a.precision === 'INF' ? 'INF' : undefined;
    }
    facts.push(new InlineFact(factId, concept, ctx, unit?.unit, v, decimals, lang, info));
  }

  // The first fact with each xml id (relationships name facts by it).
  const byXmlId = new Map<string, string>();
  if (docs.some((d) => d.relationships.length)) {
    for (let i = 0; i < all.length; i++) {
      const id = xmlIdOf(all[i]!);
      if (id !== undefined && !byXmlId.has(id)) byXmlId.set(id, factIdOf(i));
    }
  }
  const footnotes: InlineFootnote[] = [];
  for (const d of docs) {
    for (const el of d.footnotes) {
      const id = idOf(el) ?? '';
      const role = attr(el, 'footnoteRole');
      const lang = attr(el, 'lang', XML_NS) ?? xmlLang(el);
      // An Inline XBRL 1.1 footnote may go on in continuations, as a nonNumeric does.
      const chain = continuationChain(el, continuations, (code, msg) => finding(el, d.file, 'footnote', 'validation', code, msg));
      footnotes.push({ file: d.file, line: el.line, column: el.column, id, ...opt('role', role), ...opt('lang', lang), text: [el, ...chain].map(displayedText).join('') });
    }
    for (const el of d.relationships) {
      const refs = (name: string) => (attr(el, name) ?? '').split(/\s+/).filter(Boolean).map((r) => byXmlId.get(r) ?? r);
      relationships.push({ file: d.file, line: el.line, column: el.column, from: refs('fromRefs'), to: refs('toRefs'), arcrole: attr(el, 'arcrole') ?? FACT_FOOTNOTE, linkRole: attr(el, 'linkRole') ?? DEFAULT_LINKROLE });
    }
  }
  // ix 1.0: a footnote's own arcrole and link role apply to the facts that reference it.
  if (version === '1.0') {
    const byId = new Map(docs.flatMap((d) => d.footnotes.map((el) => [idOf(el) ?? '', el] as const)));
    for (let i = 0; i < relationships.length; i++) {
      const r = relationships[i]!;
      const fn = byId.get(r.to[0] ?? '');
      if (fn) relationships[i] = { ...r, arcrole: attr(fn, 'arcrole') ?? r.arcrole, linkRole: attr(fn, 'footnoteLinkRole') ?? r.linkRole };
    }
  }

  const inline: InlineDocumentSet = { files: docs.map((d) => d.file), version, refs, contexts, units, facts: infos, footnotes, relationships };
  const namespaces: Record<string, string> = {};
  for (const [p, ns] of first.root.nsScope) if (p && p !== 'xml') namespaces[p] = ns;
  return {
    facts,
    taxonomy: { schemaRefs: refs.filter((r) => r.kind === 'schemaRef').map((r) => r.href) },
    namespaces,
    documentInfo: { source: first.file, format: 'ixbrl' },
    findings,
    inline,
  };
}

/**
 * The facts' ids when some do not keep their own: a fact's own when unique in the set (among facts, contexts and
 * units), else f<n> (suffixed when that is some element's id). Generated ids cannot meet each other (each has its
 * own n), so only the document's ids need looking at.
 */
function generatedFactIds(all: readonly FactElement[], contexts: ReadonlyMap<string, ContextInfo>, units: ReadonlyMap<string, UnitInfo>): string[] {
  const xmlIds = all.map(xmlIdOf);
  const idCounts = new Map<string, number>();
  for (const id of xmlIds) if (id !== undefined) idCounts.set(id, (idCounts.get(id) ?? 0) + 1);
  for (const id of [...contexts.keys(), ...units.keys()]) idCounts.set(id, (idCounts.get(id) ?? 0) + 1);
  return all.map((_, i) => {
    const xmlId = xmlIds[i];
    let id = xmlId !== undefined && idCounts.get(xmlId) === 1 ? xmlId : `f${i + 1}`;
    for (let k = 2; id !== xmlId && idCounts.has(id); k++) id = `f${i + 1}_${k}`;
    return id;
  });
}

function opt<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [k in K]: V });
}

/** The continuation elements a nonNumeric's `continuedAt` chain goes through, in order. */
function continuationChain(el: XmlElement, byId: ReadonlyMap<string, XmlElement>, report: (code: string, message: string) => void): XmlElement[] {
  const out: XmlElement[] = [];
  const seen = new Set<string>();
  for (let next = attr(el, 'continuedAt'); next !== undefined; ) {
    if (seen.has(next)) {
      report('continuationCycle', `the continuation chain loops at ${next}`);
      break;
    }
    seen.add(next);
    const c = byId.get(next);
    if (!c) {
      report('continuationMissing', `continuedAt ${next} names no ix:continuation`);
      break;
    }
    out.push(c);
    next = attr(c, 'continuedAt');
  }
  return out;
}

/** Reads one document file, or the whole set an EDINET-style manifest beside it lists it in. */
export function readInlineFile(path: string): InlineReport {
  const set = manifestSet(path);
  if (!set) return readInlineFiles([path]);
  const report = readInlineFiles(set.files);
  report.findings.unshift(...set.findings);
  return report;
}

/**
 * Reads a document set's files. One file is read in pieces as it is parsed, never whole in memory; the files
 * of a larger set are all read before any is parsed, so that an unreadable one is reported before one that
 * does not parse, as it always was.
 */
export function readInlineFiles(paths: readonly string[]): InlineReport {
  if (paths.length === 1) return readInlineDocs([readDocument(fileChunks(paths[0]!), paths[0]!)]);
  return readInline(paths.map((file) => ({ file, text: readText(file) })));
}

function readText(path: string): string {
  return decodeXml(readInputBytes(path), path);
}
