/**
 * What the text around a table says about it: its titles (headings above it, a single-text header row such as
 * "Adjusted EBITDA"), the scale and currency its captions state, the span or instant ("For the 13 Weeks Ended …",
 * "As of …") and dates its captions name.
 */
import type { Block } from './blocks.js';
import { currencyIn, type TableCaption } from './columns.js';
import { readMarkdown } from './markdown.js';
import type { ReleaseBlock, Table } from './model.js';
import { findDates, parseSpan, saysInstant } from './periods.js';
import { captionScales, UNSCALED, type Scales } from './scales.js';

const CAPTION_MAX = 240;

export interface TableSetting {
  titles: string[];
  /** Monetary scale (a power of ten), as before; `scales` has shares' too. */
  scale: number;
  scales: Scales;
  currency?: string;
  caption: TableCaption;
  /** Whether the captions stated a scale (a table that states none takes the previous table's, under one heading). */
  scaleStated: boolean;
  /** Whether a heading stands between this table and the previous one. */
  headed: boolean;
}

/** The caption lines and titles of the table at `index`: the blocks since the last table or heading group, and its header. */
export function tableSetting(blocks: readonly ReleaseBlock[], index: number, previous?: TableSetting): TableSetting {
  let start = index;
  let headed = false;
  while (start > 0) {
    const b = blocks[start - 1]!;
    if (b.kind === 'table') break;
    start--;
    if (b.kind === 'heading') {
      headed = true;
      let group = start;
      while (start > 0 && blocks[start - 1]!.kind === 'heading') start--;
      // Headings that only caption the table ("THREE MONTHS ENDED JUNE 26, 2004", "(In thousands)") sit under
      // its title: the title and what is printed between them belong to the table too.
      const only = blocks.slice(start, group + 1).every((h) => h.kind === 'heading' && isCaptionHeading(h.text));
      if (!only) break;
      group = start;
    }
  }
  const region = blocks.slice(start, index).filter((b): b is Exclude<ReleaseBlock, Table> => b.kind !== 'table');
  const table = blocks[index] as Table;
  const single = table.header.filter((h) => h.cells.length === 1 && !h.label).map((h) => h.cells[0]!.text);
  const labels = table.header.flatMap((h) => (h.label ? [h.label.text] : []));
  const titles = region.filter((b) => b.kind === 'heading').map((b) => b.text).reverse();
  const captionLines = [...region.filter((b) => b.kind === 'paragraph' || isCaptionHeading(b.text)).map((b) => b.text), ...labels, ...single];
  for (const t of single) if (captionScales(t)?.monetary === undefined) titles.unshift(t);
  let scales: Scales = UNSCALED;
  let scaleStated = false;
  let currency: string | undefined;
  let months: number | undefined;
  let weeks: number | undefined;
  let instantCaption = false;
  let dates: string[] = [];
  for (const text of captionLines) {
    if (text.length > CAPTION_MAX) continue;
    const s = captionScales(text);
    if (s !== undefined) {
      scales = { monetary: s.monetary ?? scales.monetary, shares: s.shares ?? scales.shares };
      scaleStated = true;
      currency ??= currencyIn(text) ?? symbolCurrency(text);
    }
    const span = parseSpan(text);
    if (span) {
      if (span.unit === 'weeks') weeks = span.count;
      else months = span.count;
      dates = findDates(text);
    } else if (saysInstant(text)) {
      instantCaption = true;
      dates = findDates(text);
    }
  }
  if (!scaleStated && !headed && previous?.scaleStated) {
    scales = previous.scales;
    scaleStated = true;
    currency ??= previous.currency;
  }
  const caption: TableCaption = { ...(months ? { months } : {}), ...(weeks ? { weeks } : {}), ...(instantCaption ? { instant: true } : {}), dates };
  return { titles, scale: scales.monetary, scales, ...(currency ? { currency } : {}), caption, scaleStated, headed };
}

/** A heading that states a scale, a span or an instant rather than naming the table. */
export function isCaptionHeading(text: string): boolean {
  return text.length <= CAPTION_MAX && (captionScales(text) !== undefined || parseSpan(text) !== undefined || saysInstant(text));
}

/** `$`, `¥`, `€`, `£` in a caption ("($ in millions …)"), as the sign (the caller decides which dollar). */
function symbolCurrency(text: string): string | undefined {
  return /[$¥€£]/.exec(text)?.[0];
}

/** Looks back from a markdown table block to the last heading or table: its titles and caption lines. */
export function settingOf(blocks: readonly Block[], index: number, previous?: TableSetting): TableSetting {
  const model = blocks.map((b): ReleaseBlock => {
    if (b.kind === 'heading') return { kind: 'heading', level: b.level, text: b.text, line: b.line, column: 1 };
    if (b.kind === 'paragraph') return { kind: 'paragraph', text: b.text, line: b.line, column: 1 };
    return markdownTable(b);
  });
  return tableSetting(model, index, previous);
}

function markdownTable(b: Extract<Block, { kind: 'table' }>): Table {
  const text = b.rows.map((r) => r.raw).join('\n');
  const t = readMarkdown(text, '').doc.blocks.find((x): x is Table => x.kind === 'table');
  return t ?? { kind: 'table', line: b.line, column: 1, width: 0, header: [], rows: [] };
}
