/**
 * The metadata of an xBRL-CSV report: the primary metadata file and the files it extends (xBRL-CSV §3.3), read,
 * checked and merged into one. In order, each failure a KessanError with the file and line:
 *
 * 1. UTF-8 JSON, strict (duplicate keys refused): `xbrlce:invalidJSON`.
 * 2. The document type: `oime:unsupportedDocumentType` for anything but xBRL-CSV 1.0.
 * 3. The structure, with ajv against schemas/xbrl-csv-metadata.schema.json: `xbrlce:invalidJSONStructure`.
 * 4. `extends`: each base file read the same way (from the report's folder or package only, never fetched:
 *    `xbrlce:unresolvableBaseMetadataFile`), a file that extends itself round about (`xbrlce:cycleInExtensionChain`),
 *    another document type (`xbrlce:multipleDocumentTypesInExtensionChain`), a member defined twice with different
 *    values (`xbrlce:conflictingMetadataValue`, `xbrlce:illegalReportParameterRedefinition`,
 *    `xbrlce:illegalRedefinitionOfNonExtensibleProperty`), an addition to a `final` object
 *    (`xbrlce:illegalExtensionOfFinalProperty`).
 */
import { KessanError, type Location } from '../../../core/errors.js';
import { parseJson, pointerToken, type JsonValue } from '../../../core/json.js';
import { decodeText } from '../../../core/limits.js';
import { compileSchema, describeSchemaError } from '../../../core/schemas.js';
import { DRAFT_OIM_DOCUMENT_TYPES, XBRL_CSV_DOCUMENT_TYPE, XBRL_JSON_DOCUMENT_TYPE } from '../../../core/xbrl/oim.js';
import type { ReportSource } from './source.js';

export type Dimensions = Readonly<Record<string, string | null>>;
export type DecimalsValue = number | string;

export interface ColumnJson {
  readonly comment?: boolean;
  readonly dimensions?: Dimensions;
  readonly decimals?: DecimalsValue;
  readonly propertyGroups?: Readonly<Record<string, { readonly dimensions?: Dimensions; readonly decimals?: DecimalsValue }>>;
  readonly propertiesFrom?: readonly string[];
  readonly [extension: string]: unknown;
}

export interface TemplateJson {
  readonly rowIdColumn?: string;
  readonly columns: Readonly<Record<string, ColumnJson>>;
  readonly dimensions?: Dimensions;
  readonly decimals?: DecimalsValue;
}

export interface TableJson {
  readonly url: string;
  readonly template?: string;
  readonly optional?: boolean;
  readonly parameters?: Readonly<Record<string, string>>;
}

export interface DocumentInfoJson {
  readonly documentType: string;
  readonly namespaces?: Record<string, string>;
  readonly linkTypes?: Record<string, string>;
  readonly linkGroups?: Record<string, string>;
  readonly taxonomy?: string[];
  readonly features?: Record<string, unknown>;
  readonly extends?: string[];
  readonly final?: Record<string, boolean>;
  readonly [extension: string]: unknown;
}

/** The merged metadata, and where each of its members was written. */
export interface Metadata {
  readonly documentInfo: DocumentInfoJson;
  readonly tableTemplates: Record<string, TemplateJson>;
  readonly tables: Record<string, TableJson>;
  readonly parameters: Record<string, string>;
  readonly parameterURL?: string;
  readonly dimensions: Record<string, string | null>;
  readonly decimals?: DecimalsValue;
  readonly links?: unknown;
  /** Where the member at this JSON pointer (`/tableTemplates/t/columns/c`) of the merged metadata was written. */
  at(pointer: string): Location;
  /** Each taxonomy href with the metadata file that wrote it (relative hrefs resolve against it). */
  readonly taxonomyFrom: readonly { readonly href: string; readonly file: string }[];
}

interface Loaded {
  readonly file: string;
  readonly value: Record<string, JsonValue>;
  at(pointer: string): Location;
}

const MAX_CHAIN = 64;

