import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/example.js';

/**
 * What a read leaves behind once its report is dropped: names are interned for the life of the process (a batch
 * worker's, the service's), and a name that is a view into the document's text kept the whole text alive
 * (27 MB after a 100k-fact xBRL-JSON report). Run in a child process with --expose-gc, on the built library.
 */
const READER = join(ROOT, 'dist/src/formats/json/read/index.js');

describe.skipIf(!existsSync(READER))('what reading leaves behind', () => {
  it('an xBRL-JSON report read and dropped keeps none of its text (names interned for good are copies)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-retention-'));
    const file = join(dir, 'report.json');
    // A concept's local name long enough for V8 to make it a view into the text, and 8 MB of text around it.
    const ns = { t: 'http://example.com/retention', e: 'http://example.com/entity' };
    const dims = (concept: string) => ({ concept, entity: 'e:A', period: '2004-10-01T00:00:00' });
    const facts = { a: { value: 'x', dimensions: dims('t:AConceptWithALongLocalName') }, b: { value: 'y'.repeat(8 << 20), dimensions: dims('t:Padding') } };
    writeFileSync(file, JSON.stringify({ documentInfo: { documentType: 'https://xbrl.org/2021/xbrl-json', namespaces: ns, taxonomy: ['retention.xsd'] }, facts }));
    const script = `
      const { readXbrlJsonFile } = await import(${JSON.stringify(READER)});
      gc(); const before = process.memoryUsage().heapUsed;
      let r = readXbrlJsonFile(${JSON.stringify(file)});
      if (r.facts.length !== 2) throw new Error('facts: ' + r.facts.length);
      r = undefined; gc(); gc();
      console.log(process.memoryUsage().heapUsed - before);`;
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const kept = Number(run.stdout.trim());
    expect(kept).toBeLessThan(2 << 20); // the text is 8 MB (16 MB as a two-byte string would be)
  });
});
