/**
 * `kessan init`: from a release kessan has never seen to a profile, a taxonomy spec and its taxonomy, so that
 * `kessan convert <release> --profile <dir>/<name>.profile.json` tags every figure. The spec is a draft to read
 * and edit; `init` on a release whose spec exists keeps the spec as it is and only adds what is new (merge.ts).
 * Finally the release is read with what was written, and the coverage said.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { KessanError } from '../core/errors.js';
import type { Finding } from '../core/model/finding.js';
import { draftSpec, type Draft } from '../formats/release/draft/draft.js';
import { applyBases, KNOWN_BASES, type BaseConcept, type BaseTaxonomy } from '../formats/release/draft/base.js';
import { convenienceOf, inferCalendar, printedCurrency } from '../formats/release/draft/calendar.js';
import { currentLimits } from '../core/limits.js';
import { loadTaxonomy } from '../core/taxonomy/loader.js';
import { mergeSpec, type MergeResult } from '../formats/release/draft/merge.js';
import { prefixFrom } from '../formats/release/draft/names.js';
import { specYaml } from '../formats/release/draft/yaml.js';
import type { Coverage } from '../formats/release/read/coverage.js';
import { releaseCoverage } from '../formats/release/read/coverage.js';
import { parseRelease } from '../formats/release/read/form.js';
import type { FiscalCalendar } from '../formats/release/read/periods.js';
import { openDocument, readInputText } from './open.js';
import { buildTaxonomyFiles } from './taxonomy-build.js';
import { writeFileAtomic } from './write-file.js';

export interface InitOptions {
  readonly entityScheme: string;
  readonly entity: string;
  /** ISO 4217; by default the one the release prints. */
  readonly currency?: string;
  /** `MM-DD`. */
  readonly fiscalYearEnd?: string;
  readonly fiscalCalendar?: '52-53-saturday';
  readonly out: string;
  readonly namespace?: string;
  readonly prefix?: string;
  /** Base taxonomies to map rows onto (`us-gaap`, `srt`… or a schema URL), found offline (packages, folders). */
  readonly base?: readonly string[];
}

export interface InitResult {
  readonly profile: string;
  readonly spec: string;
  readonly schema: string;
  /** Whether a spec was there (then only what is new was added to it). */
  readonly merged?: MergeResult;
  readonly notes: readonly string[];
  readonly coverage?: Coverage;
  readonly findings: readonly Finding[];
}

const rel = (from: string, to: string) => relative(from, to).split('\\').join('/');

/** A base taxonomy, loaded offline (packages and folders of the run), as the draft needs it. */
function loadBase(base: string, release: string): BaseTaxonomy {
  const known = KNOWN_BASES[base];
  const schemaLocation = known?.schemaLocation ?? base;
  if (!known && !/^https?:\/\//.test(base)) throw new KessanError('kessan:usage', `--base must be one of ${Object.keys(KNOWN_BASES).join(', ')} or a schema's URL, not "${base}"`, {}, 2);
  const t = loadTaxonomy([schemaLocation]);
  if (!t.documents.length) throw new KessanError('kessan:baseUnavailable', `the base taxonomy ${schemaLocation} is not available offline; give its folder (--taxonomy-dir) or package (--package)`, { file: release }, 2);
  const counts = new Map<string, number>();
  for (const c of t.concepts.values()) counts.set(c.name.namespace, (counts.get(c.name.namespace) ?? 0) + 1);
  const namespace = known?.namespace ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const prefix = known ? base : (/([A-Za-z][\w-]*?)(?:-\d{4}(?:-\d\d-\d\d)?)?\.xsd$/.exec(schemaLocation)?.[1] ?? 'base');
  const concepts: BaseConcept[] = [];
  for (const c of t.concepts.values()) {
    if (c.name.namespace !== namespace || c.abstract || !c.periodType || c.substitutionGroup.localName !== 'item') continue;
    const ty = c.type;
    const kind = ty.perShare ? 'perShare' : ty.monetary ? 'monetary' : ty.shares ? 'shares' : [ty.name, ...ty.ancestors].some((a) => a.localName === 'percentItemType') ? 'percent' : ty.pure ? 'pure' : ty.baseXsd === 'integer' ? 'integer' : undefined;
    concepts.push({ local: c.name.localName, period: c.periodType, ...(kind ? { kind } : {}), labels: t.labels(c.name).map((l) => l.text) });
  }
  return { prefix, namespace, schemaLocation, concepts };
}

/** The release's file name without its extension, as a file name part ("sears-2q-2004"). */
export function releaseName(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+/, '') || 'release';
}

