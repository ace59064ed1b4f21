import { isNumericValue, type Entity, type Fact } from '../../../core/model/fact.js';
import { periodKey, type Period } from '../../../core/model/period.js';
import type { Concept, Taxonomy } from '../../../core/taxonomy/model.js';
import type { ReleaseDocument, Table } from './model.js';
import type { FiscalCalendar } from './periods.js';
import { isCaptionHeader } from './tables.js';

/** Whether a header text names a period does not depend on the fiscal year's end. */
const ANY_CALENDAR: FiscalCalendar = { endMonth: 12, endDay: 31, naming: 'end' };

/**
 * The release's words as one text fact: the whole text, line for line, except that each tagged table's body
 * (its rows with a label, i.e. the figures) is replaced by one marker line naming the table's presentation
 * network. Headings, prose, footnotes, captions and column headers stay as printed, so the renderer can put
 * the document back together around tables it rebuilds from the facts.
 */

/** Local name of the text concept a taxonomy declares for the release text (kessan's convention). */
export const RELEASE_TEXT_CONCEPT = 'ReleaseTextBlock';

const MARK = /^<!-- kessan:table (\S+) -->$/;

/**
 * Where a rendered release's own text ends: what follows are tables of figures no table of the release printed
 * at their own precision (the renderer's appendix). The narrative stops there, so the trip stays at a fixed point.
 */
export const APPENDIX_MARK = '<!-- kessan:more figures -->';

export function tableMarker(role: string): string {
  return `<!-- kessan:table ${role} -->`;
}

/** A table's body lines (1-based line numbers) and the network it was read against. */
export interface TaggedBody {
  readonly role: string;
  readonly lines: readonly number[];
}

/** The release text with each tagged table body replaced by its marker line. */
export function narrativeOf(text: string, bodies: readonly TaggedBody[]): string {
  const all = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const end = all.indexOf(APPENDIX_MARK);
  const lines = end < 0 ? all : all.slice(0, end);
  const marker = new Map<number, string>();
  const drop = new Set<number>();
  for (const b of bodies) {
    if (!b.lines.length) continue;
    const first = b.lines.reduce((m, n) => Math.min(m, n), Infinity);
    marker.set(first, tableMarker(b.role));
    for (const l of b.lines) if (l !== first) drop.add(l);
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (marker.has(n)) out.push(marker.get(n)!);
    else if (!drop.has(n)) out.push(line);
  });
  return out.join('\n');
}

/**
 * The narrative of a release read from HTML or plain text: its blocks written in the markdown-like form (headings
 * as `#` lines, bold titles, paragraphs), each table's header rows as tab-separated lines and, for a tagged table,
 * its body replaced by the marker; untagged tables keep their rows. The text renderer reads it like the example's.
 */
