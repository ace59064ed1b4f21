/**
 * The Inline XBRL 1.1 writer: a well-formed XHTML page that reads like the release (headings, prose, tables
 * with right-aligned figures and bold totals) with every figure an `ix:nonFraction` (TR4 num-dot-decimal,
 * scale and decimals as printed, `sign="-"` for negatives) and a hidden `ix:header` holding the schemaRef,
 * contexts and units (the same code as the XBRL 2.1 writer). Without a release layout, facts are laid out
 * in simple tables. Deterministic: the same report gives the same bytes.
 */
import { KessanError } from '../../../core/errors.js';
import type { Fact } from '../../../core/model/fact.js';
import type { QName } from '../../../core/model/qname.js';
import type { Report } from '../../../core/model/report.js';
import { TR } from '../transforms/index.js';
import { collectContexts, contextNames, renderContexts } from '../../xbrl/write/contexts.js';
import { checkFacts } from '../../xbrl/write/facts.js';
import { PrefixMap } from '../../xbrl/write/namespaces.js';
import { typedMemberPrefixes } from '../../xbrl/write/typed.js';
import { collectUnits, renderUnits, unitNames, unitsOf } from '../../xbrl/write/units.js';
import { escapeAttr, escapeText } from '../../../core/xml/write.js';
import { renderFallback } from './fallback.js';
import { Printings, renderLayout } from './layout.js';
import { STYLE } from './style.js';
import { nonNumeric, type TagContext } from './tags.js';
import { pushAll } from '../../../core/arrays.js';

export const IX = 'http://www.xbrl.org/2013/inlineXBRL';
const XHTML = 'http://www.w3.org/1999/xhtml';

export interface WriteInlineOptions {
  readonly schemaRef?: string;
  /** The page title; by default the release's first heading. */
  readonly title?: string;
}

export function writeInlineXbrl(report: Report, options: WriteInlineOptions = {}): string {
  const facts = report.facts;
  checkFacts(facts);
  const schemaRefs = options.schemaRef !== undefined ? [options.schemaRef] : report.taxonomy.schemaRefs;
  if (schemaRefs.length === 0) throw new KessanError('kessan:noSchemaRef', 'the report names no taxonomy (schemaRef); give one to write Inline XBRL');

  // Ids a repeated printing may take (`f1_p2`…) are reserved, so contexts and units never take them.
  const reserved = new Set(facts.map((f) => f.id));
  for (const f of facts) for (let k = 2; k <= f.sources.length; k++) reserved.add(`${f.id}_p${k}`);
  const { contexts, idByKey: contextIds, keyOf: contextKeyOf } = collectContexts(facts, reserved);
  const { units, idByKey: unitIds } = collectUnits(unitsOf(facts), new Set([...reserved, ...contexts.map((c) => c.id)]));
  const used: QName[] = [...facts.map((f) => f.concept), ...unitNames(units), ...contextNames(contexts)];
  const typedPrefixes = new Set<string>();
  for (const c of contexts) for (const [, v] of c.dimensions) if ('typed' in v) for (const p of typedMemberPrefixes(v.typed, report.namespaces)) typedPrefixes.add(p);
  const names = new PrefixMap(used, report.namespaces, { dimensions: contexts.some((c) => c.dimensions.length > 0), nil: true, typedPrefixes });
  const decls = names.declarations();
  for (const [p, ns] of decls) {
    if ((p === 'ix' && ns !== IX) || (p === 'ixt' && ns !== TR.tr4)) throw new KessanError('kessan:prefixClash', `the report binds prefix ${p} to ${ns}; Inline XBRL needs it for ${p === 'ix' ? IX : TR.tr4}`);
  }

  const ctx: TagContext = { names, contextIds, contextKeyOf, unitIds, printings: new Map() };
  const printings = new Printings(facts);
  const body = report.layout?.kind === 'release' ? renderLayout(report.layout.blocks, printings, ctx) : [];
  const rest = facts.filter((f) => !printings.placed.has(f));
  // Beside a release layout, a text fact not shown in it (the release's narrative, kept as written with its
  // markup) goes to ix:hidden, so that its value survives exactly; without a layout, text is shown.
  const hidden = body.length ? rest.filter((f) => f.unit === undefined) : [];
  pushAll(body, renderFallback(rest.filter((f) => !hidden.includes(f)), ctx, body.length ? 'Other tagged facts' : 'Facts'));

  const title = options.title ?? firstHeading(report) ?? 'Inline XBRL report';
  const I = '  ';
  const header = [
    '<div style="display:none">',
    '<ix:header>',
    ...(hidden.length ? [`${I}<ix:hidden>`, ...hidden.map((f) => `${I}${I}${nonNumeric(f, typeof f.value === 'string' ? escapeText(f.value) : '', ctx)}`), `${I}</ix:hidden>`] : []),
    `${I}<ix:references>`,
    ...schemaRefs.map((href) => `${I}${I}<link:schemaRef xlink:type="simple" xlink:href="${escapeAttr(href, 'schemaRef')}"/>`),
    `${I}</ix:references>`,
    `${I}<ix:resources>`,
    ...renderContexts(contexts, names, I, new Map([['', XHTML], ['ix', IX], ['ixt', TR.tr4], ...decls])).map((l) => `${I}${I}${l.slice(I.length)}`),
    ...renderUnits(units, names, I).map((l) => `${I}${I}${l.slice(I.length)}`),
    `${I}</ix:resources>`,
    '</ix:header>',
    '</div>',
  ];
  const ns = [`xmlns="${XHTML}"`, `xmlns:ix="${IX}"`, `xmlns:ixt="${TR.tr4}"`, ...decls.map(([p, u]) => `xmlns:${p}="${escapeAttr(u)}"`)];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<html ${ns.join(' ')} xml:lang="en">`,
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>',
    `<title>${escapeText(title)}</title>`,
    `<style type="text/css">${STYLE}</style>`,
    '</head>',
    '<body>',
    ...header,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function firstHeading(report: Report): string | undefined {
  for (const b of report.layout?.blocks ?? []) {
    const h = b as { kind?: string; text?: string };
    if (h.kind === 'heading' && h.text) return h.text;
  }
  const f: Fact | undefined = report.facts[0];
  return f ? `${f.entity.identifier}: XBRL facts` : undefined;
}

