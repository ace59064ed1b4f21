/** Arelle, the reference processor, finds nothing wrong with a taxonomy built from a spec (several alias labels of one role included). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTaxonomy, readSpec } from '../src/formats/release/spec/index.js';
import { arelleAvailable, runArelle } from './support/arelle.js';
import { ROOT } from './support/example.js';

describe.skipIf(!arelleAvailable)('a taxonomy built from a spec, checked by Arelle', () => {
  it('the small spec with every kind of thing a spec says: no error, no warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-spec-arelle-'));
    const spec = readFileSync(join(ROOT, 'src/formats/release/spec/fixtures/acme.spec.yaml'), 'utf8');
    for (const [name, text] of generateTaxonomy(readSpec(spec, join(dir, 'acme.spec.yaml')), 'acme.spec.yaml')) writeFileSync(join(dir, name), text);
    expect(runArelle(['-f', join(dir, 'acme-2024.xsd'), '-v']).filter((l) => !l.startsWith('INFO'))).toEqual([]);
  }, 60_000);
});
