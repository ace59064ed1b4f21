/**
 * The Transformation Registry: `ix:nonFraction/@format` and `ix:nonNumeric/@format` QNames → transforms,
 * for XBRL International's registries 1 to 5 and the SEC's `ixt-sec`. Families live in their own modules
 * (numbers, dates, words, sec); this module only names them per registry.
 */
import { cjkDate, eraDate, namedMonthDate, numericDate } from './dates.js';
import { fixed, numCommaDecimal, numDotDecimal, numUnitDecimal, zeroDash } from './numbers.js';
import { SEC_TRANSFORMS } from './sec.js';
import type { Transform } from './types.js';
import { numWordsEn } from './words.js';

export type { Transform } from './types.js';

export const TR = {
  tr1: 'http://www.xbrl.org/inlineXBRL/transformation/2010-04-20',
  tr2: 'http://www.xbrl.org/inlineXBRL/transformation/2011-07-31',
  tr3: 'http://www.xbrl.org/inlineXBRL/transformation/2015-02-26',
  tr4: 'http://www.xbrl.org/inlineXBRL/transformation/2020-02-12',
  tr5: 'http://www.xbrl.org/inlineXBRL/transformation/2022-02-16',
  sec: 'http://www.sec.gov/inlineXBRL/transformation/2015-08-31',
} as const;

const DMY = ['d', 'm', 'y'] as const;
const MDY = ['m', 'd', 'y'] as const;
const YMD = ['y', 'm', 'd'] as const;
const DM = ['d', 'm'] as const;
const MD = ['m', 'd'] as const;
const MY = ['m', 'y'] as const;
const YM = ['y', 'm'] as const;

/** TR1 (2010-04-20): number and date names of the first registry. */
const TR1: Record<string, Transform> = {
  numcommadot: numDotDecimal, numdotcomma: numCommaDecimal, numspacedot: numDotDecimal, numspacecomma: numCommaDecimal,
  numcomma: numCommaDecimal, numdot: numDotDecimal, numdash: zeroDash,
  datedoteu: numericDate(DMY), datedotus: numericDate(MDY), dateslasheu: numericDate(DMY), dateslashus: numericDate(MDY),
  datelonguk: namedMonthDate(DMY), datelongus: namedMonthDate(MDY), dateshortuk: namedMonthDate(DMY), dateshortus: namedMonthDate(MDY),
  datelongdaymonthuk: namedMonthDate(DM), datelongmonthdayus: namedMonthDate(MD), dateshortdaymonthuk: namedMonthDate(DM),
  dateshortmonthdayus: namedMonthDate(MD), dateslashdaymontheu: numericDate(DM), dateslashmonthdayus: numericDate(MD),
  datelongyearmonth: namedMonthDate(YM), dateshortyearmonth: namedMonthDate(YM), datelongmonthyear: namedMonthDate(MY), dateshortmonthyear: namedMonthDate(MY),
};

/** TR2 (2011-07-31) and TR3 (2015-02-26): unhyphenated names. */
const TR2: Record<string, Transform> = {
  booleanfalse: fixed('false'), booleantrue: fixed('true'), nocontent: fixed(''), zerodash: zeroDash,
  numcommadecimal: numCommaDecimal, numdotdecimal: numDotDecimal, numunitdecimal: numUnitDecimal,
  datedaymonth: numericDate(DM), datedaymonthen: namedMonthDate(DM), datedaymonthyear: numericDate(DMY), datedaymonthyearen: namedMonthDate(DMY),
  datemonthday: numericDate(MD), datemonthdayen: namedMonthDate(MD), datemonthdayyear: numericDate(MDY), datemonthdayyearen: namedMonthDate(MDY),
  datemonthyear: numericDate(MY), datemonthyearen: namedMonthDate(MY), dateyearmonthen: namedMonthDate(YM), dateyearmonthday: numericDate(YMD),
  dateyearmonthdaycjk: cjkDate(true), dateyearmonthcjk: cjkDate(false), dateerayearmonthdayjp: eraDate(true), dateerayearmonthjp: eraDate(false),
};
const TR3: Record<string, Transform> = { ...TR2, numdotdecimalin: numDotDecimal, numunitdecimalin: numUnitDecimal, calindaymonthyear: numericDate(DMY) };

/** TR4 (2020-02-12) and TR5: hyphenated names. */
const TR4: Record<string, Transform> = {
  'fixed-empty': fixed(''), 'fixed-false': fixed('false'), 'fixed-true': fixed('true'), 'fixed-zero': fixed('0'),
  'num-dot-decimal': numDotDecimal, 'num-comma-decimal': numCommaDecimal, 'num-unit-decimal': numUnitDecimal,
  'date-day-month': numericDate(DM), 'date-day-month-year': numericDate(DMY), 'date-month-day': numericDate(MD),
  'date-month-day-year': numericDate(MDY), 'date-month-year': numericDate(MY), 'date-year-month': numericDate(YM),
  'date-year-month-day': numericDate(YMD), 'date-day-monthname-en': namedMonthDate(DM), 'date-day-monthname-year-en': namedMonthDate(DMY),
  'date-monthname-day-en': namedMonthDate(MD), 'date-monthname-day-year-en': namedMonthDate(MDY), 'date-monthname-year-en': namedMonthDate(MY),
  'date-year-monthname-en': namedMonthDate(YM), 'date-ymd-cjk': cjkDate(true), 'date-ym-cjk': cjkDate(false),
  'date-jpn-era-year-month-day': eraDate(true), 'date-jpn-era-year-month': eraDate(false),
};
const TR5: Record<string, Transform> = { ...TR4, 'num-dot-decimal-apos': numDotDecimal, 'num-comma-decimal-apos': numCommaDecimal, 'num-word-en': numWordsEn };

const REGISTRIES = new Map<string, Record<string, Transform>>([
  [TR.tr1, TR1], [TR.tr2, TR2], [TR.tr3, TR3], [TR.tr4, TR4], [TR.tr5, TR5], [TR.sec, SEC_TRANSFORMS],
]);

/** The transform a format names (namespace + local name), or undefined when no known registry has it. */
export function findTransform(namespace: string, localName: string): Transform | undefined {
  const reg = REGISTRIES.get(namespace);
  return reg && Object.hasOwn(reg, localName) ? reg[localName] : undefined;
}

export function isTransformNamespace(namespace: string): boolean {
  return REGISTRIES.has(namespace);
}
