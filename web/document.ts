/**
 * The document tab. Release text is shown as printed, line by line, each tagged figure highlighted where the
 * reader found it (line, column, the printed text) and each figure the reader reported instead marked as not
 * tagged. Inline XBRL is shown in a frame that runs none of its scripts and loads nothing (the page's policy),
 * its facts' elements found by the `data-kessan-fact` mark the server adds.
 */
import type { Finding, Review, ReviewDocument, ReviewFact } from '../src/app/serve/api.js';
import { $, clear, h } from './dom.js';
import { showFactDetail, showUntaggedDetail } from './detail.js';

export interface DocumentView {
  /** Shows a fact (scrolls to it and selects it); false when it is not in the shown document. */
  showFact(id: string): boolean;
  /** Scrolls to a finding's line. */
  showFinding(f: Finding): void;
}

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly fact?: ReviewFact;
  readonly findings: Finding[];
}

/** A figure where a finding points: sign, currency, digits, separators, percent. */
const FIGURE = /^[($¥€£-]*\d[\d,.]*%?\)?|^-+/;
/** The figures of a line: numbers standing alone (not part of a word or a tag). */
const FIGURES = /(?<![\w.<\/])[($¥€£]?-?\d[\d,]*(?:\.\d+)?%?\)?(?![\w>])/g;

export function showDocument(review: Review, findingsAbout: (id: string) => Finding[]): DocumentView {
  const view = $('#document-view');
  clear(view);
  const doc = review.documents[0];
  if (!doc) {
    view.append(h('p', { class: 'hint' }, 'This format has no printed document to show (XBRL instances and xBRL-JSON are data); the facts tab lists what it holds.'));
    return { showFact: () => false, showFinding: () => undefined };
  }
  const byId = new Map(review.facts.map((f) => [f.id, f]));
  const select = (id: string) => {
    const f = byId.get(id);
    if (f) showFactDetail(f, findingsAbout(id));
  };
  if (doc.format === 'release') return releaseView(view, doc, review, findingsAbout, select);
  return review.documents.length > 1 ? inlineSet(view, review.documents, select) : inlineView(view, doc, select);
}

/** An Inline XBRL document set: one document at a time, chosen in a list or by the fact asked for. */
function inlineSet(view: HTMLElement, docs: readonly ReviewDocument[], select: (id: string) => void): DocumentView {
  const chooser = h('select', { id: 'document-choice', 'aria-label': 'document of the set' }, ...docs.map((d, i) => h('option', { value: String(i) }, d.file))) as HTMLSelectElement;
  const pane = h('div');
  view.append(h('p', { class: 'legend' }, `Inline XBRL document set, ${docs.length} documents: `, chooser), pane);
  let shown = -1;
  let current: DocumentView = { showFact: () => false, showFinding: () => undefined };
  const open = (i: number) => {
    if (i === shown) return;
    shown = i;
    chooser.value = String(i);
    clear(pane);
    current = inlineView(pane, docs[i]!, select);
  };
  chooser.addEventListener('change', () => open(Number(chooser.value)));
  open(0);
  return {
    showFact(id) {
      const i = docs.findIndex((d) => d.text.includes(`data-kessan-fact="${id}"`));
      if (i < 0) return false;
      open(i);
      return current.showFact(id);
    },
    showFinding: () => undefined,
  };
}

