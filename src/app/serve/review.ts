/**
 * What the review page shows of one document: the validation report (the same entry `validate` gives), every
 * fact with its label and where it was printed, and — for release text and Inline XBRL — the document itself,
 * Inline XBRL with each fact's element marked `data-kessan-fact="<fact id>"` so the page can find it.
 */
import { readInputBytes } from '../../core/limits.js';
import type { Source } from '../../core/model/fact.js';
import type { LoadedTaxonomy } from '../../core/taxonomy/loader.js';
import { decodeXml } from '../../core/xml/tree.js';
import { factRow, type FactRow } from '../facts.js';
import type { InlineReport } from '../../formats/ixbrl/read/model.js';
import type { Format } from '../formats.js';
import { readInputText, type OpenedDocument } from '../open.js';
import type { ValidationReport } from '../report.js';

export interface ReviewFact extends FactRow {
  /** The concept's standard label, when the DTS has one. */
  readonly label: string | null;
  /** Every place the fact was printed (a release figure printed in two tables has two). */
  readonly sources: readonly Source[];
}

export interface ReviewDocument {
  /** The document's path (as a file name in the upload, once the server has rewritten it). */
  readonly file: string;
  readonly format: Format;
  /** Release text as read; Inline XBRL as XHTML with its facts' elements marked (encoding declared UTF-8). */
  readonly text: string;
}

export interface Review {
  readonly report: ValidationReport;
  readonly facts: ReviewFact[];
  readonly documents: ReviewDocument[];
}

/** The facts of an opened document as the page lists them. */
export function reviewFacts(doc: OpenedDocument, taxonomy: LoadedTaxonomy): ReviewFact[] {
  const namespaces = new Map(Object.entries(doc.report.namespaces));
  const labels = new Map<string, string | null>();
  return doc.report.facts.map((f) => {
    const key = `{${f.concept.namespace}}${f.concept.localName}`;
    let label = labels.get(key);
    if (label === undefined) {
      label = safeLabel(taxonomy, f.concept) ?? null;
      labels.set(key, label);
    }
    return { ...factRow(f, doc.file, namespaces), label, sources: f.sources.map((s) => ({ ...s })) };
  });
}

function safeLabel(taxonomy: LoadedTaxonomy, concept: OpenedDocument['report']['facts'][number]['concept']): string | undefined {
  try {
    return taxonomy.label(concept);
  } catch {
    return undefined;
  }
}

/** The documents the page can show: a release's text, or each Inline XBRL document of the set with its facts marked. */
export function reviewDocuments(doc: OpenedDocument): ReviewDocument[] {
  if (doc.format === 'release') return [{ file: doc.file, format: 'release', text: readInputText(doc.file) }];
  if (doc.format !== 'ixbrl') return [];
  // The set as the reader read it: the members sent together, or the documents its manifest lists.
  const members = (doc.report as Partial<InlineReport>).inline?.files ?? [doc.file];
  return members.map((file) => ({ file, format: 'ixbrl' as const, text: markFacts(decodeXml(readInputBytes(file), file).replace(/^\uFEFF/, ''), file, doc) }));
}

const attrValue = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The document's text with `data-kessan-fact` on the start tag of each fact read from it: the reader gives the
 * line and column of the tag's `<`; a position that is not one (never expected) is left unmarked rather than
 * guessed. The XML declaration's encoding becomes UTF-8, which is what the page hands the browser.
 */
export function markFacts(text: string, file: string, doc: OpenedDocument): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const inserts: { at: number; text: string }[] = [];
  for (const f of doc.report.facts) {
    for (const s of f.sources) {
      if (s.file !== file || s.column === undefined) continue;
      const start = lineStarts[s.line - 1];
      if (start === undefined) continue;
      const at = start + s.column - 1;
      const tag = /^<[^\s/>]+/.exec(text.slice(at, at + 200));
      if (tag) inserts.push({ at: at + tag[0].length, text: ` data-kessan-fact="${attrValue(f.id)}"` });
    }
  }
  inserts.sort((a, b) => b.at - a.at);
  let out = text;
  for (const i of inserts) out = out.slice(0, i.at) + i.text + out.slice(i.at);
  return out.replace(/^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}
