/**
 * `kessan taxonomy build`: a taxonomy spec to its XBRL files (schema and four linkbases) in a folder, each written
 * atomically. The same spec always gives the same bytes.
 */
import { basename, join, resolve } from 'node:path';
import { KessanError } from '../core/errors.js';
import { generateTaxonomy, loadSpec, type TaxonomySpec } from '../formats/release/spec/index.js';
import { writeFileAtomic } from './write-file.js';

export interface TaxonomyBuild {
  readonly spec: TaxonomySpec;
  /** Absolute paths of the files written, schema first. */
  readonly files: readonly string[];
}

/** The files a spec generates (name → content), without writing them. */
export function taxonomyFiles(specFile: string): { spec: TaxonomySpec; files: Map<string, string> } {
  const spec = loadSpec(specFile);
  return { spec, files: generateTaxonomy(spec, basename(specFile)) };
}

export async function buildTaxonomyFiles(specFile: string, outDir: string): Promise<TaxonomyBuild> {
  const { spec, files } = taxonomyFiles(specFile);
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = resolve(join(outDir, name));
    try {
      await writeFileAtomic(path, content);
    } catch (e) {
      throw new KessanError('kessan:outputUnwritable', `cannot write the taxonomy: ${(e as Error).message}`, { file: path }, 2);
    }
    written.push(path);
  }
  return { spec, files: written };
}
