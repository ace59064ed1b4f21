/**
 * The static checks of xBRL-CSV metadata (xBRL-CSV §3, §4.6), and the templates compiled for reading rows: for
 * each fact column, every dimension and its decimals as column, template and report give them (in that order of
 * precedence), each either a value or a reference to a column or parameter (`$name`, `$name@end`).
 *
 * Every failure is a KessanError with the metadata file and line of the member at fault: identifiers
 * (`xbrlce:invalidIdentifier`), templates and row id columns (`xbrlce:unknownTableTemplate`,
 * `xbrlce:undefinedRowIdColumn`, `xbrlce:invalidRowIdColumn`), column types (`xbrlce:conflictingColumnType`,
 * `xbrlce:misplacedDecimalsOnNonFactColumn`, `xbrlce:invalidPropertyGroupColumnReference`), values
 * (`xbrlce:invalidConceptQName`, `oimce:invalidUnitStringRepresentation`, `oime:illegalPureUnit`,
 * `oimce:invalidSQName`, `xbrlce:invalidPeriodRepresentation`, `xbrlce:invalidLanguageCode`,
 * `xbrlce:invalidDecimalsValue`, `xbrlce:unknownSpecialValue`, `oimce:unboundPrefix`), references
 * (`xbrlce:invalidReference`, `xbrlce:invalidPeriodSpecifier`; a fact column whose fact would take an aspect
 * from its own value is refused the same way), parameters nothing refers to (`xbrlce:unreferencedParameter`),
 * namespaces (`oimce:invalidURIForReservedAlias`, `oimce:invalidAliasForReservedURI`).
 */
import { KessanError } from '../../../core/errors.js';
import { pointerToken } from '../../../core/json.js';
import { IDENTIFIER, NCNAME, QNAME, RESERVED_PREFIXES, SQNAME } from '../../../core/xbrl/oim.js';
import { parseOimUnitString } from '../../../core/xbrl/oim-units.js';
import type { DecimalsValue, Dimensions, Metadata } from './metadata.js';
import { csvPeriod } from './periods.js';

/** A dimension's or decimals' value as metadata gives it. */
export type Spec =
  | { readonly kind: 'value'; readonly value: string | null }
  /** `#none`: the dimension is absent (even if a lower level gives it). */
  | { readonly kind: 'none' }
  | { readonly kind: 'ref'; readonly name: string; readonly at?: 'start' | 'end' };

export interface FactColumn {
  readonly name: string;
  /** Each dimension with the spec that wins (column over property group over template over report). */
  readonly dimensions: ReadonlyMap<string, Spec>;
  readonly decimals?: Spec;
  /** kessan's `kessan:numeric`: a numeric column without a unit (xbrli:pure). */
  readonly marked: boolean;
  /** Property group columns this column takes properties from, in order. */
  readonly propertiesFrom: readonly string[];
  /** The column's own dimensions (they win over a property group's). */
  readonly own: ReadonlySet<string>;
  readonly hasOwnDecimals: boolean;
}

export interface Template {
  readonly id: string;
  readonly rowIdColumn?: string;
  /** Every column the template defines, by kind. */
  readonly kinds: ReadonlyMap<string, 'fact' | 'comment' | 'parameter' | 'propertyGroup'>;
  readonly facts: ReadonlyMap<string, FactColumn>;
  /** Property group columns: group name → its dimensions and decimals. */
  readonly propertyGroups: ReadonlyMap<string, ReadonlyMap<string, { dimensions: ReadonlyMap<string, Spec>; decimals?: Spec }>>;
}

export interface Checked {
  readonly templates: ReadonlyMap<string, Template>;
  readonly namespaces: ReadonlyMap<string, string>;
  /** `kessan:numeric` / `kessan:numericFactsMarked` under the prefix this document binds kessan's namespace to. */
  readonly kessanPrefix: string | undefined;
}

export const KESSAN_CSV_NS = 'https://kessan.dev/xbrl-csv';
const SPECIAL = /^#(?:nil|empty|none)$/;
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const INTEGER = /^[+-]?\d+$/;
const REF = /^\$([^@]*)(?:@(.*))?$/;
/** Most tables (and templates) in one report: regulators' largest have a few thousand. */
const MAX_TABLES = 20_000;

