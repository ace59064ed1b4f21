/**
 * kessan as a library, the way a user gets it: `npm pack` the package, install the tarball into an empty project,
 * type-check the README's "Library" example there with `strict` and `skipLibCheck: false`, and run it. Also what
 * the tarball holds: a LICENSE, no tests, no test helpers, no generators, no fixtures.
 *
 * Needs dist/ (built by `npm ci`); the install uses npm's cache first (the dependencies are in it after `npm ci`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/example.js';

const BUILT = existsSync(join(ROOT, 'dist', 'src', 'index.js'));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dir = mkdtempSync(join(tmpdir(), 'kessan-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a command; on failure the error says what it printed (a compiler's messages, say). */
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** The README's library example: the TypeScript block under "## Library". */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library'));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README.md has no ```ts block under "## Library"');
  return m[1]!;
}

describe.skipIf(!BUILT)('the npm package', () => {
  let tarball = '';
  let files: string[] = [];

  it('packs with a LICENSE and without tests, test helpers, generators or fixtures', () => {
    const out = run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, info!.filename);
    files = info!.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('taxonomy/iij/iij-2004.xsd');
    expect(files).toContain('dist/xml-digest/index.json'); // the bundled taxonomies pre-parsed (issue 18)
    expect(files.filter((f) => /\.test\.|(^|\/)test\/|fixtures\/|generator|scripts\/|bench\/|testing\.|\/support\//.test(f))).toEqual([]);
  }, 120_000);

  it("installs into an empty project, where the README's example type-checks strictly and runs", () => {
    const project = join(dir, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    run(NPM, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
    writeFileSync(join(project, 'example.ts'), readmeExample());
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false,
          noUncheckedIndexedAccess: true, outDir: 'out', types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        files: ['example.ts'],
      }),
    );
    // The project's own TypeScript compiler, so the test needs nothing from the network.
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    const out = run(process.execPath, [join('out', 'example.js')], project);
    expect(out).toContain('695 facts');
    expect(out).toMatch(/iij:Revenues 2004-04-01\.\.2004-09-30 = 19187000000/);
    expect(out).toMatch(/^0 errors, \d+ findings$/m);
    expect(out).toMatch(/^iij\.xbrl: 695 facts, \d+ findings$/m);
    // import('kessan') resolves through the exports map; a deep import is not part of the API.
    const probe = run(process.execPath, ['--input-type=module', '-e', "import('kessan').then((k) => console.log(typeof k.openDocument)); import('kessan/dist/src/app/open.js').then(() => console.log('deep'), () => console.log('no deep imports'))"], project);
    expect(probe).toContain('function');
    expect(probe).toContain('no deep imports');
  }, 180_000);
});
