/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --cpu-prof`): the top functions and
 * modules by self time, and the top functions by total (inclusive) time.
 *
 *     node dist/bench/profile.js <file.cpuprofile> [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A short module name: the path under the repository (`src/validate/…`) or `node_modules/<package>`. */
export function moduleOf(url: string): string {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return url;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `node_modules/${nm[1]}`;
  const own = /\/dist\/(.*)$/.exec(url);
  return own ? own[1]! : url.replace(/^file:\/\//, '');
}

const frameName = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${moduleOf(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;

export function summarize(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const fnSelf = new Map<string, number>();
  const modSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const name = frameName(node.callFrame);
    fnSelf.set(name, (fnSelf.get(name) ?? 0) + us);
    const mod = node.callFrame.url ? moduleOf(node.callFrame.url) : node.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : '(native/V8)';
    modSelf.set(mod, (modSelf.get(mod) ?? 0) + us);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = frameName(byId.get(n)!.callFrame);
      if (!seen.has(f)) {
        seen.add(f);
        fnTotal.set(f, (fnTotal.get(f) ?? 0) + us);
      }
    }
  }
  const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${ms(us)} ${pct(us)}  ${k}`);
  return [
    `sampled ${(totalUs / 1e6).toFixed(2)} s`,
    'self time by module:',
    ...list(modSelf, 15),
    'self time by function:',
    ...list(fnSelf, top),
    'total (inclusive) time by function:',
    ...list(
      new Map([...fnTotal].filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)'))),
      top,
    ),
  ].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  for (const file of positionals) {
    process.stdout.write(`== ${file}\n${summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(values.top))}\n`);
  }
}

main();