export function checkMetadata(md: Metadata): Checked {
  const fail = (code: string, message: string, pointer: string): never => {
    throw new KessanError(code, message, md.at(pointer), 1);
  };
  const info = md.documentInfo;
  const namespaces = new Map<string, string>();
  const byUri = new Map([...RESERVED_PREFIXES].map(([p, ns]) => [ns, p]));
  for (const [p, ns] of Object.entries(info.namespaces ?? {})) {
    const ptr = `/documentInfo/namespaces/${pointerToken(p)}`;
    if (!NCNAME.test(p)) fail('xbrlce:invalidJSONStructure', `namespace prefix ${JSON.stringify(p)} is not an NCName`, ptr);
    const reserved = RESERVED_PREFIXES.get(p);
    if (reserved !== undefined && reserved !== ns) fail('oimce:invalidURIForReservedAlias', `prefix ${p} is reserved for ${reserved}, not ${ns}`, ptr);
    const alias = byUri.get(ns);
    if (alias !== undefined && alias !== p) fail('oimce:invalidAliasForReservedURI', `${ns} must be bound to the prefix ${alias}, not ${p}`, ptr);
    namespaces.set(p, ns);
  }
  if (!info.taxonomy?.length) fail('oime:noTaxonomy', 'the metadata names no taxonomy (documentInfo.taxonomy must not be empty)', '/documentInfo');
  const kessanPrefix = [...namespaces].find(([, ns]) => ns === KESSAN_CSV_NS)?.[0];

  const identifier = (id: string, ptr: string) => {
    if (!IDENTIFIER.test(id)) fail('xbrlce:invalidIdentifier', `${JSON.stringify(id)} is not an xBRL-CSV identifier (a name without spaces, colons or dots, not starting with a digit)`, ptr);
  };
  const qnameBound = (q: string, ptr: string, code: string, what: string) => {
    const m = QNAME.exec(q);
    if (!m) fail(code, `${what} ${JSON.stringify(q)} is not a QName (prefix:name)`, ptr);
    if (!namespaces.has(m![1]!)) fail('oimce:unboundPrefix', `${what} ${q}: prefix ${m![1]!} is not in documentInfo.namespaces`, ptr);
  };
  const referenced = new Set<string>();
  /** A dimension's value, checked where it can be without a row. */
  const spec = (name: string, raw: string | null, ptr: string): Spec => {
    if (raw === null) {
      if (name === 'concept' || name === 'entity' || name === 'period' || name === 'unit' || name === 'language') fail('xbrlce:invalidJSONStructure', `${name} must not be null`, ptr);
      return { kind: 'value', value: null };
    }
    if (raw.startsWith('$') && !raw.startsWith('$$')) {
      const m = REF.exec(raw)!;
      const target = m[1]!;
      if (!IDENTIFIER.test(target)) fail('xbrlce:invalidReference', `${JSON.stringify(raw)} does not refer to a column or parameter (a $ and an identifier)`, ptr);
      if (m[2] !== undefined && ((m[2] !== 'start' && m[2] !== 'end') || name !== 'period')) fail('xbrlce:invalidPeriodSpecifier', `${JSON.stringify(raw)}: a reference may end in @start or @end, and only for the period`, ptr);
      referenced.add(target);
      return m[2] ? { kind: 'ref', name: target, at: m[2] as 'start' | 'end' } : { kind: 'ref', name: target };
    }
    const value = raw.startsWith('$$') ? raw.slice(1) : raw.startsWith('##') ? raw.slice(1) : raw;
    if (raw.startsWith('#') && !raw.startsWith('##')) {
      if (!SPECIAL.test(raw)) fail('xbrlce:unknownSpecialValue', `${JSON.stringify(raw)} is not a special value (#nil, #empty, #none)`, ptr);
      if (raw === '#none') return { kind: 'none' };
      if (raw === '#nil') {
        if (!name.includes(':')) fail('xbrlce:invalidJSONStructure', `${name} cannot be #nil`, ptr);
        return { kind: 'value', value: null };
      }
      return { kind: 'value', value: '' };
    }
    checkValue(name, value, ptr);
    return { kind: 'value', value };
  };
  const checkValue = (name: string, v: string, ptr: string) => {
    if (name === 'concept') qnameBound(v, ptr, 'xbrlce:invalidConceptQName', 'concept');
    else if (name === 'unit') {
      const u = parseOimUnitString(v);
      if (!u) fail('oimce:invalidUnitStringRepresentation', `unit ${JSON.stringify(v)} is not an OIM unit string`, ptr);
      if (v === 'xbrli:pure' || (u!.denominator.length === 0 && u!.numerator.length === 1 && namespaces.get(u!.numerator[0]!.split(':')[0]!) === RESERVED_PREFIXES.get('xbrli') && u!.numerator[0]!.endsWith(':pure'))) {
        fail('oime:illegalPureUnit', 'the unit xbrli:pure is written by leaving the unit out', ptr);
      }
      for (const m of [...u!.numerator, ...u!.denominator]) qnameBound(m, ptr, 'oimce:invalidUnitStringRepresentation', 'unit measure');
    } else if (name === 'entity') {
      const m = SQNAME.exec(v);
      if (!m) fail('oimce:invalidSQName', `entity ${JSON.stringify(v)} is not an SQName (scheme-prefix:identifier)`, ptr);
      if (!namespaces.has(m![1]!)) fail('oimce:unboundPrefix', `entity ${v}: prefix ${m![1]!} is not in documentInfo.namespaces`, ptr);
    } else if (name === 'period') {
      if (v !== '' && 'error' in csvPeriod(v)) fail('xbrlce:invalidPeriodRepresentation', `period ${JSON.stringify(v)} is not an xBRL-CSV period`, ptr);
    } else if (name === 'language') {
      if (!LANGUAGE.test(v)) fail('xbrlce:invalidLanguageCode', `language ${JSON.stringify(v)} is not a language tag`, ptr);
    } else if (name === 'decimals') {
      if (!INTEGER.test(v)) fail('xbrlce:invalidDecimalsValue', `decimals ${JSON.stringify(v)} is not an integer`, ptr);
    }
  };
  const dimensionName = (name: string, ptr: string) => {
    if (['concept', 'entity', 'period', 'unit', 'language'].includes(name)) return;
    if (name.startsWith('xbrl:') || !QNAME.test(name)) fail(name.includes(':') ? 'xbrlce:invalidJSONStructure' : 'xbrlce:invalidJSONStructure', `${JSON.stringify(name)} is not a dimension (concept, entity, period, unit, language, or a taxonomy-defined dimension's QName)`, ptr);
    qnameBound(name, ptr, 'oimce:invalidSQName', 'dimension');
  };
  const specs = (dims: Dimensions | undefined, ptr: string): Map<string, Spec> => {
    const out = new Map<string, Spec>();
    for (const [name, raw] of Object.entries(dims ?? {})) {
      const p = `${ptr}/${pointerToken(name)}`;
      dimensionName(name, p);
      out.set(name, spec(name, raw, p));
    }
    return out;
  };
  const decimalsSpec = (d: DecimalsValue | undefined, ptr: string): Spec | undefined => {
    if (d === undefined) return undefined;
    if (typeof d === 'number') return { kind: 'value', value: String(d) };
    return spec('decimals', d, ptr);
  };

  for (const [what, n] of [['tables', Object.keys(md.tables).length], ['table templates', Object.keys(md.tableTemplates).length]] as const) {
    if (n > MAX_TABLES) fail('kessan:csvLimit', `the metadata defines ${n} ${what}, more than kessan reads (${MAX_TABLES})`, what === 'tables' ? '/tables' : '/tableTemplates');
  }
  // Report parameters from a CSV file: not read yet. Refused, so that no reference to them is read as missing.
  if (md.parameterURL !== undefined) fail('kessan:unsupported', 'parameterURL (report parameters in a CSV file) is not read by kessan yet; give the parameters in the metadata', '/parameterURL');
  const reportDims = specs(md.dimensions, '/dimensions');
  const reportDecimals = decimalsSpec(md.decimals, '/decimals');
  for (const p of Object.keys(md.parameters)) identifier(p, `/parameters/${pointerToken(p)}`);

  const templates = new Map<string, Template>();
  for (const [id, t] of Object.entries(md.tableTemplates)) {
    const tp = `/tableTemplates/${pointerToken(id)}`;
    identifier(id, tp);
    const templateDims = specs(t.dimensions, `${tp}/dimensions`);
    const templateDecimals = decimalsSpec(t.decimals, `${tp}/decimals`);
    const kinds = new Map<string, 'fact' | 'comment' | 'parameter' | 'propertyGroup'>();
    const propertyGroups = new Map<string, Map<string, { dimensions: Map<string, Spec>; decimals?: Spec }>>();
    for (const [name, c] of Object.entries(t.columns)) {
      const cp = `${tp}/columns/${pointerToken(name)}`;
      identifier(name, cp);
      const isFact = c.dimensions !== undefined || c.propertiesFrom !== undefined;
      const isGroup = c.propertyGroups !== undefined;
      if ((isFact && isGroup) || (c.comment === true && (isFact || isGroup))) fail('xbrlce:conflictingColumnType', `column ${name} is defined as more than one kind (comment, fact, property group)`, cp);
      if (!isFact && c.decimals !== undefined) fail('xbrlce:misplacedDecimalsOnNonFactColumn', `column ${name} has decimals but is not a fact column`, `${cp}/decimals`);
      kinds.set(name, c.comment === true ? 'comment' : isFact ? 'fact' : isGroup ? 'propertyGroup' : 'parameter');
      if (isGroup) {
        const groups = new Map<string, { dimensions: Map<string, Spec>; decimals?: Spec }>();
        for (const [g, pg] of Object.entries(c.propertyGroups!)) {
          const gp = `${cp}/propertyGroups/${pointerToken(g)}`;
          identifier(g, gp);
          const dec = decimalsSpec(pg.decimals, `${gp}/decimals`);
          groups.set(g, { dimensions: specs(pg.dimensions, `${gp}/dimensions`), ...(dec ? { decimals: dec } : {}) });
        }
        propertyGroups.set(name, groups);
      }
    }
    if (t.rowIdColumn !== undefined) {
      if (!kinds.has(t.rowIdColumn)) fail('xbrlce:undefinedRowIdColumn', `rowIdColumn ${t.rowIdColumn} is not one of the template's columns`, `${tp}/rowIdColumn`);
      if (kinds.get(t.rowIdColumn) === 'comment') fail('xbrlce:invalidRowIdColumn', `rowIdColumn ${t.rowIdColumn} is a comment column`, `${tp}/rowIdColumn`);
      referenced.add(t.rowIdColumn);
    }
    const facts = new Map<string, FactColumn>();
    for (const [name, c] of Object.entries(t.columns)) {
      if (kinds.get(name) !== 'fact') continue;
      const cp = `${tp}/columns/${pointerToken(name)}`;
      const own = specs(c.dimensions, `${cp}/dimensions`);
      const ownDecimals = decimalsSpec(c.decimals, `${cp}/decimals`);
      for (const from of c.propertiesFrom ?? []) {
        if (kinds.get(from) !== 'propertyGroup') fail('xbrlce:invalidPropertyGroupColumnReference', `propertiesFrom names ${from}, which is not a property group column of the template`, `${cp}/propertiesFrom`);
      }
      const dimensions = new Map<string, Spec>([...reportDims, ...templateDims, ...own]);
      const decimals = ownDecimals ?? templateDecimals ?? reportDecimals;
      // A fact that takes an aspect from its own cell: its value would be its concept, period or unit.
      for (const [d, s] of [...dimensions, ...(decimals ? [['decimals', decimals] as const] : [])]) {
        if (s.kind === 'ref' && s.name === name) {
          const where = own.has(d) ? `${cp}/dimensions/${pointerToken(d)}` : d === 'decimals' && ownDecimals ? `${cp}/decimals` : templateDims.has(d) ? `${tp}/dimensions/${pointerToken(d)}` : cp;
          fail('xbrlce:invalidReference', `fact column ${name} refers to itself for its ${d} ($${name}): a fact cannot take an aspect from its own value`, where);
        }
      }
      const marked = kessanPrefix !== undefined && c[`${kessanPrefix}:numeric`] === true;
      facts.set(name, { name, dimensions, ...(decimals ? { decimals } : {}), marked, propertiesFrom: c.propertiesFrom ?? [], own: new Set(own.keys()), hasOwnDecimals: ownDecimals !== undefined });
    }
    templates.set(id, { id, ...(t.rowIdColumn !== undefined ? { rowIdColumn: t.rowIdColumn } : {}), kinds, facts, propertyGroups });
  }

  for (const [id, table] of Object.entries(md.tables)) {
    const p = `/tables/${pointerToken(id)}`;
    identifier(id, p);
    const templateId = table.template ?? id;
    if (!templates.has(templateId)) fail('xbrlce:unknownTableTemplate', `table ${id} uses the template ${templateId}, which the metadata does not define`, table.template !== undefined ? `${p}/template` : p);
    for (const name of Object.keys(table.parameters ?? {})) {
      const pp = `${p}/parameters/${pointerToken(name)}`;
      if (!IDENTIFIER.test(name)) fail('xbrlce:invalidParameterName', `parameter ${JSON.stringify(name)} is not an identifier`, pp);
      if (!referenced.has(name)) fail('xbrlce:unreferencedParameter', `table parameter ${name} is referred to by no dimension`, pp);
    }
  }
  for (const name of Object.keys(md.parameters)) {
    if (!referenced.has(name)) fail('xbrlce:unreferencedParameter', `report parameter ${name} is referred to by no dimension`, `/parameters/${pointerToken(name)}`);
  }
  return { templates, namespaces, kessanPrefix };
}

