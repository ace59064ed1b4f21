/**
 * The XBRL 2.1 instance reader: one streaming pass with the XML scanner (core/xml/scanner.ts), no DOM of the document. Small trees are built
 * only for contexts, units, footnote links and the content of items that have child elements; facts are
 * read straight from the events. Only what makes reading impossible (not well-formed XML, a DOCTYPE, a
 * size limit) throws; everything else is recorded in the `InstanceDocument` for the validator to judge.
 */
import { KessanError } from '../../../core/errors.js';
import { currentLimits } from '../../../core/limits.js';
import { NS, qname, type QName } from '../../../core/model/qname.js';
import { createParser, DEFAULT_LIMITS, limitError, scopeFor, XML_NS, XMLNS_NS, type XmlLimits } from '../../../core/xml/parse.js';
import { fileChunks, parseChunks, textChunks } from '../../../core/xml/chunks.js';
import { EntityCache, readContext, readUnit } from './contexts.js';
import { assignIds, reportFacts, type FactDraft } from './facts.js';
import { DocumentIds } from '../../../core/xml/ids.js';
import { readFootnoteLink } from './footnotes.js';
import type { ContextInfo, FactInfo, FootnoteLink, HrefRef, InstanceDocument, InstanceReport, Position, UnitInfo } from '../../../core/xbrl/infoset.js';
import type { BuildNode } from '../../../core/xbrl/nodes.js';

export interface ReadInstanceOptions {
  readonly limits?: XmlLimits & { readonly maxFacts?: number };
}

// What an open element is, by depth.
const ROOT = 0;
const SKIP = 1; // content not read (inside schemaRef and the like)
const TREE = 2; // part of a small tree being built
const ITEM = 3;
const TUPLE = 4;

const BASE_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();
const XSI_NIL = 'nil';
const HREF_KINDS = new Set(['schemaRef', 'linkbaseRef', 'roleRef', 'arcroleRef']);

/** Reads an instance document's text (`file` is for positions and sources). Throws KessanError (exit 1) only for XML that cannot be read. */
export function readInstance(text: string, file: string, options: ReadInstanceOptions = {}): InstanceReport {
  return readInstanceChunks(textChunks(text), file, options);
}

/**
 * Reads an instance file: UTF-8 (a BOM is dropped) or the encoding its XML declaration or BOM names, in
 * pieces as it is parsed (the file is never whole in memory). A missing file or a folder is
 * `kessan:inputUnreadable` (exit 2).
 */
export function readInstanceFile(path: string, options: ReadInstanceOptions = {}): InstanceReport {
  return readInstanceChunks(fileChunks(path), path, options);
}

