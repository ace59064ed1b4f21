/**
 * The review page: a document dropped, picked or the bundled example goes to this server's POST /v1/review, and
 * the answer is shown in three tabs (findings, facts, the document with its figures highlighted). Nothing is
 * sent anywhere else.
 */
import type { Finding, Review } from '../src/app/serve/api.js';
import { showDocument, type DocumentView } from './document.js';
import { $, plural } from './dom.js';
import { showFacts } from './facts.js';
import { showFindings } from './findings.js';

const status = $('#status');
const drop = $('#drop');

function say(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('error', error);
}

function selectTab(name: string): void {
  for (const b of document.querySelectorAll<HTMLElement>('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const p of document.querySelectorAll<HTMLElement>('.panel')) p.hidden = p.id !== name;
  document.body.dataset.tab = name;
}

for (const b of document.querySelectorAll<HTMLElement>('.tabs button')) b.addEventListener('click', () => selectTab(b.dataset.tab!));

async function send(form: FormData, what: string): Promise<void> {
  say(`Reading ${what}…`);
  document.body.dataset.state = 'loading';
  let answer: Response;
  try {
    answer = await fetch('/v1/review', { method: 'POST', body: form });
  } catch (e) {
    say(`The server could not be reached: ${(e as Error).message}`, true);
    document.body.dataset.state = 'error';
    return;
  }
  const data = (await answer.json().catch(() => ({ error: { code: 'kessan:badAnswer', message: `the server answered ${answer.status} without JSON` } }))) as Review | { error: { code: string; message: string } };
  if ('error' in data) {
    say(`${data.error.message} [${data.error.code}]`, true);
    document.body.dataset.state = 'error';
    return;
  }
  show(data);
}

function show(review: Review): void {
  const file = review.report.files[0];
  const findings = file?.findings ?? [];
  const about = findingsAboutFacts(review);
  const s = review.report.summary;
  const coverage = file?.coverage ? `; ${file.coverage.figures} table figures: ${file.coverage.tagged} tagged, ${file.coverage.reported} reported` : '';
  say(`${file?.file ?? ''} (${file?.format ?? ''}): ${plural(review.facts.length, 'fact')} — ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.inconsistencies, 'inconsistency', 'inconsistencies')}${coverage}`, !!file && !file.valid && review.facts.length === 0);
  $('#findings-count').textContent = `(${findings.length})`;
  $('#facts-count').textContent = `(${review.facts.length})`;
  $('#result').hidden = false;
  let view: DocumentView | undefined;
  showFindings(findings, (f) => {
    selectTab('document');
    view?.showFinding(f);
  });
  showFacts(review.facts, (f) => {
    selectTab('document');
    view?.showFact(f.id);
  });
  view = showDocument(review, (id) => about.get(id) ?? []);
  selectTab(findings.length ? 'findings' : 'facts');
  document.body.dataset.state = 'shown';
}

/** The findings about each fact: naming it, or pointing where it is printed. */
function findingsAboutFacts(review: Review): Map<string, Finding[]> {
  const at = new Map<string, string[]>();
  for (const f of review.facts) for (const s of f.sources) if (s.column) at.set(`${s.file}:${s.line}:${s.column}`, [...(at.get(`${s.file}:${s.line}:${s.column}`) ?? []), f.id]);
  const out = new Map<string, Finding[]>();
  for (const finding of review.report.files[0]?.findings ?? []) {
    const ids = new Set([...(finding.factIds ?? []), ...(at.get(`${finding.file}:${finding.line}:${finding.column}`) ?? [])]);
    for (const id of ids) out.set(id, [...(out.get(id) ?? []), finding]);
  }
  return out;
}

function formOf(files: Iterable<File>): FormData {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  return form;
}

($('#pick') as HTMLInputElement).addEventListener('change', (e) => {
  const files = [...((e.target as HTMLInputElement).files ?? [])];
  if (files.length) void send(formOf(files), files.map((f) => f.name).join(', '));
});

drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const files = [...(e.dataTransfer?.files ?? [])];
  if (files.length) void send(formOf(files), files.map((f) => f.name).join(', '));
});

$('#example').addEventListener('click', async () => {
  const [release, profile] = await Promise.all(['iij-2q-fy2004.txt', 'iij.profile.json'].map(async (name) => new File([await (await fetch(`/v1/examples/${name}`)).blob()], name)));
  const form = new FormData();
  form.append('document', release!, release!.name);
  form.append('profile', profile!, profile!.name);
  await send(form, 'the example release');
});
