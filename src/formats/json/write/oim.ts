/**
 * What the xBRL-JSON writer and reader share: the document type, the reserved prefixes, and the OIM period
 * representation. The model keeps periods as plain dates with the XBRL meaning (an instant or end date is the
 * END of that day); OIM writes points in time, so an end date D is `D+1T00:00:00` and a start date D is
 * `DT00:00:00`. That "+1 day" exists only here.
 */
import { addDays, type Period } from '../../../core/model/period.js';
import { NS } from '../../../core/model/qname.js';
import { parseXbrlDate } from '../../../core/xbrl/dates.js';
import { NAME_CHAR, NAME_START, NCNAME } from '../../../core/xml/names.js';

export const XBRL_JSON_DOCUMENT_TYPE = 'https://xbrl.org/2021/xbrl-json';
/** Other OIM document types: known, but not read here (`oimce:unsupportedDocumentType`). */
export const OTHER_OIM_DOCUMENT_TYPES: readonly string[] = ['https://xbrl.org/2021/xbrl-csv', 'https://xbrl.org/CR/2021-02-03/xbrl-json', 'https://xbrl.org/PR/2021-08-04/xbrl-json', 'https://xbrl.org/CR/2021-07-07/xbrl-json'];

/**
 * kessan's one extension property (xBRL-JSON §4 allows prefixed properties on facts): `"kessan:numeric": true`
 * on a numeric fact that has neither a unit dimension (its unit is xbrli:pure) nor decimals (it is nil, or
 * exact). Without it only the taxonomy says such a fact is a number; other processors ignore it. kessan's
 * documents say so in `documentInfo` (`"kessan:numericFactsMarked": true`): a reader then needs no taxonomy
 * to tell numbers from text.
 */
export const KESSAN_JSON_NS = 'https://kessan.dev/xbrl-json';

/** OIM's own namespace (the `xbrl` prefix): core dimensions and properties, never a taxonomy-defined dimension. */
export const OIM_NS = 'https://xbrl.org/2021';

/**
 * Prefixes OIM reserves: when a report uses one of these namespaces, it must be with this prefix. A map, as
 * every lookup keyed by a document's text (a prefix named `constructor` is just a prefix).
 */
export const RESERVED_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['xbrl', OIM_NS],
  ['xbrli', NS.xbrli],
  ['xs', NS.xsd],
  ['utr', NS.utr],
  ['iso4217', NS.iso4217],
]);

/** Well-known entity identifier schemes and the prefixes they are usually written with. */
export const SCHEME_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['http://www.sec.gov/CIK', 'cik'],
  ['http://standards.iso.org/iso/17442', 'lei'],
  ['http://disclosure.edinet-fsa.go.jp', 'edinet'],
  ['http://www.tse.or.jp/sicc', 'sicc'],
]);

/** XML 1.0 NCName (the characters OIM's SQName prefix and QNames allow): core/xml/names.ts. */
export { NCNAME };
export const QNAME = new RegExp(`^([${NAME_START}][${NAME_CHAR}]*):([${NAME_START}][${NAME_CHAR}]*)$`, 'u');
/** SQName: an NCName prefix, a colon, and any non-empty text without whitespace. */
export const SQNAME = new RegExp(`^([${NAME_START}][${NAME_CHAR}]*):(\\S+)$`, 'u');

/** An instant or end date D as OIM writes it: the next day's midnight. */
export function oimEnd(date: string): string {
  return `${addDays(date, 1)}T00:00:00`;
}

/** The `period` dimension's value, or undefined for forever (no period dimension). */
export function oimPeriod(p: Period): string | undefined {
  switch (p.kind) {
    case 'instant':
      return oimEnd(p.date);
    case 'duration':
      return `${p.start}T00:00:00/${oimEnd(p.end)}`;
    case 'forever':
      return undefined;
  }
}

/** OIM's period lexical form (xs:dateTime, no 24:00, optional time zone), one or two separated by `/`. */
const DATE_TIME = '-?\\d{4}-\\d{2}-\\d{2}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})?';
const PERIOD = new RegExp(`^(${DATE_TIME})(?:/(${DATE_TIME}))?$`);

/**
 * Reads a `period` value back into the model. Undefined when it is not OIM's representation
 * (`oimce:invalidPeriodRepresentation`). `hasTime`: a point other than midnight, which the model (days only)
 * keeps as the day it falls in.
 */
export function parseOimPeriod(raw: string): { period: Period; hasTime: boolean } | undefined {
  const m = PERIOD.exec(raw);
  if (!m) return undefined;
  const end = parseXbrlDate(m[2] ?? m[1]!, 'end');
  if (!end) return undefined;
  if (m[2] === undefined) return { period: { kind: 'instant', date: end.date }, hasTime: !/T00:00:00(?:\.0+)?(?:Z|[+-]00:00)?$/.test(m[1]!) };
  const start = parseXbrlDate(m[1]!, 'start');
  if (!start) return undefined;
  const midnight = (s: string) => /T00:00:00(?:\.0+)?(?:Z|[+-]00:00)?$/.test(s);
  if (m[1] === m[2]) return { period: { kind: 'instant', date: end.date }, hasTime: !midnight(m[1]!) };
  if (start.date > end.date) return undefined;
  return { period: { kind: 'duration', start: start.date, end: end.date }, hasTime: !midnight(m[1]!) || !midnight(m[2]!) };
}
