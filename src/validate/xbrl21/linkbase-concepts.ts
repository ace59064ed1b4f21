import type { RuleContext } from '../rule.js';
import { rawOf } from './linkbase-common.js';
/** Concept-level helpers for the XBRL 2.1 schema rules: item or tuple, complex content, which concepts to check. */
import { clark, NS } from '../../core/model/qname.js';
import type { Concept, Taxonomy } from '../../core/taxonomy/model.js';
import type { RawDts } from '../../core/taxonomy/raw.js';
import type { ComplexContent, ElementDecl } from '../../core/taxonomy/schema.js';
import { isCoreDocument } from './linkbase-common.js';

const ITEM = `{${NS.xbrli}}item`;
const TUPLE = `{${NS.xbrli}}tuple`;

/** 'item' or 'tuple' by the substitution group chain; undefined when neither (or unknown). */
export function conceptKind(raw: RawDts, decl: ElementDecl | undefined): 'item' | 'tuple' | undefined {
  const seen = new Set<string>();
  let cur = decl;
  while (cur?.substitutionGroup) {
    const sg = clark(cur.substitutionGroup);
    if (sg === ITEM) return 'item';
    if (sg === TUPLE) return 'tuple';
    if (seen.has(sg)) return undefined;
    seen.add(sg);
    cur = raw.declarations.get(sg);
  }
  return undefined;
}

/** Concepts declared outside XBRL International's schemas, with their raw declaration and kind. */
export function* ownConcepts(t: Taxonomy, raw: RawDts): Generator<{ concept: Concept; decl: ElementDecl; kind: 'item' | 'tuple' }> {
  for (const [key, concept] of t.concepts) {
    if (isCoreDocument(concept.file) || concept.name.namespace.startsWith('http://www.xbrl.org/')) continue;
    const decl = raw.declarations.get(key);
    if (!decl) continue;
    const kind = conceptKind(raw, decl);
    if (kind) yield { concept, decl, kind };
  }
}

/** The content model of a declaration: its anonymous complex type, or its named complex type. */
export function contentOf(raw: RawDts, decl: ElementDecl): ComplexContent | undefined {
  if (decl.content) return decl.content;
  if (!decl.type || decl.anonymousType) return undefined;
  const key = clark(decl.type);
  for (const s of raw.schemas) for (const t of s.types) if (clark(t.name) === key) return t.content;
  return undefined;
}

/** The tuples a DTS declares (ones it loaded the schema of), with their declaration and raw DTS: what the tuple rules walk. */
export function* ownTuples(ctx: RuleContext): Generator<{ name: string; decl: ElementDecl; raw: RawDts }> {
  const r = rawOf(ctx);
  if (!r) return;
  for (const { concept, decl, kind } of ownConcepts(r.taxonomy, r.raw)) {
    if (kind === 'tuple') yield { name: concept.name.localName, decl, raw: r.raw };
  }
}
