/**
 * One xBRL-CSV fact into the model, from its cell and its dimensions once every reference is resolved (rows.ts).
 * What is wrong with one fact is a finding at its cell (file, line, column) and the fact is left out, never
 * guessed: `xbrlce:invalidConceptQName`, `oimce:unboundPrefix`, `oimce:invalidSQName`,
 * `xbrlce:invalidPeriodRepresentation`, `xbrlce:referenceTargetNotDuration`, `oimce:invalidUnitStringRepresentation`,
 * `oime:illegalPureUnit`, `xbrlce:invalidLanguageCode`, `xbrlce:invalidDecimalsValue`, `xbrlce:invalidDecimalsSuffix`,
 * `xbrlce:invalidFactValue`, `oime:missingConceptDimension`.
 */
import { Decimal } from 'decimal.js';
import type { Location } from '../../../core/errors.js';
import type { Decimals, DimensionValue, Entity, Fact } from '../../../core/model/fact.js';
import type { Finding } from '../../../core/model/finding.js';
import { NS, qname, type QName } from '../../../core/model/qname.js';
import type { Unit } from '../../../core/model/unit.js';
import { QNAME, SQNAME } from '../../../core/xbrl/oim.js';
import type { OimTaxonomyHints } from '../../../core/xbrl/oim-hints.js';
import { typedMemberXml } from '../../../core/xbrl/oim-typed.js';
import { parseOimUnitString } from '../../../core/xbrl/oim-units.js';
import { csvPeriod } from './periods.js';

/** A fact's dimensions once resolved: a value, or a period with a reference's `@start`/`@end`. */
export interface ResolvedFact {
  readonly id: string;
  /** The cell's value: null for `#nil`. */
  readonly value: string | null;
  readonly dimensions: ReadonlyMap<string, string | null>;
  readonly periodAt?: 'start' | 'end';
  readonly decimals?: string;
  /** The column says it is numeric (kessan's `kessan:numeric`). */
  readonly marked: boolean;
  readonly where: Location & { file: string; line: number };
}

export interface FactContext {
  readonly namespaces: ReadonlyMap<string, string>;
  /** A prefix for a namespace: one the document binds, or a new one (added to the report's namespaces). */
  prefixFor(namespace: string, wanted?: string): string;
  hints(): OimTaxonomyHints | undefined;
  /** The document marks its numeric columns without a unit (kessan's), so no taxonomy is needed. */
  readonly numericMarked: boolean;
  /** Records a finding about one fact (the reader caps how many). */
  note(finding: Finding): void;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const SUFFIX = /^(.*[0-9.])[\r\n\t ]*d[\r\n\t ]*(0|-?[1-9][0-9]*|INF)[\r\n\t ]*$/s;
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const PURE: Unit = { numerator: [qname(NS.xbrli, 'pure', 'xbrli')], denominator: [] };
const CORE = new Set(['concept', 'entity', 'period', 'unit', 'language']);

/** Entities, periods, units and QNames repeat across facts: each distinct string is read once. */
export class FactBuilder {
  private readonly entities = new Map<string, Entity>();
  private readonly periods = new Map<string, ReturnType<typeof csvPeriod>>();
  private readonly units = new Map<string, Unit | string>();
  private readonly qnames = new Map<string, QName | string>();

  constructor(private readonly cx: FactContext) {}

