/**
 * What kind of concept a row needs, from its wording, the headings above it, its figures and its table: a type
 * (monetary, per share, shares, percent, pure ratio, count), a period type (balance-sheet rows and "… at the
 * beginning/end of the period" rows are instants), and how it is shown (a row printed negative in every column,
 * with wording that does not allow either sign, is the negation of a positive concept).
 */
import type { RowShow } from '../spec/model.js';
import type { DraftRow, DraftTable, DraftType } from './tables.js';

export interface RowKind {
  readonly type: DraftType;
  readonly period: 'instant' | 'duration';
  readonly show: RowShow;
  /** The wording the concept is about: the row's text, without "…, beginning of period" on a period start/end row. */
  readonly base: string;
}

const SHARES = /^(?:basic|diluted)\b.*\bshares\b|\bshares (?:used|outstanding)\b|weighted[- ]average (?:number of )?(?:common |ordinary )?(?:equivalent )?shares|average (?:common )?(?:equivalent )?shares\b|\bnumber of (?:common |ordinary )?shares\b|^shares\b/i;
const PER_SHARE = /\bper (?:common |ordinary |basic |diluted )?(?:share|ads)\b|\beps\b|earnings\/\s*\(loss\) per|per diluted share/i;
const PERCENT = /%|\bas a percent(?:age)? of\b|\bmargin ratio\b/i;
const PURE = /\brate\b|\bratio\b|\bmultiple\b|\btimes\b/i;
/** Counts: the label ends in what is counted, or says "number of" something other than shares. */
const COUNT = /\b(?:stores|employees|headcount|contracts|customers|subscribers|locations|units sold|restaurants|users|branches)\s*:?$|\bnumber of (?!shares|ads\b)/i;
/** Wording that allows either sign ("Net income (loss)", "(Decrease)/increase", "income/ (loss)"). */
const EITHER_SIGN = /\((?:loss|losses|decrease|deficit|expense|benefit|income|gains?|increase|used in|provided by)\)|\/\s*\(|\b(?:income|gain|increase|profit|provided)\s*\/\s*\(?\s*(?:loss|decrease|used)|\b(?:loss|decrease)\s*\/\s*\(?\s*(?:income|gain|increase)\b|\bnet\b.*\bchange\b|\bchange in\b/i;
const EDGE = /^(.*?)[\s,;-]*(?:at\s+)?(?:the\s+)?(beginning|start|end)\s+of\s+(?:the\s+)?(?:period|year|quarter|fiscal year|month)s?$/i;

const PER_ADS = /\bper ads\b|\bper american depositary/i;
const ADS = /\bads\b|american depositary/i;

/** Own wording first; a generic label ("Basic", "Diluted") takes its type from the nearest heading that says one. */
function typeFromWords(row: DraftRow): DraftType | undefined {
  for (const text of [row.text, ...row.ancestors.map((a) => a.text)]) {
    if (PER_ADS.test(text)) return 'perAds';
    if (SHARES.test(text) || /\bnumber of ads\b|\bads equivalents\b/i.test(text)) return ADS.test(text) ? 'ads' : 'shares';
    if (PER_SHARE.test(text)) return 'perShare';
  }
  return undefined;
}

export function classifyRow(row: DraftRow, table: DraftTable, releaseSigns: boolean): RowKind {
  const amounts = table.columns.map((c, k) => (c.spec.kind === 'amount' ? row.figures[k] : undefined)).filter((f) => f !== undefined);
  const numbers = amounts.flatMap((f) => (f.printed.kind === 'number' ? [f.printed] : []));
  let type: DraftType;
  const words = typeFromWords(row);
  const signed = numbers.some((n) => n.currency);
  const suffix = numbers.find((n) => n.suffix)?.suffix;
  if (suffix && numbers.every((n) => !n.suffix || n.suffix === suffix)) type = `unit:${suffix}`;
  else if (numbers.some((n) => n.percent) || PERCENT.test(row.text)) type = 'percent';
  else if (words) type = words;
  else if (PURE.test(row.text) && !signed && numbers.length > 0 && numbers.every((n) => n.places >= 2)) type = 'pure';
  else if (COUNT.test(row.text) && !signed && numbers.every((n) => n.places === 0)) type = 'integer';
  else if (!table.signs && releaseSigns && numbers.length > 0 && numbers.every((n) => n.places === 0) && COUNT.test([table.title ?? '', ...table.table.header.map((h) => h.label?.text ?? '')].join(' '))) type = 'integer';
  else type = 'monetary';

  const edge = !table.instant ? EDGE.exec(row.text) : null;
  if (edge && edge[1] && type === 'monetary') {
    return { type, period: 'instant', show: /^end/i.test(edge[2]!) ? 'periodEnd' : 'periodStart', base: edge[1] };
  }
  const period = table.instant ? 'instant' : 'duration';
  const nonzero = numbers.filter((n) => !n.value.isZero());
  const negated = (type === 'monetary' || type === 'perShare') && nonzero.length > 0 && nonzero.every((n) => n.value.isNegative()) && !EITHER_SIGN.test(row.text);
  return { type, period, show: negated ? 'negated' : 'plain', base: row.text };
}
