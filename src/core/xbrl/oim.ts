/**
 * What the Open Information Model's formats (xBRL-JSON and xBRL-CSV) share, for their readers and writers: the
 * document types, the reserved prefixes, the lexical forms of names, and the OIM period representation. The
 * model keeps periods as plain dates with the XBRL meaning (an instant or end date is the END of that day); OIM
 * writes points in time, so an end date D is `D+1T00:00:00` and a start date D is `DT00:00:00`. That "+1 day"
 * exists only here (and in xBRL-CSV's own period forms, formats/csv).
 */
import { KessanError } from '../errors.js';
import type { Fact } from '../model/fact.js';
import { addDays, type Period } from '../model/period.js';
import { formatQName, NS } from '../model/qname.js';
import type { XmlNode } from '../model/xml.js';
import { NAME_CHAR, NAME_START, NCNAME } from '../xml/names.js';
import { parseXbrlDate } from './dates.js';

export const XBRL_JSON_DOCUMENT_TYPE = 'https://xbrl.org/2021/xbrl-json';
export const XBRL_CSV_DOCUMENT_TYPE = 'https://xbrl.org/2021/xbrl-csv';
/** The drafts' document types: known, but not read (`oimce:unsupportedDocumentType`). */
export const DRAFT_OIM_DOCUMENT_TYPES: readonly string[] = [
  'https://xbrl.org/CR/2021-02-03/xbrl-json', 'https://xbrl.org/PR/2021-08-04/xbrl-json', 'https://xbrl.org/CR/2021-07-07/xbrl-json',
  'https://xbrl.org/CR/2021-02-03/xbrl-csv', 'https://xbrl.org/PR/2021-08-04/xbrl-csv', 'https://xbrl.org/CR/2021-07-07/xbrl-csv',
];

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
/** An OIM identifier (xBRL-CSV's table, template, column and parameter names): an NCName without ".". */
export const IDENTIFIER = new RegExp(`^[${NAME_START}][${NAME_CHAR.replace('\\-.', '\\-')}]*$`, 'u');

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
const MIDNIGHT = /T00:00:00(?:\.0+)?(?:Z|[+-]00:00)?$/;

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
  if (m[2] === undefined) return { period: { kind: 'instant', date: end.date }, hasTime: !MIDNIGHT.test(m[1]!) };
  const start = parseXbrlDate(m[1]!, 'start');
  if (!start) return undefined;
  if (m[1] === m[2]) return { period: { kind: 'instant', date: end.date }, hasTime: !MIDNIGHT.test(m[1]!) };
  if (start.date > end.date) return undefined;
  return { period: { kind: 'duration', start: start.date, end: end.date }, hasTime: !MIDNIGHT.test(m[1]!) || !MIDNIGHT.test(m[2]!) };
}

/**
 * OIM has no place for segment or scenario content other than dimension members (xBRL-XML §2.1.1): a fact that
 * has it cannot be written without losing what makes it differ from its neighbours (TDnet's parent-only figures,
 * say). The whole document is refused, naming the first such fact and how many there are. `format` names the
 * output (`xBRL-JSON`, `xBRL-CSV`).
 */
export function refuseNonDimensionalContent(facts: readonly Fact[], format: string, where: (f: Fact) => { file?: string; line?: number; column?: number }): void {
  const found = facts.filter((f) => f.nonDimensional);
  const f = found[0];
  if (!f?.nonDimensional) return;
  const c = f.nonDimensional;
  const [container, nodes] = c.segment.length ? ['segment', c.segment] : ['scenario', c.scenario];
  const first = nodes[0]!;
  const names = (ns: readonly XmlNode[]) => ns.map((n) => `<${n.name.prefix ? `${n.name.prefix}:` : ''}${n.name.localName}>`).join('');
  const others = found.length > 1 ? `; ${found.length} facts have such content (${found.slice(0, 5).map((x) => x.id).join(', ')}${found.length > 5 ? ', …' : ''})` : '';
  throw new KessanError(
    'xbrlxe:nonDimensionalSegmentScenarioContent',
    `fact ${f.id} (${formatQName(f.concept)}): its context's ${container} holds ${names(nodes)} (read at ${c.file}:${first.line}:${first.column}), which is not a dimension member; ${format} cannot represent it, so nothing was written${others}. XBRL 2.1 and Inline XBRL outputs keep it.`,
    where(f),
  );
}