export function documentText(doc: ReleaseDocument, roles: ReadonlyMap<Table, string>): string {
  const out: string[] = [];
  const row = (label: string, cells: readonly string[]) => [label, ...cells].join('\t');
  for (const b of doc.blocks) {
    if (b.kind !== 'table') {
      out.push(b.kind === 'heading' ? ((b.level ?? 7) <= 6 ? `${'#'.repeat(b.level!)} ${b.text}` : `**${b.text}**`) : b.text);
    } else {
      const lines: string[] = [];
      // Text printed in a header row's label column ("(millions)", "Domestic Inventories:") goes above the table:
      // in the tab-separated form a row with a label is a body row.
      const captions = b.header.flatMap((h) => (h.label?.text ? [h.label.text] : []));
      if (captions.length) out.push(captions.join('\n'));
      for (const cells of headerLines(b)) lines.push(row('', cells));
      const role = roles.get(b);
      if (role) lines.push(tableMarker(role));
      else for (const r of b.rows) lines.push(row(r.label, r.cells.map((c) => c?.text ?? '')));
      out.push(lines.join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

/**
 * A table's header rows as tab-separated cells. In that form a text spans the blank cells right of it, so texts
 * printed over one column only ("Retail &" over "Related Services", "June 26," over "2004") are joined into the
 * last header row, each column's texts top to bottom; texts over several columns stay in their rows.
 */
function headerLines(b: Table): string[][] {
  if (!b.header.length) return [];
  const lastRow = Array.from({ length: b.width }, () => [] as string[]);
  const rows: string[][] = [];
  for (const h of b.header) {
    const cells = Array.from({ length: b.width }, () => '');
    // A row the reader takes for a caption (one text, no period) stays a row of its own.
    if (isCaptionHeader(h, ANY_CALENDAR)) {
      cells[h.cells[0]!.first] = h.cells[0]!.text;
      rows.push(cells);
      continue;
    }
    let wide = false;
    for (const c of h.cells) {
      if (c.span > 1) {
        cells[c.first] = c.text;
        wide = true;
      } else if (c.first < b.width) lastRow[c.first]!.push(c.text);
    }
    if (wide) rows.push(cells);
  }
  rows.push(lastRow.map((t) => t.join(' ')));
  return rows;
}

/** The narrative in pieces: text lines, and table markers with the header rows (tab lines) right above them. */
export type NarrativePiece = { kind: 'text'; lines: string[] } | { kind: 'table'; role: string; headerRows: string[][] };

export function splitNarrative(narrative: string): NarrativePiece[] {
  const pieces: NarrativePiece[] = [];
  let text: string[] = [];
  for (const line of narrative.split('\n')) {
    const m = MARK.exec(line);
    if (!m) {
      text.push(line);
      continue;
    }
    let k = text.length;
    while (k > 0 && text[k - 1]!.includes('\t')) k--;
    const headerRows = text.slice(k).map((l) => l.split('\t'));
    text = text.slice(0, k);
    pieces.push({ kind: 'text', lines: text });
    pieces.push({ kind: 'table', role: m[1]!, headerRows });
    text = [];
  }
  pieces.push({ kind: 'text', lines: text });
  return pieces.filter((p) => p.kind === 'table' || p.lines.length > 0);
}

/** The taxonomy's release-text concept, if it declares one. */
export function releaseTextConcept(taxonomy: Taxonomy): Concept | undefined {
  for (const c of taxonomy.concepts.values()) if (c.name.localName === RELEASE_TEXT_CONCEPT && !c.abstract && !c.type.numeric) return c;
  return undefined;
}

/** The period a release is about: the duration most figures are for (ties: the latest end, then the shortest). */
export function reportingPeriod(facts: readonly Fact[]): Period | undefined {
  const counts = new Map<string, { p: Period & { kind: 'duration' }; n: number }>();
  for (const f of facts) {
    if (f.period.kind !== 'duration' || !isNumericValue(f.value)) continue;
    const k = periodKey(f.period);
    const e = counts.get(k) ?? { p: f.period, n: 0 };
    e.n++;
    counts.set(k, e);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || b.p.end.localeCompare(a.p.end) || b.p.start.localeCompare(a.p.start))[0];
  return best?.p;
}

/** The narrative as a text fact of the taxonomy's release-text concept (undefined when there is none). */
export function narrativeFact(taxonomy: Taxonomy, narrative: string, facts: readonly Fact[], entity: Entity, file: string): Fact | undefined {
  const concept = releaseTextConcept(taxonomy);
  const period = reportingPeriod(facts);
  if (!concept || !period) return undefined;
  return { id: '', concept: concept.name, entity, period, dimensions: new Map(), value: narrative, lang: 'en', sources: [{ file, line: 1 }] };
}

/** The narrative text of a report, if it carries one. */
export function findNarrative(facts: readonly Fact[]): string | undefined {
  const f = facts.find((x) => x.concept.localName === RELEASE_TEXT_CONCEPT && typeof x.value === 'string');
  return typeof f?.value === 'string' ? f.value : undefined;
}