/** Reads the primary metadata file and everything it extends. */
export function readMetadata(source: ReportSource): Metadata {
  const first = source.primary();
  const primary = load(first.path, first.bytes);
  const origins = new Map<string, Loaded>();
  const merged: Record<string, JsonValue> = {};
  const taxonomyFrom: { href: string; file: string }[] = [];
  const visit = (doc: Loaded, chain: readonly string[]) => {
    const info = doc.value.documentInfo as Record<string, JsonValue>;
    for (const base of (info.extends as string[] | undefined) ?? []) {
      const where = doc.at('/documentInfo/extends');
      const got = source.fetch(base, doc.file);
      if (got.kind !== 'file') {
        const why = got.kind === 'refused' ? 'it is outside the folders kessan may read (see --allow-dir), so it was not read' : /^[a-z][a-z0-9+.-]*:/i.test(base) ? 'kessan never fetches from the network' : 'no such file';
        throw new KessanError('xbrlce:unresolvableBaseMetadataFile', `the metadata extends ${base}, which cannot be read: ${why}`, where, 1);
      }
      if (chain.includes(got.path)) throw new KessanError('xbrlce:cycleInExtensionChain', `the metadata extends ${base}, which extends it again (${[...chain, got.path].join(' → ')})`, where, 1);
      if (chain.length >= MAX_CHAIN) throw new KessanError('xbrlce:unresolvableBaseMetadataFile', `more than ${MAX_CHAIN} metadata files extend one another`, where, 1);
      const baseDoc = load(got.path, got.bytes);
      const type = (baseDoc.value.documentInfo as Record<string, JsonValue>).documentType;
      if (type !== info.documentType) throw new KessanError('xbrlce:multipleDocumentTypesInExtensionChain', `${base} has document type ${String(type)}, not ${String(info.documentType)}`, baseDoc.at('/documentInfo/documentType'), 1);
      visit(baseDoc, [...chain, got.path]);
    }
    absorb(doc);
  };
  // Bases first, so that the extending file's members are checked against what its bases said.
  const absorb = (doc: Loaded) => {
    const info = doc.value.documentInfo as Record<string, JsonValue>;
    for (const href of (info.taxonomy as string[] | undefined) ?? []) if (!taxonomyFrom.some((t) => t.href === href && t.file === doc.file)) taxonomyFrom.push({ href, file: doc.file });
    mergeInto(merged, doc, origins);
  };
  visit(primary, [primary.file]);
  const value = merged as unknown as Metadata;
  const at = (pointer: string): Location => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const doc = origins.get(p);
      if (doc) return doc.at(pointer);
      if (p === '') return { file: primary.file };
    }
  };
  return {
    documentInfo: (value.documentInfo ?? {}) as DocumentInfoJson,
    tableTemplates: value.tableTemplates ?? {},
    tables: value.tables ?? {},
    parameters: value.parameters ?? {},
    ...(value.parameterURL !== undefined ? { parameterURL: value.parameterURL } : {}),
    dimensions: value.dimensions ?? {},
    ...(value.decimals !== undefined ? { decimals: value.decimals } : {}),
    ...(value.links !== undefined ? { links: value.links } : {}),
    at,
    taxonomyFrom,
  };
}

/** Objects whose members several files may each add to (xBRL-CSV §3.3.1). */
const EXTENSIBLE = new Set(['tableTemplates', 'tables', 'parameters', 'dimensions', 'links']);
const EXTENSIBLE_INFO = new Set(['namespaces', 'linkTypes', 'linkGroups', 'features']);

