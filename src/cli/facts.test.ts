import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeXbrl } from '../formats/xbrl/write/index.js';
import { sampleReport } from '../../test/support/reports.js';
import { csvField } from './facts.js';
import { bufferIo } from './io.js';
import { runCli } from './run.js';

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'kessan-facts-'));
}

function sampleFile(): string {
  const file = join(tmp(), 'sample.xbrl');
  writeFileSync(file, writeXbrl(sampleReport()));
  return file;
}

/** A small CSV parser (RFC 4180) to check the quoting round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

const COLUMNS = ['filing', 'document', 'entity_scheme', 'entity_id', 'concept', 'concept_namespace', 'concept_name', 'concept_prefix', 'period_type', 'period_start', 'period_end', 'period_instant', 'dimensions', 'dimensions_json', 'segment', 'scenario', 'unit', 'unit_numerator', 'unit_denominator', 'value', 'value_decimal', 'decimals', 'nil', 'lang', 'id', 'line'];
const col = (name: string) => COLUMNS.indexOf(name);

describe('kessan facts', () => {
  it('lists an instance as CSV with a header and exact, quoted values', async () => {
    const file = sampleFile();
    const r = await run('facts', file);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const rows = parseCsv(r.out);
    expect(rows[0]).toEqual(COLUMNS);
    expect(rows).toHaveLength(14);
    const byId = new Map(rows.slice(1).map((x) => [x[col('id')], Object.fromEntries(COLUMNS.map((c, i) => [c, x[i]!]))]));
    expect(byId.get('f1')).toMatchObject({ filing: file, document: file, entity_scheme: 'http://www.example.com/entity', entity_id: 'TINY', concept: 't:Revenues', concept_name: 'Revenues', concept_prefix: 't' });
    expect(byId.get('f1')).toMatchObject({ period_type: 'duration', period_start: '2004-07-01', period_end: '2004-09-30', period_instant: '', dimensions: '', dimensions_json: '{}', segment: '', scenario: '' });
    expect(byId.get('f1')).toMatchObject({ unit: 'iso4217:JPY', unit_numerator: 'iso4217:JPY', unit_denominator: '', value: '12345000000', value_decimal: '12345000000', decimals: '-6', nil: 'false', lang: '' });
    expect(byId.get('f4')).toMatchObject({ period_type: 'instant', period_instant: '2004-09-30', period_end: '', decimals: '' });
    expect(byId.get('f5')).toMatchObject({ value: '', value_decimal: '', nil: 'true' });
    expect(byId.get('f7')).toMatchObject({ unit: 'iso4217:JPY/xbrli:shares', unit_numerator: 'iso4217:JPY', unit_denominator: 'xbrli:shares', value_decimal: '1234.56' });
    expect(byId.get('f8')!.value).toBe('Revenue < 10% & growing > "fast"');
    expect(byId.get('f8')).toMatchObject({ value_decimal: '', unit: '' });
    expect(byId.get('f9')).toMatchObject({ dimensions: 't:SegmentAxis=t:NetworkMember', dimensions_json: '{"t:SegmentAxis":"t:NetworkMember"}' });
    expect(byId.get('f11')!.dimensions).toBe('t:RegionAxis=<t:Region>Kanto &amp; Tohoku</t:Region>');
    expect(byId.get('f13')).toMatchObject({ value: '日本語の注記', decimals: '', lang: 'ja' });
    expect(Number(byId.get('f1')!.line)).toBeGreaterThan(1);
  });

  it('lists JSON and JSONL with the same columns, values as strings (never floats), INF decimals null', async () => {
    const file = sampleFile();
    const json = JSON.parse((await run('facts', file, '--format', 'json')).out) as Record<string, unknown>[];
    expect(json).toHaveLength(13);
    expect(Object.keys(json[0]!)).toEqual(COLUMNS);
    expect(json[0]).toMatchObject({ concept: 't:Revenues', value: '12345000000', value_decimal: '12345000000', decimals: -6, unit: 'iso4217:JPY', id: 'f1', dimensions: {}, nil: false, period_instant: null });
    expect(json.find((f) => f.id === 'f5')).toMatchObject({ value: null, nil: true });
    expect(json.find((f) => f.id === 'f4')).toMatchObject({ decimals: null, value: '5000000000' });
    const lines = (await run('facts', file, '--format', 'jsonl')).out.trimEnd().split('\n');
    expect(lines).toHaveLength(13);
    expect(JSON.parse(lines[6]!)).toMatchObject({ id: 'f7', value: '1234.56' });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(json);
  });

  it('warns about items that have no context or unit, and lists the rest', async () => {
    const file = join(tmp(), 'lost.xbrl');
    writeFileSync(
      file,
      `<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:ex="urn:ex">
  <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="s">e</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:forever/></xbrli:period></xbrli:context>
  <ex:A contextRef="c">a, "b"</ex:A>
  <ex:B contextRef="nope">1</ex:B>
</xbrli:xbrl>`,
    );
    const r = await run('facts', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/lost\.xbrl:4:3: warning kessan:factNotListed item ex:B is not a fact: its contextRef "nope" names no context/);
    const row = parseCsv(r.out)[1]!;
    expect([row[col('concept')], row[col('entity_scheme')], row[col('entity_id')], row[col('period_type')], row[col('value')], row[col('value_decimal')]]).toEqual(['ex:A', 's', 'e', 'forever', 'a, "b"', '']);
  });

  it('exits 2 for unreadable input, 1 for XML that is not well-formed, 2 for usage errors', async () => {
    const dir = tmp();
    expect((await run('facts', join(dir, 'nope.xbrl'))).code).toBe(2);
    mkdirSync(join(dir, 'folder.xbrl'));
    const folder = await run('facts', join(dir, 'folder.xbrl'));
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/folder\.xbrl: error kessan:inputUnreadable is a folder/);
    writeFileSync(join(dir, 'bad.xbrl'), '<a>\n<b></a>');
    const bad = await run('facts', join(dir, 'bad.xbrl'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.xbrl:2:\d+: error kessan:xmlNotWellFormed not well-formed XML/);
    expect((await run('facts')).code).toBe(2);
    expect((await run('facts', sampleFile(), '--format', 'xml')).err).toMatch(/unknown --format "xml"/);
    expect((await run('facts', join(dir, 'x.html'))).code).toBe(2);
    expect((await run('facts', '--help')).out).toMatch(/Usage: kessan facts/);
  });

  it('lists a folder: one CSV header, each file\'s rows together, a bad file named on stderr and the rest still listed, exit 1', async () => {
    const dir = tmp();
    const text = writeXbrl(sampleReport());
    for (const n of ['a.xbrl', 'sub/b.xbrl', 'sub/c.xml']) {
      mkdirSync(join(dir, n, '..'), { recursive: true });
      writeFileSync(join(dir, n), text);
    }
    writeFileSync(join(dir, 'sub', 'bad.xbrl'), '<a>\n<b></a>');
    writeFileSync(join(dir, 'sub', 'b_lab.xml'), '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase"/>');
    const r = await run('facts', dir, '--jobs', '2');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kessan facts: \S*sub\/bad\.xbrl:2:\d+: error kessan:xmlNotWellFormed not well-formed XML.*$/m);
    expect(r.err).toMatch(/1 of 4 inputs could not be listed/);
    expect(r.err).not.toMatch(/b_lab|\r/);
    const rows = parseCsv(r.out);
    expect(rows[0]![0]).toBe('filing');
    expect(rows.filter((x) => x[0] === 'filing')).toHaveLength(1);
    expect(rows).toHaveLength(1 + 3 * 13);
    // In-process (no compiled worker under vitest) the files come in path order, each file's rows together.
    const files = rows.slice(1).map((x) => x[col('document')]!.slice(dir.length + 1));
    expect([...new Set(files)]).toEqual(['a.xbrl', 'sub/b.xbrl', 'sub/c.xml']);
    expect(files.filter((f, i) => i > 0 && f !== files[i - 1])).toHaveLength(2);
  });

  it('lists several files as one JSON array, or JSON lines; a folder with nothing to read is exit 2', async () => {
    const a = sampleFile();
    const b = sampleFile();
    const json = await run('facts', a, b, '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toHaveLength(26);
    expect((await run('facts', a, b, '--format', 'jsonl')).out.trimEnd().split('\n')).toHaveLength(26);
    const empty = tmp();
    writeFileSync(join(empty, 'notes.txt'), 'release text only counts when named');
    const none = await run('facts', empty);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/is a folder holding no document kessan reads/);
    expect(none.out).toBe('');
    const mixed = await run('facts', empty, a, '--format', 'json');
    expect(mixed.code).toBe(1);
    expect(JSON.parse(mixed.out)).toHaveLength(13);
  });

  it('draws progress on stderr with --progress only (stderr is not a terminal here: plain lines, no escape codes)', async () => {
    const a = sampleFile();
    const plain = await run('facts', a, a.replace('sample', 'missing'));
    expect(plain.err).not.toMatch(/files,|\r/);
    const forced = await run('facts', a, '--progress');
    expect(forced.err).toMatch(/^\[[= ]{20}\] [01]\/1 files, (0|13) facts, [\d,]+ facts\/s, \d+\.\d s\n/);
    expect(forced.err).not.toMatch(/[\r\x1b]/);
    expect(forced.out).toBe((await run('facts', a)).out);
    expect((await run('facts', a, '--progress', '--no-progress')).err).toBe('');
  });

  it('takes --jobs as a whole number', async () => {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const r = await run('facts', sampleFile(), `--jobs=${bad}`);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--jobs must be a whole number/);
    }
    expect((await run('facts', sampleFile(), '-j', '1')).code).toBe(0);
  });

  it('-o writes every text format to a file: the same bytes as standard output, nothing on it', async () => {
    const file = sampleFile();
    const dir = tmp();
    for (const format of ['csv', 'json', 'jsonl']) {
      const out = join(dir, 'sub', `facts.${format}`);
      const r = await run('facts', file, '--format', format, '-o', out);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe('');
      expect(readFileSync(out, 'utf8')).toBe((await run('facts', file, '--format', format)).out);
      // Without --format, -o's extension says which.
      const guessed = join(dir, `guessed.${format}`);
      expect((await run('facts', file, '-o', guessed)).code).toBe(0);
      expect(readFileSync(guessed, 'utf8')).toBe(readFileSync(out, 'utf8'));
    }
    expect(readdirSync(join(dir, 'sub')).sort()).toEqual(['facts.csv', 'facts.json', 'facts.jsonl']);
  });

  it('-o where no folder can be made: one message, exit 2, for text and columnar formats alike (no hang)', async () => {
    const file = sampleFile();
    const blocked = join(tmp(), 'a-file');
    writeFileSync(blocked, '');
    for (const out of ['/proc/kessan-nope/facts.csv', '/proc/kessan-nope/facts.parquet', join(blocked, 'sub', 'facts.jsonl'), join(blocked, 'facts.duckdb')]) {
      const r = await run('facts', file, '-o', out);
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(new RegExp(`^kessan facts: ${out.replace(/[.]/g, '\\.')}: error kessan:outputUnwritable cannot write: .*(ENOENT|ENOTDIR|Not a directory)`));
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('parquet and duckdb need -o; a bad --shard or --labels is a usage error', async () => {
    const file = sampleFile();
    for (const format of ['parquet', 'duckdb']) {
      const r = await run('facts', file, '--format', format);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`--format ${format} writes a file: give it with -o`));
    }
    for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0', '-1/2']) {
      const r = await run('facts', file, `--shard=${bad}`);
      expect(r.code, bad).toBe(2);
      expect(r.err).toMatch(/--shard must be I\/N/);
    }
    const labels = await run('facts', file, '--labels=e n');
    expect(labels.code).toBe(2);
    expect(labels.err).toMatch(/--labels takes a language tag/);
  });

  it('--labels on a document whose DTS is not there: the label column is null, and one warning says so', async () => {
    const missing = await run('facts', sampleFile(), '--labels', '--format', 'jsonl');
    expect(missing.code).toBe(0);
    expect(missing.err).toMatch(/warning kessan:labelMissing 7 of 7 concepts have no label in the DTS; 1 document\(s\) of its DTS are not available offline \(\S*tiny\.xsd\)/);
    expect(missing.out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { label: unknown }).label)).toEqual(Array(13).fill(null));
  });

  it('--shard I/N: the shards of a folder are disjoint and together list it once; an empty shard is an empty listing', async () => {
    const dir = tmp();
    const text = writeXbrl(sampleReport());
    const names = Array.from({ length: 12 }, (_, i) => `f${i}.xbrl`);
    for (const n of names) writeFileSync(join(dir, n), text);
    const all = (await run('facts', dir, '--format', 'jsonl')).out.trimEnd().split('\n');
    const documents = (out: string) => [...new Set(out.trimEnd().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { document: string }).document))];
    const shards = await Promise.all([1, 2, 3].map(async (i) => (await run('facts', dir, '--shard', `${i}/3`, '--format', 'jsonl')).out));
    expect(shards.flatMap((s) => s.trimEnd().split('\n').filter(Boolean)).sort()).toEqual(all.sort());
    const files = shards.map(documents);
    expect(files.flat().sort()).toEqual(names.map((n) => join(dir, n)).sort());
    expect(files.every((f) => f.length > 0 && f.length < 12)).toBe(true);
    // The share depends on the path below the folder named, not where the folder is.
    const moved = join(tmp(), 'elsewhere');
    mkdirSync(moved);
    for (const n of names) writeFileSync(join(moved, n), text);
    expect(documents((await run('facts', moved, '--shard', '2/3', '--format', 'jsonl')).out).map((f) => f.slice(moved.length))).toEqual(files[1]!.map((f) => f.slice(dir.length)));
    // One file, two shards: one of them lists it, the other is an empty listing (a header), exit 0.
    const one = names.map((n) => join(dir, n))[0]!;
    const halves = await Promise.all([1, 2].map((i) => run('facts', one, '--shard', `${i}/2`)));
    expect(halves.map((h) => h.code)).toEqual([0, 0]);
    expect(halves.map((h) => parseCsv(h.out).length).sort()).toEqual([1, 14]);
  });

  it('parquet without DuckDB\'s native binding for the platform: one message, exit 2, no file', async () => {
    vi.doMock('../app/duckdb.js', () => ({
      loadDuckDb: () => {
        throw new Error('Cannot find module \'@duckdb/node-bindings-linux-x64/duckdb.node\'\nRequire stack: …');
      },
    }));
    try {
      const dir = tmp();
      const r = await run('facts', sampleFile(), '-o', join(dir, 'facts.parquet'));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/facts\.parquet: error kessan:unsupported --format parquet needs DuckDB's native binding \(@duckdb\/node-api\), which could not be loaded on \w+-\w+: \S/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      vi.doUnmock('../app/duckdb.js');
    }
  });

  it('quotes CSV fields only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });
});
