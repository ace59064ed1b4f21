import { describe, expect, it } from 'vitest';
import { linearity, verdicts, type Row } from './report.js';

const row = (step: string, facts: number, seconds: number, extra: Partial<Row> = {}): Row => ({ step, facts, seconds, runs: 1, ...extra });

describe('linearity', () => {
  it('does not count a fixed cost: a + b·n is linear, whatever a is', () => {
    const rows = [10_000, 100_000, 1_000_000].map((n) => row('read-xbrl', n, 0.2 + 5e-6 * n));
    expect(linearity(rows, 'read-xbrl')?.ok).toBe(true);
  });

  it('finds a cost per fact that grows by more than 10% a decade', () => {
    const rows = [10_000, 100_000, 1_000_000].map((n) => row('read-xbrl', n, 1e-6 * n * Math.log10(n)));
    expect(linearity(rows, 'read-xbrl')?.ok).toBe(false);
    expect(linearity(rows, 'read-xbrl')?.perFact).toContain('costlier at scale');
    expect(linearity(rows.slice(0, 2), 'read-xbrl')).toBeUndefined();
  });

  it('counts a cost per fact that falls by more than 10% a decade too, and says which way it went', () => {
    const rows = [10_000, 100_000, 1_000_000].map((n) => row('write-json', n, n < 1e6 ? 3e-6 * n : 0.3 + 2e-6 * (n - 1e5)));
    expect(linearity(rows, 'write-json')).toMatchObject({ ok: false });
    expect(linearity(rows, 'write-json')?.perFact).toContain('cheaper at scale');
  });
});

describe('verdicts', () => {
  it('judges the readers against the XBRL reader and kessan against Arelle', () => {
    const lines = verdicts([
      row('read-xbrl', 100_000, 0.6, { cpuSeconds: 0.8 }),
      row('read-json', 100_000, 0.85, { cpuSeconds: 1.1 }),
      row('read-ixbrl', 100_000, 1.2, { cpuSeconds: 1.5 }),
      row('kessan validate 100k (whole process)', 100_000, 1.1, { maxRssMiB: 140 }),
      row('arelle validate 100k (whole process)', 100_000, 12, { maxRssMiB: 520 }),
    ]);
    expect(lines.find((l) => l.includes('read-json within'))).toMatch(/^MET/);
    expect(lines.find((l) => l.includes('read-ixbrl within'))).toMatch(/^MISSED .* 2\.00×/);
    expect(lines.find((l) => l.includes('than Arelle'))).toMatch(/^MET .* 10\.9×$/);
  });
});
