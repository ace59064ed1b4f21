/**
 * Names and labels a draft gives: concept names from row labels ("Cost of sales, buying and occupancy" →
 * CostOfSalesBuyingAndOccupancy), standard labels in sentence case where the release shouts ("INCOME TAX EXPENSE" →
 * "Income tax expense"), table ids from titles. Every name is an XML NCName and unique in the draft.
 */

const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Mostly capitals: the release prints it in upper case for emphasis, not as its wording. */
export function isShouting(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  // An acronym ("LIFO", "EBITDA") is a wording, not shouting.
  if (letters.length < 7 && !/[A-Za-z]\s+[A-Za-z]/.test(text)) return false;
  return letters.replace(/[^A-Z]/g, '').length / letters.length >= 0.7;
}

/** "INCOME FROM OPERATIONS" → "Income from operations"; other wordings are kept as printed. */
export function sentenceCase(text: string): string {
  if (!isShouting(text)) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** The words a name is made of: what a label says before any `;` (the share counts after "no par value; …"), numbers out. */
function words(label: string, max: number): string[] {
  const head = label.split(/;/)[0]!.replace(/\$?\d[\d,]*(?:\.\d+)?%?/g, ' ').replace(/[’']s\b/g, 's');
  const out = head.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return out.slice(0, max);
}

/** UpperCamelCase of a label's words; '' when it has none. */
export function camel(label: string, max = 10): string {
  const shouting = isShouting(label);
  return words(label, max)
    .map((w, i) => {
      // Capitals for emphasis become a word ("COST OF SALES" → CostOfSales); short acronyms stay ("EPS", "CSC").
      const caps = /[A-Z]/.test(w) && w === w.toUpperCase();
      const lower = shouting || (caps && (w.length >= 4 || SMALL.has(w.toLowerCase()))) ? w.toLowerCase() : w;
      if (i > 0 && SMALL.has(lower.toLowerCase()) && lower === lower.toLowerCase()) return lower.charAt(0).toUpperCase() + lower.slice(1);
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('')
    .replace(/^(\d)/, 'N$1');
}

/** Names handed out so far; `unique` gives a fresh one (a number appended when taken). */
export class NameSet {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }

  take(name: string): string {
    this.taken.add(name.toLowerCase());
    return name;
  }

  /** `base`, or `base2`, `base3`… — the first not taken (names compare without letter case: file systems and people do). */
  unique(base: string): string {
    const b = base || 'Item';
    if (!this.has(b)) return this.take(b);
    for (let k = 2; ; k++) if (!this.has(`${b}${k}`)) return this.take(`${b}${k}`);
  }
}

/** A prefix for the spec's concepts from the release file's name ("sears-2q-2004.txt" → "sears"). */
export function prefixFrom(stem: string): string {
  const w = /[A-Za-z][A-Za-z0-9]*/.exec(stem)?.[0]?.toLowerCase() ?? 'co';
  const p = w.slice(0, 12);
  return ['xbrli', 'link', 'xlink', 'xs', 'xsi', 'num', 'nonnum', 'xbrldt', 'xbrldi', 'iso4217', 'xml', 'us', 'dei', 'srt'].includes(p) ? `${p}co` : p;
}
