/**
 * The SEC's `ixt-sec` transformations (namespace http://www.sec.gov/inlineXBRL/transformation/2015-08-31):
 * durations in years/months/days, number words, ballot boxes, and the name → code lists (exchanges, US states,
 * filer categories). Lists are the common entries, not EDGAR's full code tables.
 */
import { Decimal } from 'decimal.js';
import { collapse, type Transform } from './types.js';
import { boolBallotBox, numWordsEn, wordsToInteger } from './words.js';

/** A number as digits (`2.5`) or words (`two`). */
function amount(s: string): Decimal | undefined {
  const t = collapse(s).replace(/,/g, '');
  if (/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return new Decimal(t);
  const n = wordsToInteger(t);
  return n === undefined ? undefined : new Decimal(n.toString());
}

/** An xs:duration from a count of `unit`s: fractions go down to the next units (2.5 years → P2Y6M). */
function duration(n: Decimal, unit: 'Y' | 'M' | 'D' | 'H'): string {
  const whole = n.floor();
  const frac = n.minus(whole);
  let out = `${whole.toFixed()}${unit}`;
  if (!frac.isZero()) {
    if (unit === 'Y') out += `${frac.times(12).toDecimalPlaces(6).toFixed()}M`;
    else if (unit === 'M') out += `${frac.times(30).toDecimalPlaces(6).toFixed()}D`;
    else if (unit === 'D') out = `${whole.toFixed()}DT${frac.times(24).toDecimalPlaces(6).toFixed()}H`;
    else out = `${n.toFixed()}H`;
  }
  return unit === 'H' ? `PT${out}` : `P${out}`;
}

const durIn = (unit: 'Y' | 'M' | 'D' | 'H'): Transform => (s) => {
  const n = amount(s);
  return n ? duration(n, unit) : undefined;
};

/** `5 years, 2 months and 3 days`, `three years` → P5Y2M3D, P3Y. */
export const durWordsEn: Transform = (s) => {
  const t = collapse(s).toLowerCase().replace(/\band\b|,/g, ' ');
  const re = /([a-z0-9.\s-]+?)\s*(years?|months?|weeks?|days?)\b/g;
  let y = 0n, m = 0n, d = 0n;
  let rest = t;
  let found = false;
  for (const match of t.matchAll(re)) {
    const n = wordsToInteger(match[1]!.trim());
    if (n === undefined) return undefined;
    found = true;
    const u = match[2]!;
    if (u.startsWith('year')) y += n;
    else if (u.startsWith('month')) m += n;
    else if (u.startsWith('week')) d += n * 7n;
    else d += n;
    rest = rest.replace(match[0], '');
  }
  if (!found || rest.trim()) return undefined;
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
  durweek: (s) => {
    const n = amount(s);
    return n ? duration(n.times(7), 'D') : undefined;
  },
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
