/**
 * The SEC's `ixt-sec` transformations (namespace http://www.sec.gov/inlineXBRL/transformation/2015-08-31):
 * durations in years/months/days, number words, ballot boxes, and the name → code lists (exchanges, US states,
 * filer categories). Lists are the common entries, not EDGAR's full code tables.
 */
import { Decimal } from 'decimal.js';
import { collapse, type Transform } from './types.js';
import { boolBallotBox, numWordsEn, wordsToInteger } from './words.js';

/** A number as digits (`2.5`, `-1`) or words (`two`), and its sign. */
function amount(s: string): { n: Decimal; negative: boolean } | undefined {
  const t = collapse(s).replace(/,/g, '');
  const m = /^([+-]?)(\d+(\.\d*)?|\.\d+)$/.exec(t);
  if (m) return { n: new Decimal(m[2]!), negative: m[1] === '-' };
  const w = wordsToInteger(t);
  return w === undefined ? undefined : { n: new Decimal(w.toString()), negative: false };
}

/** Days in a month on average (365.25 / 12), as the SEC's duration transforms count a fraction of a month. */
const DAYS_PER_MONTH = new Decimal('30.4375');

/**
 * An xs:duration from whole years, months, days and hours (undefined: not written), as the SEC's transforms
 * write it: zero parts after the first left out (`P2Y`, not `P2Y0M0D`), a zero duration as its first part (`P0Y`).
 */
function durationValue(negative: boolean, y?: Decimal, m?: Decimal, d?: Decimal, h?: Decimal): string {
  const parts = [y, m, d, h];
  const allZero = parts.every((p) => p === undefined || p.isZero());
  let out = 'P';
  let written = false;
  const put = (v: Decimal | undefined, unit: string) => {
    if (v === undefined || (v.isZero() && written)) return;
    out += `${unit === 'H' ? 'T' : ''}${v.toFixed()}${unit}`;
    written = true;
  };
  put(y, 'Y');
  put(m, 'M');
  put(d, 'D');
  put(h, 'H');
  return `${negative && !allZero ? '-' : ''}${out}`;
}

/** `2.7` years → P2Y8M12D: the fraction of a year in months, of a month in days (30.4375 a month), truncated. */
const durIn = (unit: 'Y' | 'M' | 'W' | 'D' | 'H'): Transform => (s) => {
  const a = amount(s);
  if (!a) return undefined;
  const { n, negative } = a;
  const whole = n.floor();
  const frac = n.minus(whole);
  switch (unit) {
    case 'Y': {
      const months = frac.times(12);
      return durationValue(negative, whole, months.floor(), months.minus(months.floor()).times(DAYS_PER_MONTH).floor());
    }
    case 'M': return durationValue(negative, undefined, whole, frac.times(DAYS_PER_MONTH).floor());
    case 'W': return durationValue(negative, undefined, undefined, n.times(7).floor());
    case 'D': return durationValue(negative, undefined, undefined, whole, frac.times(24).floor());
    case 'H': return durationValue(negative, undefined, undefined, undefined, whole);
  }
};

/**
 * `5 years, 2 months and 3 days`, `three years` → P5Y2M3D, P3Y. Read word by word (a number's words, then its
 * unit), so the time is linear in the text's length.
 */
export const durWordsEn: Transform = (s) => {
  const words = collapse(s).toLowerCase().replace(/\band\b|,/g, ' ').replace(/(\d)([a-z])/g, '$1 $2').split(/\s+/).filter(Boolean);
  let y = 0n, m = 0n, d = 0n;
  let number: string[] = [];
  let found = false;
  for (const w of words) {
    const unit = /^(year|month|week|day)s?$/.exec(w)?.[1];
    if (!unit) {
      number.push(w);
      continue;
    }
    const n = number.length ? wordsToInteger(number.join(' ')) : undefined;
    if (n === undefined) return undefined;
    if (unit === 'year') y += n;
    else if (unit === 'month') m += n;
    else if (unit === 'week') d += n * 7n;
    else d += n;
    number = [];
    found = true;
  }
  if (!found || number.length) return undefined;
  const body = `${y ? `${y}Y` : ''}${m ? `${m}M` : ''}${d ? `${d}D` : ''}`;
  return body ? `P${body}` : 'P0D';
};

const EXCHANGES: Record<string, string> = {
  'new york stock exchange': 'NYSE', nyse: 'NYSE', 'the new york stock exchange': 'NYSE', 'nyse american': 'NYSEAMER', 'nyse arca': 'NYSEArca',
  nasdaq: 'NASDAQ', 'the nasdaq stock market': 'NASDAQ', 'the nasdaq stock market llc': 'NASDAQ', 'nasdaq stock market': 'NASDAQ',
  'nasdaq global select market': 'NASDAQ', 'the nasdaq global select market': 'NASDAQ', 'nasdaq global market': 'NASDAQ', 'the nasdaq global market': 'NASDAQ',
  'nasdaq capital market': 'NASDAQ', 'the nasdaq capital market': 'NASDAQ', 'nasdaq stock market llc': 'NASDAQ',
  'boston stock exchange': 'BOX', 'chicago board options exchange': 'CBOE', 'cboe': 'CBOE', 'chicago stock exchange': 'CHX', 'investors exchange': 'IEX',
};

const STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE',
  'district of columbia': 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA',
  kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN',
  mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ',
  'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR',
  pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT',
  vermont: 'VT', virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'puerto rico': 'PR',
  guam: 'GU', 'american samoa': 'AS', 'virgin islands': 'VI', 'u.s. virgin islands': 'VI', 'northern mariana islands': 'MP',
};

const COUNTRIES: Record<string, string> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', canada: 'CA', 'united kingdom': 'GB', japan: 'JP', china: 'CN',
  germany: 'DE', france: 'FR', ireland: 'IE', netherlands: 'NL', switzerland: 'CH', bermuda: 'BM', 'cayman islands': 'KY',
  israel: 'IL', india: 'IN', luxembourg: 'LU', singapore: 'SG', 'hong kong': 'HK', australia: 'AU', mexico: 'MX', brazil: 'BR',
};

const FILER: Record<string, string> = {
  'large accelerated filer': 'Large Accelerated Filer', 'accelerated filer': 'Accelerated Filer',
  'non-accelerated filer': 'Non-accelerated Filer', 'nonaccelerated filer': 'Non-accelerated Filer', 'smaller reporting company': 'Non-accelerated Filer',
};

const lookup = (table: Record<string, string>): Transform => (s) => table[collapse(s).toLowerCase().replace(/[.,]$/, '')];

export const SEC_TRANSFORMS: Record<string, Transform> = {
  numwordsen: numWordsEn,
  numinf: () => 'INF',
  numneginf: () => '-INF',
  numnan: () => 'NaN',
  duryear: durIn('Y'),
  durmonth: durIn('M'),
  durweek: durIn('W'),
  durday: durIn('D'),
  durhour: durIn('H'),
  durwordsen: durWordsEn,
  boolballotbox: boolBallotBox,
  exchnameen: lookup(EXCHANGES),
  stateprovnameen: lookup(STATES),
  countrynameen: lookup(COUNTRIES),
  edgarprovcountryen: (s) => lookup(STATES)(s) ?? lookup(COUNTRIES)(s),
  entityfilercategoryen: lookup(FILER),
};
