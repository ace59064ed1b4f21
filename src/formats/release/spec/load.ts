/**
 * Reading a taxonomy spec: YAML (JSON is YAML too) parsed by the `yaml` package, which keeps every node's place,
 * checked against schemas/taxonomy-spec.schema.json with ajv. Every problem is a KessanError naming the file, the
 * line and column, and what is wrong (`kessan:specInvalid`, exit 2).
 */
import { resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { KessanError } from '../../../core/errors.js';
import { decodeText, readInputBytes } from '../../../core/limits.js';
import { compileSchema } from '../../../core/schemas.js';
import type {
  SpecCalculation, SpecColumn, SpecConcept, SpecDimension, SpecImport, SpecPlace, SpecRow, SpecTable, SpecType, SpecVariant, TaxonomySpec,
} from './model.js';

const CODE = 'kessan:specInvalid';

/** A parsed spec document with the place of every node (for messages about it). */
export interface SpecSource {
  readonly file: string;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** Parses a spec's text; a YAML syntax error is a KessanError at its line. */
export function parseSpecText(text: string, file: string): SpecSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const at = lines.linePos(err.pos[0]);
    throw new KessanError(CODE, `the taxonomy spec is not valid YAML: ${err.message.split('\n')[0]}`, { file, line: at.line, column: at.col }, 2);
  }
  return { file, doc, lines };
}

/** The place of the node at a JSON path (or the nearest node above it that exists). */
export function placeAt(src: SpecSource, path: readonly (string | number)[]): SpecPlace | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n), true) as Node | undefined;
    const start = node && (isMap(node) || isSeq(node) || isScalar(node)) ? node.range?.[0] : undefined;
    if (start !== undefined) {
      const at = src.lines.linePos(start);
      return { line: at.line, column: at.col };
    }
  }
  return undefined;
}

function fail(src: SpecSource, path: readonly (string | number)[], message: string): never {
  const at = placeAt(src, path);
  throw new KessanError(CODE, `the taxonomy spec is not valid: ${message}`, { file: src.file, ...(at ? { line: at.line, column: at.column } : {}) }, 2);
}

/** Reads and checks a spec file. */
export function loadSpec(file: string): TaxonomySpec {
  const text = decodeText(readInputBytes(file, 'kessan:specUnreadable', 'cannot read the taxonomy spec: '), file, CODE, 2);
  return readSpec(text, resolve(file));
}

/** Reads and checks a spec's text (`file` names it in messages and places). */
export function readSpec(text: string, file: string): TaxonomySpec {
  const src = parseSpecText(text, file);
  const data = src.doc.toJS({ maxAliasCount: 100 }) as unknown;
  const validate = compileSchema('taxonomy-spec.schema.json');
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // The deepest error says most (a oneOf's own error only repeats that no branch fitted).
    const first = [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length)[0];
    const path = (first?.instancePath ?? '').split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
    const extra = first?.params && 'additionalProperty' in first.params ? ` (${String(first.params.additionalProperty)})` : '';
    fail(src, path, `${first?.instancePath || '(top level)'} ${first?.message ?? 'is not a taxonomy spec'}${extra}`);
  }
  return toSpec(src, data as RawSpec);
}

interface RawRow {
  readonly concept?: string;
  readonly heading?: string;
  readonly label?: string;
  readonly show?: 'plain' | 'negated' | 'periodStart' | 'periodEnd';
  readonly standardLabel?: string;
  readonly rows?: RawRow[];
  readonly [shorthand: string]: unknown;
}

interface RawSpec {
  namespace: string;
  prefix: string;
  name: string;
  lang?: string;
  imports?: SpecImport[];
  types?: SpecType[];
  concepts: SpecConcept[];
  dimensions?: SpecDimension[];
  variants?: SpecVariant[];
  tables: {
    id: string;
    title: string;
    rows: RawRow[];
    calculations?: { total: string; items: string[]; rounding?: string }[];
    ratios?: SpecTable['ratios'];
    columns?: SpecColumn[];
  }[];
}

function toRows(src: SpecSource, raw: readonly RawRow[], path: (string | number)[]): SpecRow[] {
  return raw.map((r, i) => {
    const here = [...path, i];
    const place = placeAt(src, here);
    if (typeof r.heading === 'string') {
      return {
        kind: 'heading', concept: r.heading, label: r.label ?? '', rows: toRows(src, r.rows ?? [], [...here, 'rows']),
        ...(r.standardLabel ? { standardLabel: r.standardLabel } : {}), ...(place ? { place } : {}),
      };
    }
    if (typeof r.concept === 'string') return { kind: 'line', concept: r.concept, label: r.label ?? '', show: r.show ?? 'plain', ...(place ? { place } : {}) };
    const [concept, label] = Object.entries(r)[0] as [string, string];
    return { kind: 'line', concept, label, show: 'plain', ...(place ? { place } : {}) };
  });
}

function toSpec(src: SpecSource, raw: RawSpec): TaxonomySpec {
  const places = new Map<string, SpecPlace>();
  const remember = (key: string, path: (string | number)[]) => {
    const at = placeAt(src, path);
    if (at) places.set(key, at);
  };
  raw.concepts.forEach((c, i) => remember(`concept:${c.name}`, ['concepts', i]));
  (raw.dimensions ?? []).forEach((d, i) => {
    remember(`concept:${d.axis}`, ['dimensions', i, 'axis']);
    remember(`concept:${d.domain.name}`, ['dimensions', i, 'domain']);
    d.members.forEach((m, j) => remember(`concept:${m.name}`, ['dimensions', i, 'members', j]));
  });
  (raw.variants ?? []).forEach((v, i) => remember(`variant:${v.name}`, ['variants', i]));
  (raw.types ?? []).forEach((t, i) => remember(`type:${t.name}`, ['types', i]));
  const tables: SpecTable[] = raw.tables.map((t, i) => {
    const place = placeAt(src, ['tables', i]);
    const calculations: SpecCalculation[] = (t.calculations ?? []).map((c, k) => {
      const at = placeAt(src, ['tables', i, 'calculations', k]);
      return {
        total: c.total,
        items: c.items.map((item) => (item.startsWith('-') ? { concept: item.slice(1), weight: -1 as const } : { concept: item.replace(/^\+/, ''), weight: 1 as const })),
        ...(c.rounding ? { rounding: c.rounding } : {}),
        ...(at ? { place: at } : {}),
      };
    });
    return {
      id: t.id, title: t.title, rows: toRows(src, t.rows, ['tables', i, 'rows']), calculations,
      ...(t.ratios ? { ratios: t.ratios } : {}), ...(t.columns ? { columns: t.columns } : {}), ...(place ? { place } : {}),
    };
  });
  return {
    file: src.file, namespace: raw.namespace, prefix: raw.prefix, name: raw.name, lang: raw.lang ?? 'en',
    imports: raw.imports ?? [], types: raw.types ?? [], concepts: raw.concepts, dimensions: raw.dimensions ?? [],
    variants: raw.variants ?? [], tables, places,
  };
}
