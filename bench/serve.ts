/**
 * `npm run bench:serve` (also the last part of `npm run bench`): throughput and latency of `kessan serve`.
 *
 * Starts the built server as its own process (`kessan serve --port 0 --jobs N`) and sends it, from this
 * process over loopback, three workloads — the example release with its profile (multipart), kessan's instance
 * of it (the raw body, as curl --data-binary sends it) and a generated 10,000-fact instance zipped with its
 * taxonomy — with 1, 2 and 8 concurrent clients. Each row is a bounded run (`--requests` requests, at most
 * `--seconds`) after two warm-up requests; every answer must be a 200 with the expected fact count.
 *
 *     npm run bench:serve [-- --jobs 2] [--requests 40] [--seconds 60] [--clients 1,2,8] [--json FILE]
 *
 * Output: a table (workload, clients, requests, req/s, p50 and p95 latency in ms, the server's CPU ms per request,
 * load before → after) and
 * bench/out/serve.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deflateRawSync, crc32 } from 'node:zlib';
import { ensureBench } from './generate.js';
import { NODE_FLAGS } from '../src/app/node-flags.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/kessan.cjs'); // the bin: the bundled command line
const OUT = join(ROOT, 'bench/out');

interface Workload {
  readonly name: string;
  readonly facts: number;
  readonly url: string;
  /** A fresh body for each request (a FormData cannot be sent twice). */
  readonly body: () => BodyInit;
  readonly headers?: Record<string, string>;
}

interface Row {
  readonly workload: string;
  readonly clients: number;
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  /** The server's CPU time per request (all its threads), ms. */
  readonly cpuPerRequest?: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

/** A zip of stored-and-deflated files (what a client would send), without a library: the bench ships none. */
function zip(files: readonly { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const body = deflateRawSync(f.data);
    const name = Buffer.from(f.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0), head.writeUInt16LE(20, 4), head.writeUInt16LE(8, 8), head.writeUInt32LE(crc32(f.data), 14);
    head.writeUInt32LE(body.length, 18), head.writeUInt32LE(f.data.length, 22), head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0), dir.writeUInt16LE(20, 4), dir.writeUInt16LE(20, 6), dir.writeUInt16LE(8, 10), dir.writeUInt32LE(crc32(f.data), 16);
    dir.writeUInt32LE(body.length, 20), dir.writeUInt32LE(f.data.length, 24), dir.writeUInt16LE(name.length, 28), dir.writeUInt32LE(offset, 42);
    parts.push(head, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0), end.writeUInt16LE(files.length, 8), end.writeUInt16LE(files.length, 10), end.writeUInt32LE(cd.length, 12), end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

async function startServer(jobs: number): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [...NODE_FLAGS, CLI, 'serve', '--port', '0', '--jobs', String(jobs)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`kessan serve exited (${code}): ${err}`)));
  });
  return { child, base };
}

async function once(base: string, w: Workload): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}${w.url}`, { method: 'POST', body: w.body(), headers: w.headers ?? {} });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${w.name}: ${res.status} ${text.slice(0, 300)}`);
  const facts = (JSON.parse(text) as { files: { facts: number }[] }).files[0]?.facts;
  if (facts !== w.facts) throw new Error(`${w.name}: ${facts} facts, expected ${w.facts}`);
  return performance.now() - t0;
}

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/**
 * The server process's CPU time so far (user + system, ms), from /proc (Linux; undefined elsewhere): with other
 * work on the machine, CPU per request says more than wall time.
 */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return undefined;
  }
}

/** `clients` loops sending `w` until `requests` are done or `seconds` have passed. */
async function measure(base: string, pid: number | undefined, w: Workload, clients: number, requests: number, seconds: number): Promise<Row> {
  for (let i = 0; i < 2; i++) await once(base, w);
  const loadBefore = loadavg()[0]!;
  const cpu0 = cpuMs(pid);
  const latencies: number[] = [];
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (started < requests && performance.now() < deadline) {
        started++;
        latencies.push(await once(base, w));
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuMs(pid);
  const cpuPerRequest = cpu0 !== undefined && cpu1 !== undefined ? (cpu1 - cpu0) / latencies.length : undefined;
  return { workload: w.name, clients, requests: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), ...(cpuPerRequest !== undefined ? { cpuPerRequest } : {}), loadBefore, loadAfter: loadavg()[0]! };
}

