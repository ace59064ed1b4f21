/** Word transforms: booleans, English number words (`twenty-five`, `no`) and ballot boxes. */
import { collapse, type Transform } from './types.js';

const UNITS: Record<string, number> = {
  zero: 0, no: 0, none: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, bigint> = {
  thousand: 1000n, million: 1_000_000n, billion: 1_000_000_000n, trillion: 1_000_000_000_000n, quadrillion: 10n ** 15n, quintillion: 10n ** 18n,
};

/**
 * English number words to an integer: `one hundred and five`, `twenty-five`, `3 million`, `no`, `none`.
 * Digits are accepted where a word could be (`1.5 million` is not: fractions are not words). As in English,
 * `hundred` comes once per group and the scale words (`thousand`, `million`...) from largest to smallest, so
 * the value never grows faster than the text (`hundred hundred hundred…` is not a number).
 */
export function wordsToInteger(s: string): bigint | undefined {
  const tokens = collapse(s).toLowerCase().replace(/[,]/g, ' ').split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (!tokens.length) return undefined;
  let total = 0n;
  let group = 0n;
  let hundred = false;
  let lastScale: bigint | undefined;
  for (const w of tokens) {
    if (Object.hasOwn(UNITS, w)) group += BigInt(UNITS[w]!);
    else if (/^\d{1,15}$/.test(w)) group += BigInt(w);
    else if (w === 'hundred' && !hundred && group < 100n) {
      group = (group || 1n) * 100n;
      hundred = true;
    } else if (Object.hasOwn(SCALES, w) && (lastScale === undefined || SCALES[w]! < lastScale)) {
      lastScale = SCALES[w]!;
      total += (group || 1n) * lastScale;
      group = 0n;
      hundred = false;
    } else return undefined;
  }
  return total + group;
}

export const numWordsEn: Transform = (s) => {
  const n = wordsToInteger(s);
  return n === undefined ? undefined : n.toString();
};

const TRUE = /^(?:true|yes|y|x|\u2611|\u2612|\u2713|\u2714|\u2717|\u2718)$/i;
const FALSE = /^(?:false|no|n|\u2610)$/i;

/** SEC ballot box: ☐ → false, ☑ / ☒ → true. */
export const boolBallotBox: Transform = (s) => {
  const t = collapse(s);
  if (t === '\u2610') return 'false';
  if (t === '\u2611' || t === '\u2612') return 'true';
  return undefined;
};

/** Lenient yes/no words (TR2 booleanfalse/booleantrue take any content; kept for other registries). */
export const boolWords: Transform = (s) => {
  const t = collapse(s);
  return TRUE.test(t) ? 'true' : FALSE.test(t) ? 'false' : undefined;
};
