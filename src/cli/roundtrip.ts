import { KessanError } from '../core/errors.js';
import { roundTripFile } from '../app/roundtrip.js';
import { writeFileAtomic } from '../app/write-file.js';
import type { Command } from './run.js';
import type { Io } from './io.js';

const USAGE = `Usage: kessan roundtrip <release.txt> [--profile PROFILE.json] [-o RENDERED.txt]

Converts release text to XBRL, renders that instance back as release text, and converts
the rendered text to XBRL again. Reports
  (a) whether the two instances hold the same facts, and
  (b) a cell-by-cell comparison of the original tables with the rendered ones
      (by meaning: table, row, period, currency, kind), every difference with its line.

Options:
  -o, --output FILE     also write the rendered text there
  -p, --profile FILE    filer profile; by default <input-name>.profile.json or the one beside the input
  -h, --help            this help

Exit: 0 at a fixed point (same facts, no differing figure); 1 with differences;
      2 usage error or unreadable input.
`;

const LIST_MAX = 50;

async function run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<number> {
  if (positionals.length !== 1) throw new KessanError('kessan:usage', `roundtrip takes exactly one release text file\n\n${USAGE}`, {}, 2);
  const input = positionals[0]!;
  const r = roundTripFile(input, values.profile ? { profile: values.profile as string } : {});
  if (values.output) await writeFileAtomic(values.output as string, r.rendered);
  const out = (s: string) => io.stdout.write(`${s}\n`);
  const same = !r.onlyFirst.length && !r.onlySecond.length;
  out(`facts: ${r.first.facts.length} → ${r.second.facts.length}, ${same ? 'identical' : `${r.onlyFirst.length} only in the first instance, ${r.onlySecond.length} only in the second`}`);
  for (const k of r.onlyFirst.slice(0, LIST_MAX)) out(`  - ${k.length > 200 ? `${k.slice(0, 197)}...` : k}`);
  for (const k of r.onlySecond.slice(0, LIST_MAX)) out(`  + ${k.length > 200 ? `${k.slice(0, 197)}...` : k}`);
  const t = r.tables;
  out(`tables: ${t.compared} figures compared, ${t.differences.length} differing, ${t.styleOnly} printed another way (% sign, unit word)${t.appendix ? `; ${t.appendix} figure(s) no table printed added after the text` : ''}`);
  for (const d of t.differences) {
    const at = d.line ? `${input}:${d.line}` : `(rendered):${d.renderedLine ?? '?'}`;
    out(`  ${at}: ${d.where}: ${d.original === undefined ? 'not in the original' : `"${d.original}"`} → ${d.rendered === undefined ? 'not rendered' : `"${d.rendered}"`}`);
  }
  return same && !t.differences.length ? 0 : 1;
}

export const roundtripCommand: Command = {
  name: 'roundtrip',
  summary: 'release text → XBRL → text → XBRL: are facts and tables the same?',
  usage: USAGE,
  options: {
    output: { type: 'string', short: 'o' },
    profile: { type: 'string', short: 'p' },
  },
  run,
};
