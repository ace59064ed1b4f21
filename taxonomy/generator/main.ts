/** Writes the generated taxonomy into <project root>/taxonomy/iij/. Run: npm run build && npm run taxonomy. */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTaxonomy } from './generate.js';

/** The nearest folder above this module that has a package.json (works from src and from dist). */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

export function outputDir(): string {
  return join(projectRoot(), 'taxonomy', 'iij');
}

function main(): void {
  const dir = outputDir();
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of generateTaxonomy()) {
    writeFileSync(join(dir, name), content, 'utf8');
    console.log(`wrote ${join(dir, name)}`);
  }
}

const invoked = process.argv[1];
if (invoked && existsSync(invoked) && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(invoked)) main();
