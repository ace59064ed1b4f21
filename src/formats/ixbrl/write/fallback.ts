/**
 * A plain layout for facts without a release layout (or not found in it): one table per group of facts
 * that share dimensions, a row per concept (and unit), a column per period; text facts as paragraphs,
 * split at blank lines into an `ix:nonNumeric` and its `ix:continuation`s.
 */
import type { Fact } from '../../../core/model/fact.js';
import { formatPeriod, periodKey, type Period } from '../../../core/model/period.js';
import { clark } from '../../../core/model/qname.js';
import { formatUnit, unitKey } from '../../../core/model/unit.js';
import { compareStrings } from '../../../core/xml/write.js';
import { escapeText } from '../../../core/xml/write.js';
import { nonNumeric, tagValue, type TagContext } from './tags.js';

/** `NetIncomeLoss` → `Net Income Loss`. */
export function conceptTitle(local: string): string {
  return local.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

function dimsKey(f: Fact): string {
  return [...f.dimensions].map(([d, v]) => `${d.localName}=${'typed' in v ? v.typed : v.localName}`).sort().join(', ');
}

function periodOrder(a: Period, b: Period): number {
  const end = (p: Period) => (p.kind === 'instant' ? p.date : p.kind === 'duration' ? p.end : '');
  return compareStrings(end(b), end(a)) || compareStrings(periodKey(a), periodKey(b));
}

function periodHeader(p: Period): string {
  return p.kind === 'duration' ? `${p.start} to ${p.end}` : formatPeriod(p);
}

export function renderFallback(facts: readonly Fact[], ctx: TagContext, heading: string): string[] {
  if (!facts.length) return [];
  const out = [`<h2>${escapeText(heading)}</h2>`];
  const numeric = facts.filter((f) => f.unit !== undefined);
  const text = facts.filter((f) => f.unit === undefined);
  const groups = new Map<string, Fact[]>();
  for (const f of numeric) {
    const k = dimsKey(f);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(f);
  }
  for (const [k, group] of [...groups].sort(([a], [b]) => compareStrings(a, b))) {
    const periods = [...new Map(group.map((f) => [periodKey(f.period), f.period])).values()].sort(periodOrder);
    const rows: { label: string; cells: Map<string, Fact> }[] = [];
    const rowOf = new Map<string, number[]>();
    for (const f of group) {
      const rk = `${clark(f.concept)}|${f.unit ? unitKey(f.unit) : ''}`;
      const candidates = rowOf.get(rk) ?? [];
      let r = candidates.find((i) => !rows[i]!.cells.has(periodKey(f.period)));
      if (r === undefined) {
        r = rows.length;
        rows.push({ label: `${conceptTitle(f.concept.localName)}${f.unit ? ` (${formatUnit(f.unit)})` : ''}${candidates.length ? ` [${candidates.length + 1}]` : ''}`, cells: new Map() });
        rowOf.set(rk, [...candidates, r]);
      }
      rows[r]!.cells.set(periodKey(f.period), f);
    }
    out.push('<table class="fin">', '<thead>');
    if (k) out.push(`<tr><th class="caption" colspan="${periods.length + 1}">${escapeText(k)}</th></tr>`);
    out.push(`<tr><th></th>${periods.map((p) => `<th>${escapeText(periodHeader(p))}</th>`).join('')}</tr>`, '</thead>', '<tbody>');
    for (const row of rows) {
      const cells = periods.map((p) => {
        const f = row.cells.get(periodKey(p));
        return `<td>${f ? tagValue(f, ctx) : ''}</td>`;
      });
      out.push(`<tr><td class="label">${escapeText(row.label)}</td>${cells.join('')}</tr>`);
    }
    out.push('</tbody>', '</table>');
  }
  let n = 0;
  for (const f of text) {
    out.push(`<h3>${escapeText(conceptTitle(f.concept.localName))} <span class="period">(${escapeText(periodHeader(f.period))})</span></h3>`);
    const value = typeof f.value === 'string' ? f.value : '';
    const paras = f.value === null ? [''] : splitParagraphs(value);
    const ids = paras.slice(1).map(() => `c${++n}_${f.id}`);
    out.push(`<div class="text">`);
    paras.forEach((p, i) => {
      const content = escapeText(p);
      const next = ids[i];
      if (i === 0) out.push(`<p>${nonNumeric(f, content, ctx, next)}</p>`);
      else out.push(`<p><ix:continuation id="${ids[i - 1]!}"${next ? ` continuedAt="${next}"` : ''}>${content}</ix:continuation></p>`);
    });
    out.push('</div>');
  }
  return out;
}

/** Splits text at blank lines, keeping the separators with the paragraph before them (the value is their concatenation). */
function splitParagraphs(s: string): string[] {
  const parts = s.split(/(?<=\n[ \t]*\n)(?=[^\n])/);
  return parts.length ? parts : [s];
}
