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
import { parseXbrlDate } from './dates.js';

export const XBRL_JSON_DOCUMENT_TYPE = 'https://xbrl.org/2021/xbrl-json';
export const XBRL_CSV_DOCUMENT_TYPE = 'https://xbrl.org/2021/xbrl-csv';
/** The drafts' document types: known, but not read (`oime:unsupportedDocumentType`). */
export const DRAFT_OIM_DOCUMENT_TYPES: readonly string[] = [
  'https://xbrl.org/CR/2021-02-03/xbrl-json', 'https://xbrl.org/PR/2021-08-04/xbrl-json', 'https://xbrl.org/CR/2021-07-07/xbrl-json',
  'https://xbrl.org/CR/2021-02-03/xbrl-csv', 'https://xbrl.org/PR/2021-08-04/xbrl-csv', 'https://xbrl.org/CR/2021-07-07/xbrl-csv',
];

/** Prefixes OIM reserves: when a report uses one of these namespaces, it must be with this prefix. */
export const RESERVED_PREFIXES: Readonly<Record<string, string>> = {
  xbrl: 'https://xbrl.org/2021',
  xbrli: NS.xbrli,
  xs: NS.xsd,
  utr: NS.utr,
  iso4217: NS.iso4217,
};

/** Well-known entity identifier schemes and the prefixes they are usually written with. */
export const SCHEME_PREFIXES: Readonly<Record<string, string>> = {
  'http://www.sec.gov/CIK': 'cik',
  'http://standards.iso.org/iso/17442': 'lei',
  'http://disclosure.edinet-fsa.go.jp': 'edinet',
  'http://www.tse.or.jp/sicc': 'sicc',
};

/** XML 1.0 NCName (the characters OIM's SQName prefix and QNames allow). */
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
export const NCNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
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
 * (`oime:invalidPeriodRepresentation`). `hasTime`: a point other than midnight, which the model (days only)
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
    `fact ${f.id} (${formatQName(f.concept)}): its context's ${container} holds ${names(nodes)} (read at ${c.file}:${first.position.line}:${first.position.column}), which is not a dimension member; ${format} cannot represent it, so nothing was written${others}. XBRL 2.1 and Inline XBRL outputs keep it.`,
    where(f),
  );
}