function readInstanceChunks(chunks: Iterable<string>, file: string, options: ReadInstanceOptions): InstanceReport {
  const { maxDepth, maxTextLength, maxAttributeLength, maxFacts } = { ...DEFAULT_LIMITS, maxFacts: currentLimits().maxFacts, ...options.limits };
  const parser = createParser(file);

  let root: QName | undefined;
  let rootScope = BASE_SCOPE;
  let rootBase: string | undefined;
  const refs: HrefRef[] = [];
  let leadingRefs = -1; // how many refs came before the first other top-level element
  const contexts = new Map<string, ContextInfo>();
  const units = new Map<string, UnitInfo>();
  const footnoteLinks: FootnoteLink[] = [];
  // Ids and top-level elements: facts' are taken from their drafts when first asked for (`documentIds`,
  // the `topLevel` getter), so a fact costs no extra objects here; others are kept as they come.
  const otherIds: IdAt[] = [];
  // Every @id (ids.ts: tabled once the document is read).
  const ids = new DocumentIds();
  const topLevel: (number | (Position & { name: QName }))[] = [];
  const drafts: FactDraft[] = [];
  const parents: number[] = []; // per draft: index of the enclosing tuple, or -1
  const factLangs: (string | undefined)[] = [];
  const entities = new EntityCache();
  // contextRef, unitRef and decimals repeat: one string each, so the copies the parser makes die young.
  const strings = new Map<string, string>();
  const names = new Map<string, QName>();
  let lastContextRef = '';
  let lastUnitRef = '';
  let lastDecimals = '';
  const intern = (v: string): string => {
    const s = strings.get(v);
    if (s !== undefined) return s;
    if (strings.size < 100_000) strings.set(v, v);
    return v;
  };

  // Per open element, by depth (1 = root).
  const scopes: ReadonlyMap<string, string>[] = [BASE_SCOPE];
  const langs: (string | undefined)[] = [undefined];
  const kinds: number[] = [-1];
  const factAt: number[] = [-1];
  let depth = 0;
  // The small tree being built (stack of open nodes), what it is and the depth of its root.
  const tree: BuildNode[] = [];
  let treeKind: 'context' | 'unit' | 'footnoteLink' | 'item' = 'context';
  let treeDepth = 0;
  // The open item (items cannot contain facts, so at most one), and its text so far.
  let item: FactDraft | undefined;
  let itemDepth = 0;
  let itemText = '';

  parser.on('opentagstart', () => {
    if (depth + 1 > maxDepth) throw limitError(file, parser.tagLine, parser.tagColumn, `elements nested deeper than ${maxDepth} (raise the limit with --max-depth or KESSAN_MAX_DEPTH)`);
  });

  parser.on('opentag', (tag) => {
    const d = ++depth;
    const line = parser.tagLine;
    const column = parser.tagColumn;
    const scope = scopeFor(tag, scopes[d - 1]!);
    scopes[d] = scope;
    const uri = tag.uri;
    const local = tag.local;
    // Element names by their prefixed form (checked against the namespace, as prefixes can be rebound).
    let name = names.get(tag.name);
    if (name === undefined || name.namespace !== uri) names.set(tag.name, (name = qname(uri, local, tag.prefix || undefined)));

    // What this element is, decided by where it is.
    let kind: number;
    let startTree: typeof treeKind | undefined;
    if (tree.length > 0 || item) kind = TREE;
    else if (d === 1) kind = ROOT;
    else if (d === 2) {
      if (uri === NS.link && HREF_KINDS.has(local)) kind = SKIP;
      else if (uri === NS.link && local === 'footnoteLink') (kind = TREE), (startTree = 'footnoteLink');
      else if (uri === NS.xbrli && (local === 'context' || local === 'unit')) (kind = TREE), (startTree = local);
      else kind = ITEM; // or TUPLE: decided by contextRef below
    } else kind = kinds[d - 1] === TUPLE ? ITEM : SKIP;
    kinds[d] = kind;

    // One pass over the attributes: id and xml:lang always; all of them for trees and refs; a fact's own.
    let id: string | undefined;
    let lang = langs[d - 1];
    const all = kind === TREE || (kind === SKIP && d === 2) ? new Map<string, string>() : undefined;
    let contextRef: string | undefined;
    let unitRef: string | undefined;
    let decimalsRaw: string | undefined;
    let precisionRaw: string | undefined;
    let nilRaw: string | undefined;
    let other: Map<string, string> | undefined;
    // The tag's attributes, as the parser holds them while this event lasts.
    const count = parser.attributeCount;
    const attrNames = parser.attributeNames;
    const attrValues = parser.attributeValues;
    const attrUris = parser.attributeUris;
    for (let i = 0; i < count; i++) {
      const a = attrNames[i]!;
      const value = attrValues[i]!;
      if (value.length > maxAttributeLength) throw limitError(file, line, column, `attribute ${a.name} longer than ${maxAttributeLength} characters`);
      const au = attrUris[i]!;
      if (au === XMLNS_NS) continue;
      if (au === '') {
        if (a.local === 'id') id = value;
      } else if (au === XML_NS && a.local === 'lang') lang = value;
      else if (au === XML_NS && a.local === 'base' && d === 1) rootBase = value;
      if (all) all.set(au ? `{${au}}${a.local}` : a.local, value);
      else if (kind === ITEM) {
        if (au === '') {
          switch (a.local) {
            // The previous fact's value first: neighbours usually share it, and a comparison needs no hash.
            case 'contextRef': contextRef = value === lastContextRef ? lastContextRef : (lastContextRef = intern(value)); continue;
            case 'unitRef': unitRef = value === lastUnitRef ? lastUnitRef : (lastUnitRef = intern(value)); continue;
            case 'decimals': decimalsRaw = value === lastDecimals ? lastDecimals : (lastDecimals = intern(value)); continue;
            case 'precision': precisionRaw = value; continue;
            case 'id': continue;
          }
        } else if (au === NS.xsi && a.local === XSI_NIL) {
          nilRaw = value;
          continue;
        }
        (other ??= new Map()).set(au ? `{${au}}${a.local}` : a.local, value);
      }
    }
    langs[d] = lang;
    if (id !== undefined) {
      ids.add(id);
      if (kind !== ITEM) otherIds.push({ id, line, column, element: name });
    }
    if (d === 2 && kind !== ITEM) topLevel.push({ line, column, name });
    if (d === 2 && kind !== SKIP && leadingRefs < 0) leadingRefs = refs.length;

    if (kind === ROOT) {
      root = name;
      rootScope = scope;
    } else if (kind === TREE) {
      if (item && tree.length === 0) {
        // The item's first child element: its content becomes a tree under a node for the item itself.
        item.hasChildElements = true;
        const itemNode: BuildNode = { name: item.element, attributes: new Map(), children: itemText ? [itemText] : [], line: item.line, column: item.column, nsScope: scopes[itemDepth]! };
        tree.push(itemNode);
        treeKind = 'item';
        treeDepth = itemDepth;
      } else if (startTree) {
        treeKind = startTree;
        treeDepth = d;
      }
      const node: BuildNode = { name, attributes: all!, children: [], line, column, nsScope: scope };
      if (tree.length) tree[tree.length - 1]!.children.push(node);
      tree.push(node);
    } else if (kind === SKIP) {
      if (d === 2) refs.push(hrefRef(local as HrefRef['kind'], name, all!, line, column, rootBase));
    } else {
      // A fact: an item if it has a contextRef, otherwise a tuple.
      const isItem = contextRef !== undefined;
      if (!isItem) kinds[d] = TUPLE;
      const index = drafts.length;
      if (index >= maxFacts) throw limitError(file, line, column, `more than ${maxFacts} facts (raise the limit with --max-facts or KESSAN_MAX_FACTS)`);
      const draft: FactDraft = {
        factId: '',
        element: name,
        kind: isItem ? 'item' : 'tuple',
        xmlId: id,
        contextRef,
        unitRef,
        decimalsRaw,
        precisionRaw,
        nilRaw,
        valueRaw: undefined,
        attributes: other ?? NO_ATTRIBUTES,
        line,
        column,
      };
      drafts.push(draft);
      if (d === 2) topLevel.push(index);
      parents.push(d > 2 ? factAt[d - 1]! : -1);
      factLangs.push(lang);
      factAt[d] = index;
      if (isItem) {
        item = draft;
        itemDepth = d;
        itemText = '';
      }
    }
  });

  const onText = (t: string) => {
    if (item) {
      itemText += t;
      if (itemText.length > maxTextLength) throw limitError(file, parser.line, parser.column + 1, `text longer than ${maxTextLength} characters`);
    }
    const top = tree[tree.length - 1];
    if (top) {
      const kids = top.children;
      const last = kids[kids.length - 1];
      if (typeof last === 'string') {
        if (last.length + t.length > maxTextLength) throw limitError(file, parser.line, parser.column + 1, `text longer than ${maxTextLength} characters`);
        kids[kids.length - 1] = last + t;
      } else kids.push(t);
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    const d = depth--;
    if (tree.length) {
      if (d > treeDepth) {
        tree.pop();
        return;
      }
      const node = tree[0]!;
      tree.length = 0;
      switch (treeKind) {
        case 'context': {
          const c = readContext(node, entities, rootScope, file);
          if (!contexts.has(c.id)) contexts.set(c.id, c);
          return;
        }
        case 'unit': {
          const u = readUnit(node);
          if (!units.has(u.id)) units.set(u.id, u);
          return;
        }
        case 'footnoteLink':
          footnoteLinks.push(readFootnoteLink(node, langs[d]));
          return;
        case 'item':
          item!.content = node.children;
          break;
      }
    }
    if (item && d === itemDepth) {
      item.valueRaw = itemText;
      item = undefined;
      itemText = '';
    }
  });

  parseChunks(parser, chunks, file);
  if (!root) throw new KessanError('kessan:xmlNotWellFormed', 'not well-formed XML: no root element', { file }, 1);

  ids.seal();
  assignIds(drafts, ids, parents);
  const facts = reportFacts(drafts, factLangs, contexts, units, file);
  const namespaces = new Map<string, string>();
  for (const [p, ns] of rootScope) if (p !== 'xml') namespaces.set(p, ns);
  const instance = instanceDocument(
    { file, root, namespaces, refs, leadingRefs: leadingRefs < 0 ? refs.length : leadingRefs, contexts, units, facts: drafts as readonly FactInfo[], footnoteLinks },
    otherIds,
    drafts,
    topLevel,
  );
  const reportNamespaces: Record<string, string> = {};
  for (const [p, ns] of namespaces) if (p !== '') reportNamespaces[p] = ns;
  return {
    facts,
    taxonomy: { schemaRefs: refs.filter((r) => r.kind === 'schemaRef').map((r) => r.href) },
    namespaces: reportNamespaces,
    documentInfo: { source: file, format: 'xbrl' },
    findings: [],
    instance,
  };
}

