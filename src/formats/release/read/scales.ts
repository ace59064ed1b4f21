/**
 * The scale figures are printed in, as captions and row labels state it: "(JPY in millions)", "Thousands of
 * Japanese Yen", "(In millions, except share amounts)", "(millions, except earnings per common share)",
 * "(Amounts in Thousands Except Per Share Amounts)", "(shares in thousands)", a row "Shares used … (in thousands):".
 */

/** Powers of ten: amounts of money, and share counts (per-share figures and ratios are never scaled). */
export interface Scales {
  readonly monetary: number;
  readonly shares: number;
}

export const UNSCALED: Scales = { monetary: 0, shares: 0 };

const CAPTION_MAX = 240;
const WORD: Record<string, number> = { billions: 9, millions: 6, thousands: 3 };

/** Scale of monetary figures a caption line states: "(JPY in millions)" → 6, "Thousands of …" → 3. */
export function captionScale(text: string): number | undefined {
  return captionScales(text)?.monetary;
}

/**
 * What a caption says about scale, or undefined when it says nothing. A scale tied to money ("JPY in millions",
 * "Thousands of Japanese Yen", "$ in millions") is for amounts only; a plain one ("(millions)", "(In millions, except
 * share amounts)") is for share counts too unless it excepts them; "shares in thousands" or "share amounts …
 * in thousands" set the shares' own.
 */
export function captionScales(text: string): Partial<Scales> | undefined {
  if (text.length > CAPTION_MAX) return undefined;
  const t = text.replace(/\s+/g, ' ');
  const out: { monetary?: number; shares?: number } = {};
  const shares = /\bshares? (?:amounts? )?(?:which are )?(?:(?:reflected|stated|presented|expressed|are) )?in (billions|millions|thousands)\b/i.exec(t);
  const money = /(?:\b(?:yen|jpy|usd|dollars?|euros?)|[$¥€£]) (?:amounts? )?(?:are )?in (billions|millions|thousands)\b|\b(billions|millions|thousands) of (?:japanese |u\.?s\.? )?(?:yen|jpy|usd|dollars?|euros?)\b/i.exec(t);
  const plain = /(?:^|\(|\bamounts |\bexpressed |\bare |\bstated )\s*(?:in )?(billions|millions|thousands)\b|\bin (billions|millions|thousands)\b/i.exec(t);
  if (money) out.monetary = WORD[(money[1] ?? money[2])!.toLowerCase()]!;
  else if (plain) {
    out.monetary = WORD[(plain[1] ?? plain[2])!.toLowerCase()]!;
    const excepted = /\bexcept\b[^)]*\bshares?\b/i.test(t.replace(/\bper (?:common )?share\b/gi, 'pershare'));
    if (!excepted) out.shares = out.monetary;
  }
  if (shares) out.shares = WORD[shares[1]!.toLowerCase()]!;
  return out.monetary === undefined && out.shares === undefined ? undefined : out;
}

/**
 * The scales for a body row: a heading row (no figures) whose label states a scale ("Shares used in computing
 * earnings per share (in thousands):") sets it for the rows under it; the next heading row ends that.
 */
export function rowScale(label: string, hasFigures: boolean, current: Scales, table: Scales): Scales {
  const m = /\((?:in )?(billions|millions|thousands)\)|\bin (billions|millions|thousands)\b/i.exec(label);
  if (m) {
    const s = WORD[(m[1] ?? m[2])!.toLowerCase()]!;
    return { monetary: s, shares: s };
  }
  return hasFigures ? current : table;
}
