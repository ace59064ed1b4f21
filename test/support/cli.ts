import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './example.js';

/** The command line as installed: package.json's `bin` (the bundle in dist/cli/, built by `npm run build`). */
export const CLI = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { kessan: string } }).bin.kessan);