/**
 * The document with its `ids` and `topLevel` worked out when first asked for. Made outside `readInstance`: a
 * getter made there would keep alive all that its event handlers share (the parser, the id counts, the per-fact
 * scratch arrays: ~50 MB for a million facts).
 */
function instanceDocument(
  fields: Omit<InstanceDocument, 'ids' | 'topLevel'>,
  otherIds: readonly IdAt[],
  drafts: readonly FactDraft[],
  topLevel: readonly (number | (Position & { name: QName }))[],
): InstanceDocument {
  let ids: InstanceDocument['ids'] | undefined;
  let top: InstanceDocument['topLevel'] | undefined;
  return {
    ...fields,
    get ids() {
      return (ids ??= documentIds(otherIds, drafts));
    },
    get topLevel() {
      return (top ??= topLevel.map((t) => (typeof t === 'number' ? { line: drafts[t]!.line, column: drafts[t]!.column, name: drafts[t]!.element } : t)));
    },
  };
}

interface IdAt extends Position {
  readonly id: string;
  readonly element: QName;
}

/** Every `@id` with where it was, in document order: facts' from their drafts, merged with the others'. */
function documentIds(others: readonly IdAt[], drafts: readonly FactDraft[]): Map<string, (Position & { element: QName })[]> {
  const all: IdAt[] = [...others];
  for (const d of drafts) if (d.xmlId !== undefined) all.push({ id: d.xmlId, line: d.line, column: d.column, element: d.element });
  all.sort((a, b) => a.line - b.line || a.column - b.column);
  const ids = new Map<string, (Position & { element: QName })[]>();
  for (const { id, line, column, element } of all) {
    const at = ids.get(id);
    if (at) at.push({ line, column, element });
    else ids.set(id, [{ line, column, element }]);
  }
  return ids;
}

function hrefRef(kind: HrefRef['kind'], name: QName, attrs: ReadonlyMap<string, string>, line: number, column: number, rootBase: string | undefined): HrefRef {
  const href = attrs.get(`{${NS.xlink}}href`) ?? '';
  const ownBase = attrs.get(`{${XML_NS}}base`);
  const xmlBase = [rootBase, ownBase].filter((b): b is string => b !== undefined);
  const role = attrs.get(`{${NS.xlink}}role`);
  const arcrole = attrs.get(`{${NS.xlink}}arcrole`);
  const roleURI = attrs.get('roleURI');
  const arcroleURI = attrs.get('arcroleURI');
  return {
    line,
    column,
    href,
    kind,
    name,
    ...(role !== undefined ? { role } : {}),
    ...(arcrole !== undefined ? { arcrole } : {}),
    ...(roleURI !== undefined ? { roleURI } : {}),
    ...(arcroleURI !== undefined ? { arcroleURI } : {}),
    ...(xmlBase.length ? { xmlBase } : {}),
  };
}