  build(r: ResolvedFact): Fact | undefined {
    const cx = this.cx;
    const fail = (code: string, message: string): undefined => {
      cx.note({ code, severity: 'error', message: `fact ${r.id}: ${message}; the fact is left out`, ...r.where, factIds: [r.id] });
      return undefined;
    };
    const d = r.dimensions;
    const conceptRaw = d.get('concept');
    if (conceptRaw === undefined || conceptRaw === null) return fail('oime:missingConceptDimension', 'has no concept (no column, template or report dimension gives one)');
    const concept = this.qname(conceptRaw);
    if (typeof concept === 'string') return fail(concept === 'unbound' ? 'oimce:unboundPrefix' : 'xbrlce:invalidConceptQName', `concept ${JSON.stringify(conceptRaw)} ${concept === 'unbound' ? 'has a prefix documentInfo.namespaces does not bind' : 'is not a QName'}`);
    const entityRaw = d.get('entity');
    if (entityRaw === undefined || entityRaw === null) return fail('oime:missingEntityDimension', 'has no entity dimension (kessan needs one)');
    let entity = this.entities.get(entityRaw);
    if (!entity) {
      const m = SQNAME.exec(entityRaw);
      if (!m) return fail('oimce:invalidSQName', `entity ${JSON.stringify(entityRaw)} is not an SQName (scheme-prefix:identifier)`);
      const scheme = cx.namespaces.get(m[1]!);
      if (scheme === undefined) return fail('oimce:unboundPrefix', `entity ${entityRaw}: prefix ${m[1]!} is not in documentInfo.namespaces`);
      this.entities.set(entityRaw, (entity = { scheme, identifier: m[2]! }));
    }
    let period: Fact['period'] = { kind: 'forever' };
    const periodRaw = d.get('period');
    if (periodRaw !== undefined && periodRaw !== null) {
      const key = `${periodRaw}@${r.periodAt ?? ''}`;
      let p = this.periods.get(key);
      if (!p) this.periods.set(key, (p = csvPeriod(periodRaw, r.periodAt)));
      if ('error' in p) return fail(p.error, p.error === 'xbrlce:referenceTargetNotDuration' ? `period ${JSON.stringify(periodRaw)} is taken at its ${r.periodAt ?? 'start or end'}, but it is not a duration` : `period ${JSON.stringify(periodRaw)} is not an xBRL-CSV period`);
      if (p.hasTime) cx.note({ code: 'kessan:periodTimeIgnored', severity: 'warning', message: `fact ${r.id}: period ${periodRaw} has a time of day other than midnight; kessan keeps days only`, ...r.where, factIds: [r.id] });
      period = p.period;
    }
    let unit: Unit | undefined;
    const unitRaw = d.get('unit');
    if (unitRaw !== undefined && unitRaw !== null) {
      const u = this.unit(unitRaw);
      if (typeof u === 'string') return fail(u.startsWith('oime') ? u : 'oimce:invalidUnitStringRepresentation', u === 'oime:illegalPureUnit' ? 'the unit xbrli:pure is written by leaving the unit out' : `unit ${JSON.stringify(unitRaw)} is not an OIM unit string with bound prefixes`);
      unit = u;
    }
    const dimensions = new Map<QName, DimensionValue>();
    for (const [key, v] of d) {
      if (CORE.has(key)) continue;
      const dim = this.qname(key);
      if (typeof dim === 'string') return fail('oimce:unboundPrefix', `dimension ${key} has a prefix documentInfo.namespaces does not bind`);
      if (v === null) return fail('oime:unsupportedDimensionDataType', `dimension ${key} is nil; kessan does not support nil typed members`);
      const m = QNAME.exec(v);
      const bound = m !== null && cx.namespaces.has(m[1]!);
      const domain = bound ? undefined : cx.hints()?.typedDomain(dim);
      if (domain) dimensions.set(dim, { typed: typedMemberXml(v, qname(domain.namespace, domain.localName, cx.prefixFor(domain.namespace, domain.prefix))) });
      else if (bound) dimensions.set(dim, qname(cx.namespaces.get(m[1]!)!, m[2]!, m[1]!));
      else {
        cx.note({ code: 'kessan:typedDomainUnknown', severity: 'warning', message: `fact ${r.id}: dimension ${key} has a typed value but its domain element is unknown (no taxonomy); it is kept as text`, ...r.where, factIds: [r.id] });
        dimensions.set(dim, { typed: v });
      }
    }
    let lang = d.get('language') ?? undefined;
    if (lang !== undefined && !LANGUAGE.test(lang)) return fail('xbrlce:invalidLanguageCode', `language ${JSON.stringify(lang)} is not a language tag`);

    // Numeric or not: a unit says numeric; kessan's documents mark the others; else only the taxonomy can say.
    let numeric = unit !== undefined || r.marked;
    if (!numeric && !cx.numericMarked) numeric = cx.hints()?.numeric(concept) ?? (r.decimals !== undefined && lang === undefined);
    let value: Fact['value'] = r.value;
    let decimals: Decimals | undefined;
    if (numeric) {
      if (lang !== undefined) {
        cx.note({ code: 'oime:misplacedLanguageDimension', severity: 'error', message: `fact ${r.id}: a numeric fact has a language`, ...r.where, factIds: [r.id] });
        lang = undefined;
      }
      unit ??= PURE;
      let dec = r.decimals;
      if (value !== null) {
        let text = value;
        if (text.includes('d')) {
          const s = SUFFIX.exec(text);
          if (!s) return fail('xbrlce:invalidDecimalsSuffix', `value ${JSON.stringify(text)} has a "d" that is not a decimals suffix (such as 12300d-2)`);
          text = s[1]!.trim();
          dec = s[2]!;
        }
        if (!DECIMAL.test(text)) return fail('xbrlce:invalidFactValue', `value ${JSON.stringify(text)} is not a decimal number`);
        value = new Decimal(text);
        if (dec === undefined || dec === 'INF') decimals = 'INF';
        else if (!INTEGER.test(dec) || !Number.isSafeInteger(Number(dec))) return fail('xbrlce:invalidDecimalsValue', `decimals ${JSON.stringify(dec)} is not an integer`);
        else decimals = Number(dec) === 0 ? 0 : Number(dec);
      }
    }
    return {
      id: r.id,
      concept,
      entity,
      period,
      ...(unit ? { unit } : {}),
      dimensions,
      value,
      ...(decimals !== undefined ? { decimals } : {}),
      ...(lang !== undefined ? { lang } : {}),
      sources: [{ file: r.where.file, line: r.where.line, ...(r.where.column ? { column: r.where.column } : {}) }],
    };
  }

  /** A QName, or why not: 'invalid', 'unbound'. */
  private qname(s: string): QName | string {
    let q = this.qnames.get(s);
    if (q === undefined) {
      const m = QNAME.exec(s);
      const ns = m ? this.cx.namespaces.get(m[1]!) : undefined;
      q = !m ? 'invalid' : ns === undefined ? 'unbound' : qname(ns, m[2]!, m[1]!);
      this.qnames.set(s, q);
    }
    return q;
  }

  /** A unit, or the code of why not. */
  private unit(s: string): Unit | string {
    let u = this.units.get(s);
    if (u === undefined) {
      const parsed = parseOimUnitString(s);
      if (!parsed) u = 'oimce:invalidUnitStringRepresentation';
      else {
        const measures = (names: string[]) => names.map((n) => this.qname(n));
        const num = measures(parsed.numerator);
        const den = measures(parsed.denominator);
        if ([...num, ...den].some((q) => typeof q === 'string')) u = 'oimce:unboundPrefix';
        else {
          const unit = { numerator: num as QName[], denominator: den as QName[] };
          u = unit.denominator.length === 0 && unit.numerator.length === 1 && unit.numerator[0]!.namespace === NS.xbrli && unit.numerator[0]!.localName === 'pure' ? 'oime:illegalPureUnit' : unit;
        }
      }
      this.units.set(s, u);
    }
    return u;
  }
}
