/** The panel beside the document: what a figure was tagged as, or why it was not, with the findings about it. */
import type { Finding, ReviewFact } from '../src/app/serve/api.js';
import { $, clear, h } from './dom.js';
import { decimalsText } from './facts.js';
import { location } from './findings.js';

function findingList(findings: readonly Finding[]): HTMLElement | null {
  if (!findings.length) return null;
  return h('ul', { class: 'findings' }, ...findings.map((f) => h('li', {}, h('span', { class: `sev sev-${f.severity}` }, f.severity), ' ', h('code', {}, f.code), ' ', f.message)));
}

export function showFactDetail(f: ReviewFact, findings: readonly Finding[]): void {
  const panel = $('#detail');
  clear(panel);
  const dims = Object.entries(f.dimensions).map(([d, m]) => `${d} = ${m}`).join('; ');
  // A release figure: its table, row and column, and line; any other fact: its file and line.
  const where = f.sources.map((s) => (s.table ? `${[s.table, s.row, s.header].filter(Boolean).join(' / ')} (line ${s.line})` : `${s.file}:${s.line}`));
  const rows: [string, string | null | undefined][] = [
    ['Concept', f.concept],
    ['Label', f.label],
    ['Period', f.period],
    ['Unit', f.unit],
    ['Value', f.value === null ? 'nil' : f.value],
    ['Decimals', decimalsText(f.decimals)],
    ['Printed', f.sources.map((s) => s.printed).filter(Boolean).join(', ')],
    ['Dimensions', dims],
    ['Entity', `${f.identifier} (${f.scheme})`],
    ['Where', where.join('; ')],
    ['Fact id', f.id],
  ];
  panel.append(
    h('h3', { class: 'fact-concept' }, f.concept),
    h('dl', {}, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', { 'data-field': k.toLowerCase() }, v ?? '')])),
  );
  const list = findingList(findings);
  if (list) panel.append(list);
}

export function showUntaggedDetail(printed: string, findings: readonly Finding[]): void {
  const panel = $('#detail');
  clear(panel);
  panel.append(h('h3', {}, `Not tagged: ${printed}`), h('p', { class: 'hint' }, findings[0] ? location(findings[0]) : ''));
  const list = findingList(findings);
  if (list) panel.append(list);
}
