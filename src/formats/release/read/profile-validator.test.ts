import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../core/paths.js';
import { compileSchema } from '../../../core/schemas.js';
import { GENERATED_FILE, generateProfileValidator } from '../../../../scripts/generate-profile-validator.js';
import { validateProfileData } from './profile-validator.js';

describe('precompiled profile validator', () => {
  it('is the generator output for the current schema (run `npm run build && npm run profile-validator`)', () => {
    expect(readFileSync(join(projectRoot(), GENERATED_FILE), 'utf8')).toBe(generateProfileValidator());
  });

  const good = JSON.parse(readFileSync(join(projectRoot(), 'examples', 'iij.profile.json'), 'utf8')) as Record<string, unknown>;
  const cases: [string, unknown][] = [
    ['the example', good],
    ['not an object', []],
    ['missing entity', { ...good, entity: undefined }],
    ['entity without identifier', { ...good, entity: { scheme: 'http://x' } }],
    ['empty identifier', { ...good, entity: { scheme: 'http://x', identifier: '' } }],
    ['identifier with space', { ...good, entity: { scheme: 'http://x', identifier: 'a b' } }],
    ['extra key', { ...good, extra: 1 }],
    ['bad month', { ...good, fiscalYear: { endMonth: 13, endDay: 1, naming: 'start' } }],
    ['fractional day', { ...good, fiscalYear: { endMonth: 3, endDay: 1.5, naming: 'start' } }],
    ['bad naming', { ...good, fiscalYear: { endMonth: 3, endDay: 31, naming: 'middle' } }],
    ['lower-case currency', { ...good, currency: 'jpy' }],
    ['convenience without rate', { ...good, convenience: { currency: 'USD' } }],
    ['rate with exponent', { ...good, convenience: { currency: 'USD', rate: '1e3' } }],
    ['ads not a string', { ...good, adsPerShare: 2 }],
    ['taxonomy without schema', { ...good, taxonomy: {} }],
    ['bad type unit', { ...good, typeUnits: { 'x:y': 'not a qname' } }],
    ['astral identifier', { ...good, entity: { scheme: 'http://x', identifier: '\u{1F600}' } }],
  ];
  for (const [name, data] of cases) {
    it(`agrees with ajv's compiled schema: ${name}`, () => {
      const input = JSON.parse(JSON.stringify(data)) as unknown;
      const ajv = compileSchema('profile.schema.json');
      const ok = ajv(input);
      const ours = validateProfileData(input);
      expect(ours.ok).toBe(ok);
      if (!ok) expect(ours.ok ? undefined : ours.error).toEqual(ajv.errors?.[0]);
    });
  }
});