function workloads(): Workload[] {
  const release = readFileSync(join(ROOT, 'examples/iij-2q-fy2004.txt'));
  const profile = readFileSync(join(ROOT, 'examples/iij.profile.json'));
  const form = () => {
    const f = new FormData();
    f.append('document', new Blob([release]), 'iij-2q-fy2004.txt');
    f.append('profile', new Blob([profile]), 'iij.profile.json');
    return f;
  };
  const instance = readFileSync(join(ROOT, 'out/iij-2q-fy2004.xbrl'));
  const bench = ensureBench(join(OUT, 'serve-10k'), { facts: 10_000, seed: 1, inconsistencies: 10 });
  const archive = zip(readdirSync(bench.dir).filter((n) => n !== 'manifest.json').map((name) => ({ name, data: readFileSync(join(bench.dir, name)) })));
  return [
    { name: 'example release + profile (multipart)', facts: 695, url: '/v1/validate', body: form },
    { name: 'example instance (raw body)', facts: 695, url: '/v1/validate', body: () => new Uint8Array(instance), headers: { 'content-type': 'application/xml' } },
    { name: `${bench.facts.toLocaleString('en')}-fact instance + taxonomy (zip, ${(archive.length / 1024).toFixed(0)} KiB)`, facts: bench.facts, url: '/v1/validate', body: () => new Uint8Array(archive), headers: { 'content-type': 'application/zip' } },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { jobs: { type: 'string' }, requests: { type: 'string', default: '40' }, seconds: { type: 'string', default: '60' }, clients: { type: 'string', default: '1,2,8' }, json: { type: 'string' } } });
  const jobs = Number(values.jobs ?? availableParallelism());
  const clients = values.clients.split(',').map(Number);
  mkdirSync(OUT, { recursive: true });
  // The example instance as the README's quick start writes it (its schemaRef reaches ../taxonomy).
  await new Promise<void>((resolve, reject) => spawn(process.execPath, [CLI, 'convert', 'examples/iij-2q-fy2004.txt', '-o', 'out/iij-2q-fy2004.xbrl'], { cwd: ROOT, stdio: 'ignore' }).on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`convert exited ${c}`)))));
  const { child, base } = await startServer(jobs);
  const rows: Row[] = [];
  try {
    process.stderr.write(`kessan serve bench: ${jobs} worker thread(s), ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}\n`);
    for (const w of workloads()) {
      for (const c of clients) {
        const row = await measure(base, child.pid, w, c, Number(values.requests), Number(values.seconds));
        rows.push(row);
        process.stderr.write(`  ${w.name}, ${c} client(s): ${row.perSecond.toFixed(1)} req/s, p95 ${row.p95.toFixed(0)} ms\n`);
      }
    }
  } finally {
    child.kill('SIGTERM');
  }
  const pad = (s: string, n: number) => s.padEnd(n);
  process.stdout.write(`\n| workload | clients | requests | req/s | p50 ms | p95 ms | server CPU ms/req | load (1 min) |\n|:--|--:|--:|--:|--:|--:|--:|--:|\n`);
  for (const r of rows) process.stdout.write(`| ${pad(r.workload, 40)} | ${r.clients} | ${r.requests} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.cpuPerRequest?.toFixed(0) ?? ''} | ${r.loadBefore.toFixed(2)} → ${r.loadAfter.toFixed(2)} |\n`);
  writeFileSync(values.json ?? join(OUT, 'serve.json'), `${JSON.stringify({ jobs, node: process.version, cpus: cpus().length, rows }, null, 2)}\n`);
}

await main();
