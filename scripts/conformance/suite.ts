import { dirname, join } from 'node:path';
import { childElements, readXmlFile, attr, textContent } from '../../src/core/xml/tree.js';

/** One input of a variation: a schema, linkbase or instance file, and whether it is the entry point. */
export interface VariationInput {
  readonly kind: 'xsd' | 'linkbase' | 'instance';
  readonly file: string;
  readonly readMeFirst: boolean;
}

/** One conformance test: inputs, and what a processor must say (valid / invalid, or the error codes). */
export interface Variation {
  /** `<testcase path relative to the suite root>#<variation id>`: the key results and baselines use. */
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly testcase: string;
  /** The testcase's group: its folder (`100-schema`, `200-xbrldie`…). */
  readonly group: string;
  readonly inputs: readonly VariationInput[];
  readonly expected: 'valid' | 'invalid';
  /** Error codes the variation expects (XDT and UTR suites), as written (`xbrldie:PrimaryItemDimensionallyInvalidError`). */
  readonly errors: readonly string[];
}

export interface Suite {
  readonly name: string;
  readonly root: string;
  readonly variations: readonly Variation[];
}

const KINDS = new Set(['xsd', 'linkbase', 'instance']);

/** Reads a suite's index (`<testcases><testcase uri=…/>`) and every testcase's variations. */
export function readSuite(index: string, name: string): Suite {
  const root = dirname(index);
  const doc = readXmlFile(index);
  const variations: Variation[] = [];
  for (const tc of childElements(doc).filter((e) => e.name.localName === 'testcase')) {
    const uri = attr(tc, 'uri');
    if (!uri) continue;
    variations.push(...readTestcase(join(root, uri), uri));
  }
  return { name, root, variations };
}

export function readTestcase(file: string, rel: string): Variation[] {
  const doc = readXmlFile(file);
  const dir = dirname(file);
  const group = rel.split('/').slice(-2, -1)[0] ?? rel;
  const out: Variation[] = [];
  for (const v of childElements(doc).filter((e) => e.name.localName === 'variation')) {
    const id = attr(v, 'id') ?? `V-${out.length + 1}`;
    const data = childElements(v).find((e) => e.name.localName === 'data');
    const result = childElements(v).find((e) => e.name.localName === 'result');
    const inputs: VariationInput[] = [];
    for (const d of data ? childElements(data) : []) {
      if (!KINDS.has(d.name.localName)) continue;
      inputs.push({ kind: d.name.localName as VariationInput['kind'], file: join(dir, textContent(d).trim()), readMeFirst: attr(d, 'readMeFirst') === 'true' });
    }
    const errors = result ? childElements(result).filter((e) => e.name.localName === 'error').map((e) => textContent(e).trim()) : [];
    const expectedAttr = result ? attr(result, 'expected') : undefined;
    const expected = expectedAttr === 'invalid' || errors.length > 0 ? 'invalid' : 'valid';
    const description = childElements(v).find((e) => e.name.localName === 'description');
    out.push({
      key: `${rel}#${id}`, id, name: attr(v, 'name') ?? '', description: description ? textContent(description).trim().replace(/\s+/g, ' ') : '',
      testcase: rel, group, inputs, expected, errors,
    });
  }
  return out;
}
