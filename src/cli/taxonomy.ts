import { KessanError } from '../core/errors.js';
import { buildTaxonomyFiles } from '../app/taxonomy-build.js';
import type { Command } from './run.js';
import type { Io } from './io.js';

const USAGE = `Usage: kessan taxonomy build <spec.yaml> -o <dir>

Generates a release taxonomy's XBRL files from its spec (YAML or JSON; see docs/taxonomy-spec.md):
<name>.xsd (concepts, types, role and arcrole types) and the label, presentation, calculation
and definition linkbases <name>_lab.xml, _pre.xml, _cal.xml, _def.xml, where <name> is the
spec's "name". The same spec always gives the same bytes.

Options:
  -o, --output DIR      the folder to write the files into (created when missing)
  -h, --help            this help

Exit: 0 written; 2 usage error, or the spec cannot be read or is not valid (the message names its
      line and column).
`;

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  const [action, spec, ...rest] = positionals;
  if (action !== 'build' || !spec || rest.length) throw new KessanError('kessan:usage', `taxonomy takes one action, build, and one spec file\n\n${USAGE}`, {}, 2);
  const out = values.output as string | undefined;
  if (!out) throw new KessanError('kessan:usage', `taxonomy build needs -o <dir>\n\n${USAGE}`, {}, 2);
  const built = await buildTaxonomyFiles(spec, out);
  for (const f of built.files) io.stderr.write(`kessan taxonomy: wrote ${f}\n`);
  const s = built.spec;
  io.stderr.write(`kessan taxonomy: ${s.concepts.length} concepts, ${s.tables.length} tables, ${s.tables.reduce((n, t) => n + t.calculations.length, 0)} calculations\n`);
  return 0;
}

export const taxonomyCommand: Command = {
  name: 'taxonomy',
  summary: 'build a release taxonomy (XBRL files) from its spec',
  usage: USAGE,
  options: { output: { type: 'string', short: 'o' } },
  run,
};