function calendarOf(options: InitOptions, inferred: FiscalCalendar | undefined): FiscalCalendar {
  if (options.fiscalYearEnd !== undefined) {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(options.fiscalYearEnd);
    const endMonth = Number(m?.[1]);
    const endDay = Number(m?.[2]);
    if (!m || endMonth < 1 || endMonth > 12 || endDay < 1 || endDay > new Date(Date.UTC(2004, endMonth, 0)).getUTCDate()) {
      throw new KessanError('kessan:usage', `--fiscal-year-end must be MM-DD (such as 12-31 or 03-31), not "${options.fiscalYearEnd}"`, {}, 2);
    }
    const weeks = options.fiscalCalendar ? (inferred?.weeks ?? 'nearest-saturday') : undefined;
    return { endMonth, endDay, naming: endMonth <= 3 ? 'start' : 'end', ...(weeks ? { weeks } : {}) };
  }
  if (inferred) return options.fiscalCalendar && !inferred.weeks ? { ...inferred, weeks: 'nearest-saturday' } : inferred;
  if (options.fiscalCalendar) throw new KessanError('kessan:usage', 'the release prints no balance sheet to tell its fiscal year end by; add --fiscal-year-end MM-DD', {}, 2);
  return { endMonth: 12, endDay: 31, naming: 'end' };
}

export async function initRelease(release: string, options: InitOptions): Promise<InitResult> {
  const text = readInputText(release);
  const { doc } = parseRelease(text, release);
  const name = releaseName(release);
  const out = resolve(options.out);
  const specFile = join(out, `${name}.spec.yaml`);
  const profileFile = join(out, `${name}.profile.json`);
  const prefix = options.prefix ?? prefixFrom(name);
  const calendar = calendarOf(options, inferCalendar(doc));
  const currency = options.currency ?? printedCurrency(doc);
  if (!currency) throw new KessanError('kessan:usage', 'the release prints no currency sign to tell its currency by; add --currency CODE (such as USD)', { file: release }, 2);
  if (!/^[A-Z]{3}$/.test(currency)) throw new KessanError('kessan:usage', `--currency must be an ISO 4217 code such as USD, not "${currency}"`, {}, 2);

  if (!doc.blocks.some((b) => b.kind === 'table')) {
    throw new KessanError('release:noTable', `no table of figures found in the release (read as ${doc.form === 'html' ? 'HTML' : doc.form === 'plain' ? 'plain text with space-aligned columns' : 'text with tab-separated tables'}); nothing to draft, nothing written`, { file: release }, 1);
  }
  const draft: Draft = draftSpec(doc, { name, prefix, namespace: options.namespace ?? `http://kessan.dev/taxonomy/${prefix}/${name}`, calendar });
  if (options.base?.length) {
    const { mapped } = applyBases(draft, options.base.map((b) => loadBase(b, release)));
    draft.notes.unshift(`${mapped} concept(s) are ${options.base.join(', ')} concepts (one base concept fitted their name or label, period type and kind)`);
  }
  let merged: MergeResult | undefined;
  let yaml: string;
  if (existsSync(specFile)) {
    merged = mergeSpec(readFileSync(specFile, 'utf8'), specFile, draft);
    yaml = merged.text;
  } else {
    yaml = specYaml(draft.spec, `kessan taxonomy spec drafted by kessan init from ${basename(release)}. Read it and edit it: names, labels, types,\n calculations. Then: kessan taxonomy build ${name}.spec.yaml -o . (see docs/taxonomy-spec.md)`, draft.notes);
  }
  await writeFileAtomic(specFile, yaml);
  const built = await buildTaxonomyFiles(specFile, out);
  const schema = built.files[0]!;
  const notes = [...(merged ? merged.notes : draft.notes)];
  const limits = currentLimits();
  if (!existsSync(profileFile)) {
    const convenience = convenienceOf(doc, text, currency);
    if (convenience && !convenience.rate) notes.push(`the release prints ${convenience.currency} beside ${currency} but no rate kessan could read; add "convenience": { "currency": "${convenience.currency}", "rate": "…" } to the profile`);
    const typeUnits = Object.fromEntries((built.spec.types ?? []).filter((t) => t.unit).map((t) => [`${built.spec.prefix}:${t.name}`, t.unit!]));
    const profile = {
      $schema: 'https://kessan.dev/schemas/profile.schema.json',
      entity: { scheme: options.entityScheme, identifier: options.entity },
      fiscalYear: calendar,
      currency,
      ...(convenience?.rate ? { convenience: { currency: convenience.currency, rate: convenience.rate } } : {}),
      taxonomy: {
        schema: rel(out, schema), spec: rel(out, specFile),
        ...(limits.taxonomyPackages?.length ? { packages: limits.taxonomyPackages.map((p) => rel(out, p)) } : {}),
        ...(limits.taxonomyDirs?.length ? { dirs: limits.taxonomyDirs.map((d) => rel(out, d)) } : {}),
      },
      ...(Object.keys(typeUnits).length ? { typeUnits } : {}),
    };
    await writeFileAtomic(profileFile, `${JSON.stringify(profile, null, 2)}\n`);
  }
  const opened = await openDocument(release, { format: 'release', profile: profileFile });
  const coverage = releaseCoverage(opened.report);
  return { profile: profileFile, spec: specFile, schema, ...(merged ? { merged } : {}), notes, ...(coverage ? { coverage } : {}), findings: opened.report.findings };
}
