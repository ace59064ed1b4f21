import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { basename } from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../core/paths.js';
import { rulesMarkdown } from './docs.js';
import { allRules } from './rules.js';

describe('rules and their documentation', () => {
  it('docs/rules.md is what the rules say about themselves (run `npm run docs` after changing a rule)', () => {
    expect(readFileSync(join(projectRoot(), 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown(allRules()));
  });

  it('every rule has a unique code, docs, and lives in the file its code names', () => {
    const rules = allRules();
    expect(new Set(rules.map((r) => r.code)).size).toBe(rules.length);
    const files = new Set<string>();
    const dir = join(projectRoot(), 'src', 'validate');
    for (const spec of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(join(dir, spec.name))) if (f.endsWith('.ts') && !f.endsWith('.test.ts')) files.add(basename(f, '.ts'));
    }
    for (const r of rules) {
      expect(r.docs.length, r.code).toBeGreaterThan(20);
      const name = r.name ?? r.code.slice(r.code.lastIndexOf(':') + 1);
      expect(files.has(name), `${r.code} has no file of its name (${name})`).toBe(true);
    }
  });
});