function releaseView(view: HTMLElement, doc: ReviewDocument, review: Review, findingsAbout: (id: string) => Finding[], select: (id: string) => void): DocumentView {
  const lines = doc.text.split(/\r?\n/);
  const marks = new Map<number, Mark[]>();
  const add = (line: number, m: Mark) => (marks.get(line) ?? marks.set(line, []).get(line)!).push(m);
  const taken = new Set<string>();
  for (const f of review.facts) {
    for (const s of f.sources) {
      if (s.file !== doc.file || !s.column || !s.printed) continue;
      const text = lines[s.line - 1] ?? '';
      // The column is the cell's; the figure follows the cell's markup (`<b>19,187</b>`).
      let start = text.indexOf(s.printed, s.column - 1);
      if (start < 0) start = text.indexOf(s.printed);
      if (start < 0) continue;
      add(s.line, { start, end: start + s.printed.length, fact: f, findings: findingsAbout(f.id) });
      taken.add(`${s.line}:${s.column}`);
    }
  }
  // Figures the reader reported rather than tagged: a release finding at a line and column no fact is printed
  // at; a finding about a whole row (a row the taxonomy does not know) stands for every figure on its line.
  const untagged = new Map<string, Finding[]>();
  for (const f of review.report.files[0]?.findings ?? []) {
    // Errors and warnings only: an info or an inconsistency of the cross-checks is about tagged figures.
    if (f.file !== doc.file || !f.line || !f.code.startsWith('release:') || (f.severity !== 'error' && f.severity !== 'warning') || taken.has(`${f.line}:${f.column}`)) continue;
    const key = `${f.line}:${f.column ?? 0}`;
    (untagged.get(key) ?? untagged.set(key, []).get(key)!).push(f);
  }
  for (const [key, findings] of untagged) {
    const [line, column] = key.split(':').map(Number) as [number, number];
    const text = lines[line - 1] ?? '';
    if (column) {
      const figure = FIGURE.exec(text.slice(column - 1))?.[0];
      if (figure) add(line, { start: column - 1, end: column - 1 + figure.length, findings });
      continue;
    }
    for (const m of text.matchAll(FIGURES)) if (!(marks.get(line) ?? []).some((k) => k.fact && k.start <= m.index && m.index < k.end)) add(line, { start: m.index, end: m.index + m[0].length, findings });
  }
  const pre = h('pre', { class: 'release' });
  lines.forEach((text, i) => {
    const row = h('span', { class: 'line', id: `L${i + 1}` }, h('span', { class: 'ln' }, String(i + 1)));
    let at = 0;
    for (const m of (marks.get(i + 1) ?? []).sort((a, b) => a.start - b.start)) {
      if (m.start < at) continue; // overlapping marks: the first wins
      row.append(text.slice(at, m.start));
      const printed = text.slice(m.start, m.end);
      const mark = m.fact
        ? h('mark', { class: `fact${m.findings.length ? ' finding' : ''}`, 'data-fact': m.fact.id, title: `${m.fact.concept} ${m.fact.period}` }, printed)
        : h('mark', { class: 'untagged', title: m.findings.map((f) => f.code).join(', ') }, printed);
      if (!m.fact) mark.addEventListener('click', () => showUntaggedDetail(printed, m.findings));
      row.append(mark);
      at = m.end;
    }
    row.append(`${text.slice(at)}\n`);
    pre.append(row);
  });
  const legend = h('p', { class: 'legend' }, h('mark', { class: 'fact' }, 'tagged'), ' ', h('mark', { class: 'fact finding' }, 'tagged, with a finding'), ' ', h('mark', { class: 'untagged' }, 'not tagged (reported)'), ` — ${doc.file}`);
  view.append(legend, pre);
  const pick = (e: Event) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark[data-fact]');
    if (!mark) return;
    if (e.type === 'click') choose(pre, mark);
    select(mark.dataset.fact!);
  };
  pre.addEventListener('click', pick);
  pre.addEventListener('mouseover', pick);
  return {
    showFact(id) {
      const mark = pre.querySelector<HTMLElement>(`mark[data-fact="${CSS.escape(id)}"]`);
      if (!mark) return false;
      choose(pre, mark);
      mark.scrollIntoView({ block: 'center' });
      select(id);
      return true;
    },
    showFinding(f) {
      pre.querySelector(`#L${f.line ?? 1}`)?.scrollIntoView({ block: 'center' });
      const mark = pre.querySelector<HTMLElement>(`#L${f.line ?? 1} mark`);
      if (mark?.dataset.fact) select(mark.dataset.fact);
    },
  };
}

/**
 * Marks the chosen figure. An attribute rather than a class: ix: elements are neither HTML nor SVG, and browsers
 * match class selectors only on those.
 */
function choose(root: ParentNode, mark: Element): void {
  for (const m of root.querySelectorAll('[data-kessan-selected]')) m.removeAttribute('data-kessan-selected');
  mark.setAttribute('data-kessan-selected', '');
}

const FRAME_STYLE = '[data-kessan-fact]{background:#dbe8ff;outline:1px solid #9dbcf0;cursor:pointer}[data-kessan-fact][data-kessan-selected]{background:#1f5fbf;color:#fff}';

function inlineView(view: HTMLElement, doc: ReviewDocument, select: (id: string) => void): DocumentView {
  // No allow-scripts: the document's own scripts never run. allow-same-origin: this page can reach into it.
  const frame = h('iframe', { sandbox: 'allow-same-origin', title: doc.file }) as HTMLIFrameElement;
  const url = URL.createObjectURL(new Blob([doc.text], { type: 'application/xhtml+xml' }));
  frame.src = url;
  let pending: string | undefined;
  const inner = () => frame.contentDocument;
  const find = (id: string) => inner()?.querySelector<HTMLElement>(`[data-kessan-fact="${CSS.escape(id)}"]`) ?? null;
  frame.addEventListener('load', () => {
    URL.revokeObjectURL(url);
    const d = inner();
    if (!d) return;
    const style = d.createElementNS('http://www.w3.org/1999/xhtml', 'style');
    style.textContent = FRAME_STYLE;
    (d.head ?? d.documentElement).append(style);
    const pick = (e: Event) => {
      const el = (e.target as Element).closest?.('[data-kessan-fact]');
      if (!el) return;
      if (e.type === 'click') {
        e.preventDefault();
        choose(d, el);
      }
      select(el.getAttribute('data-kessan-fact')!);
    };
    d.addEventListener('click', pick);
    d.addEventListener('mouseover', pick);
    frame.dataset.ready = 'true';
    if (pending) showFact(pending);
  });
  view.append(h('p', { class: 'legend' }, h('mark', { class: 'fact' }, 'tagged'), ` — ${doc.file} (Inline XBRL, shown without its scripts)`), frame);
  const showFact = (id: string): boolean => {
    if (frame.dataset.ready !== 'true') {
      pending = id;
      return true;
    }
    const el = find(id);
    if (!el) return false;
    choose(inner()!, el);
    el.scrollIntoView({ block: 'center' });
    select(id);
    return true;
  };
  return { showFact, showFinding: () => undefined };
}