function mergeInto(merged: Record<string, JsonValue>, doc: Loaded, origins: Map<string, Loaded>): void {
  const mergeObject = (target: Record<string, JsonValue>, source: Record<string, JsonValue>, pointer: string, extensible: ReadonlySet<string>, finals: Readonly<Record<string, JsonValue>>) => {
    for (const key of Object.keys(source)) {
      const p = `${pointer}/${pointerToken(key)}`;
      const v = source[key]!;
      if (key === 'extends' || key === 'final' || (pointer === '/documentInfo' && key === 'taxonomy')) {
        if (key === 'taxonomy') target[key] = [...new Set([...((target[key] as string[] | undefined) ?? []), ...(v as string[])])];
        else if (key === 'final') target[key] = { ...((target[key] as Record<string, JsonValue> | undefined) ?? {}), ...(v as Record<string, JsonValue>) };
        continue;
      }
      if (!Object.prototype.hasOwnProperty.call(target, key)) {
        defineOwn(target, key, v);
        origins.set(p, doc);
        continue;
      }
      const old = target[key]!;
      if (extensible.has(key)) {
        const into = old as Record<string, JsonValue>;
        for (const member of Object.keys(v as Record<string, JsonValue>)) {
          const mp = `${p}/${pointerToken(member)}`;
          const nv = (v as Record<string, JsonValue>)[member]!;
          if (!Object.prototype.hasOwnProperty.call(into, member)) {
            if (finals[key] === true) throw new KessanError('xbrlce:illegalExtensionOfFinalProperty', `${key} is final in a file this one extends; ${member} cannot be added to it`, doc.at(mp), 1);
            defineOwn(into, member, nv);
            origins.set(mp, doc);
          } else if (JSON.stringify(into[member]) !== JSON.stringify(nv)) {
            const code = key === 'parameters' ? 'xbrlce:illegalReportParameterRedefinition' : 'xbrlce:conflictingMetadataValue';
            throw new KessanError(code, `${key} member ${JSON.stringify(member)} is defined differently here and in a file this one extends`, doc.at(mp), 1);
          }
        }
      } else if (pointer === '/documentInfo' && key === 'documentType') {
        continue;
      } else if (JSON.stringify(old) !== JSON.stringify(v)) {
        throw new KessanError('xbrlce:illegalRedefinitionOfNonExtensibleProperty', `${key} is defined differently here and in a file this one extends`, doc.at(p), 1);
      }
    }
  };
  const info = doc.value.documentInfo as Record<string, JsonValue>;
  if (!merged.documentInfo) merged.documentInfo = {};
  const finals = ((merged.documentInfo as Record<string, JsonValue>).final ?? {}) as Record<string, JsonValue>;
  mergeObject(merged.documentInfo as Record<string, JsonValue>, info, '/documentInfo', EXTENSIBLE_INFO, finals);
  origins.set('/documentInfo', origins.get('/documentInfo') ?? doc);
  const rest = { ...doc.value };
  delete rest.documentInfo;
  mergeObject(merged, rest, '', EXTENSIBLE, finals);
}

/** `__proto__` as a key is a key: defined as an own property, never the prototype. */
function defineOwn(target: Record<string, JsonValue>, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
}

/** One metadata file: UTF-8, strict JSON, the xBRL-CSV document type, the schema's structure. */
function load(file: string, bytes: Uint8Array): Loaded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new KessanError('xbrlce:invalidJSON', 'not valid JSON for xBRL-CSV: the file is UTF-16, and xBRL-CSV metadata must be UTF-8', { file }, 1);
  }
  const text = decodeText(bytes, file, 'xbrlce:invalidJSON', 1);
  // Positions of what a report has many of (tables, templates, their columns) and what encloses them; deeper ones
  // are found by parsing again, only for a message. Recording every value's position is most of the parsing time.
  const { value, positions: shallow } = parseJson(text, file, { code: 'xbrlce:invalidJSON', positionDepth: 4 });
  let all: ReadonlyMap<string, { line: number; column: number }> | undefined;
  const at = (pointer: string): Location => {
    const positions = depthOf(pointer) <= 4 ? shallow : (all ??= parseJson(text, file, { code: 'xbrlce:invalidJSON' }).positions);
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const pos = positions.get(p);
      if (pos) return { file, line: pos.line, column: pos.column };
      if (p === '') return { file };
    }
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new KessanError('xbrlce:invalidJSONStructure', 'not xBRL-CSV metadata: the document is not a JSON object', at(''), 1);
  const info = value.documentInfo;
  if (info !== null && typeof info === 'object' && !Array.isArray(info) && typeof info.documentType === 'string' && info.documentType !== XBRL_CSV_DOCUMENT_TYPE) {
    const type = info.documentType;
    const known = type === XBRL_JSON_DOCUMENT_TYPE || DRAFT_OIM_DOCUMENT_TYPES.includes(type);
    throw new KessanError('oime:unsupportedDocumentType', `document type ${JSON.stringify(type)} is ${known ? 'not xBRL-CSV 1.0' : 'unknown'} (xBRL-CSV 1.0 is ${XBRL_CSV_DOCUMENT_TYPE})`, at('/documentInfo/documentType'), 1);
  }
  const validate = compileSchema('xbrl-csv-metadata.schema.json');
  if (!validate(value)) {
    const e = validate.errors?.[0];
    throw new KessanError('xbrlce:invalidJSONStructure', `not xBRL-CSV metadata: ${describeSchemaError(e, 'it does not follow the xBRL-CSV metadata structure')}`, at(e?.instancePath ?? ''), 1);
  }
  return { file, value, at };
}

/** How many tokens a JSON pointer has ('' is the root, `/tables/t1` has two). */
function depthOf(pointer: string): number {
  let n = 0;
  for (let i = pointer.indexOf('/'); i >= 0; i = pointer.indexOf('/', i + 1)) n++;
  return n;
}

