/** The facts tab: concept and label, period, unit, value and decimals, filtered by concept (or label) and period. */
import type { ReviewFact } from '../src/app/serve/api.js';
import { $, clear, h, plural } from './dom.js';

/** Rows drawn at most: more would make the page slow; the filters narrow a big listing. */
const MAX_ROWS = 2000;

/** `-6` → `millions (-6)`: what a decimals value means for a reader of the release. */
export function decimalsText(d: ReviewFact['decimals']): string {
  if (d === null) return '';
  if (d === 'INF') return 'INF (exact)';
  const names: Record<string, string> = { '-3': 'thousands', '-6': 'millions', '-9': 'billions', '0': 'units' };
  return names[String(d)] ? `${d} (${names[String(d)]})` : String(d);
}

const SHORT = 80;

/** A value as the table shows it: a text block (a release's words, a note) cut to its start. */
function valueText(v: string | null): string {
  if (v === null) return 'nil';
  const flat = v.replace(/\s+/g, ' ');
  return flat.length > SHORT ? `${flat.slice(0, SHORT)}…` : flat;
}

export function showFacts(facts: readonly ReviewFact[], open: (f: ReviewFact) => void): void {
  const body = $('#facts-table tbody');
  const concept = $('#concept-filter') as HTMLInputElement;
  const period = $('#period-filter') as HTMLSelectElement;
  const shown = $('#facts-shown');
  // A new document starts unfiltered.
  concept.value = '';
  clear(period);
  period.append(h('option', { value: '' }, 'all'));
  for (const p of [...new Set(facts.map((f) => f.period))].sort()) period.append(h('option', { value: p }, p));
  const render = () => {
    const needle = concept.value.trim().toLowerCase();
    const rows = facts.filter((f) => (!period.value || f.period === period.value) && (!needle || f.concept.toLowerCase().includes(needle) || (f.label ?? '').toLowerCase().includes(needle)));
    clear(body);
    for (const f of rows.slice(0, MAX_ROWS)) {
      const tr = h(
        'tr',
        { class: 'clickable', 'data-fact': f.id },
        h('td', { class: 'concept' }, f.concept),
        h('td', {}, f.label ?? ''),
        h('td', { class: 'period' }, f.period),
        h('td', {}, f.unit ?? ''),
        h('td', { class: 'num value', title: f.value !== null && f.value.length > SHORT ? `${f.value.length.toLocaleString('en')} characters` : undefined }, valueText(f.value)),
        h('td', { class: 'num' }, decimalsText(f.decimals)),
      );
      tr.addEventListener('click', () => open(f));
      body.append(tr);
    }
    shown.textContent = rows.length > MAX_ROWS ? `showing ${MAX_ROWS.toLocaleString('en')} of ${plural(rows.length, 'fact')}: filter to narrow` : `${plural(rows.length, 'fact')}${rows.length === facts.length ? '' : ` of ${facts.length.toLocaleString('en')}`}`;
  };
  concept.oninput = render;
  period.onchange = render;
  render();
}
