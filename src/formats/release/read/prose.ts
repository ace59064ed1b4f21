import type { Entity, Fact } from '../../../core/model/fact.js';
import { NS, qname } from '../../../core/model/qname.js';
import { simpleUnit } from '../../../core/model/unit.js';
import type { Concept } from '../../../core/taxonomy/model.js';
import type { Block } from './blocks.js';
import { parsePrinted, scaleFigure } from './figures.js';
import type { ReleaseView } from './networks.js';
import { hintPeriod, parseFiscalToken, type FiscalCalendar } from './periods.js';
import { factKey } from './merge.js';
import { labelKey } from './text.js';

const FIGURE = /(JPY|US\$|\$)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(billion|million|thousand)\b/g;
const SCALE: Record<string, number> = { billion: 9, million: 6, thousand: 3 };
const TOKEN = /\b(?:[1-4]Q\d{2}|[12]H\d{2}|FY\d{2,4}|9M\d{2})\b/g;
/** Words that make the sign of an amount a matter of reading, not of the text: such figures are left alone. */
const SIGN_WORDS = /\b(?:loss|losses|benefit|decrease|decreased|deficit|negative|outflow|down)\b/i;

/**
 * Tags the monetary figures in prose that no table carries, where one sentence names the concept (by one of its
 * labels, as the longest label found before the figure), the period (a fiscal token right after the figure, or
 * the sentence's only one) and the sign is not in doubt. Figures that tables carry are left to the tables.
 */
export function readProse(blocks: readonly Block[], view: ReleaseView, ctx: { file: string; entity: Entity; calendar: FiscalCalendar }, tableFacts: readonly Fact[]): Fact[] {
  const carried = new Set(tableFacts.map(factKey));
  const labels = proseLabels(view);
  const out: Fact[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    for (const sentence of block.text.split(/(?<=[.!?])\s+(?=[A-Z"“(])/)) {
      const tokens = [...sentence.matchAll(TOKEN)].map((m) => m[0]);
      for (const m of sentence.matchAll(FIGURE)) {
        const before = sentence.slice(0, m.index);
        if (SIGN_WORDS.test(before.slice(-60))) continue;
        const after = /^\s*(?:\([^)]*\)\s*)?(?:in|for|during)\s+([1-4]Q\d{2}|[12]H\d{2}|FY\d{2,4}|9M\d{2})\b/.exec(sentence.slice(m.index + m[0].length));
        const token = after?.[1] ?? (new Set(tokens).size === 1 ? tokens[0] : undefined);
        const hint = token ? parseFiscalToken(token, ctx.calendar) : undefined;
        const concept = hint ? conceptNamed(labels, labelKey(before)) : undefined;
        if (!hint || !concept || concept.periodType !== 'duration') continue;
        const printed = parsePrinted(`${m[2]}${m[3] ? `.${m[3]}` : ''}`);
        if (printed.kind !== 'number') continue;
        const { value, decimals } = scaleFigure(printed, SCALE[m[4]!]!, false);
        const currency = m[1] === 'JPY' ? 'JPY' : 'USD';
        const fact: Fact = {
          id: '', concept: concept.name, entity: ctx.entity, period: hintPeriod(hint, undefined)!,
          unit: simpleUnit(qname(NS.iso4217, currency, 'iso4217')), dimensions: new Map(), value, decimals,
          sources: [{ file: ctx.file, line: block.line, row: sentence.length > 80 ? `${sentence.slice(0, 77)}...` : sentence, printed: m[0] }],
        };
        const key = factKey(fact);
        if (carried.has(key)) continue;
        carried.add(key);
        out.push(fact);
      }
    }
  }
  return out;
}

function proseLabels(view: ReleaseView): { key: string; concept: Concept }[] {
  const out: { key: string; concept: Concept }[] = [];
  for (const [key, entries] of view.anyLabel) {
    const concepts = [...new Set(entries.map((e) => e.concept))].filter((c) => !c.abstract && c.type.monetary);
    if (concepts.length === 1 && key.length >= 6) out.push({ key, concept: concepts[0]! });
  }
  return out.sort((a, b) => b.key.length - a.key.length);
}

/** The concept whose label is the longest found in the text (on word boundaries); none when two tie. */
function conceptNamed(labels: readonly { key: string; concept: Concept }[], text: string): Concept | undefined {
  let found: { key: string; concept: Concept } | undefined;
  for (const l of labels) {
    if (found && l.key.length < found.key.length) break;
    const i = text.indexOf(l.key);
    if (i < 0 || /\w/.test(text[i - 1] ?? '') || /\w/.test(text[i + l.key.length] ?? '')) continue;
    if (found && found.concept !== l.concept) return undefined;
    found = l;
  }
  return found?.concept;
}
