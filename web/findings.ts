/** The findings tab: severity, code, message and location, filtered by severity and text, sorted by any column. */
import type { Finding } from '../src/app/serve/api.js';
import { $, clear, h } from './dom.js';

const RANK: Record<string, number> = { error: 0, inconsistency: 1, warning: 2, info: 3 };

type Key = 'severity' | 'code' | 'message' | 'location';

export function location(f: Finding): string {
  return f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}` : '';
}

function compare(key: Key): (a: Finding, b: Finding) => number {
  switch (key) {
    case 'severity':
      return (a, b) => (RANK[a.severity] ?? 9) - (RANK[b.severity] ?? 9);
    case 'location':
      return (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
    default:
      return (a, b) => a[key].localeCompare(b[key]);
  }
}

/** Shows `findings`; `open` is called with a finding the user clicks (to show it in the document). */
export function showFindings(findings: readonly Finding[], open: (f: Finding) => void): void {
  const body = $('#findings-table tbody');
  const severity = $('#severity') as HTMLSelectElement;
  const text = $('#finding-filter') as HTMLInputElement;
  let sort: { key: Key; dir: 1 | -1 } = { key: 'severity', dir: 1 };
  severity.value = '';
  text.value = '';
  const render = () => {
    const want = severity.value;
    const needle = text.value.trim().toLowerCase();
    const rows = findings
      .filter((f) => (!want || f.severity === want) && (!needle || f.code.toLowerCase().includes(needle) || f.message.toLowerCase().includes(needle)))
      .sort((a, b) => sort.dir * compare(sort.key)(a, b) || compare('location')(a, b));
    clear(body);
    if (!rows.length) body.append(h('tr', {}, h('td', { colspan: '4', class: 'hint' }, findings.length ? 'No finding matches the filter.' : 'No findings.')));
    for (const f of rows) {
      const tr = h('tr', { class: f.line ? 'clickable' : undefined, 'data-code': f.code }, h('td', { class: `sev sev-${f.severity}` }, f.severity), h('td', { class: 'code' }, f.code), h('td', {}, f.message), h('td', { class: 'code' }, location(f)));
      if (f.line) tr.addEventListener('click', () => open(f));
      body.append(tr);
    }
  };
  severity.onchange = render;
  text.oninput = render;
  for (const th of document.querySelectorAll<HTMLElement>('#findings-table th[data-sort]')) {
    th.onclick = () => {
      const key = th.dataset.sort as Key;
      sort = { key, dir: sort.key === key ? (-sort.dir as 1 | -1) : 1 };
      render();
    };
  }
  render();
}
