import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from '../../test/support/cli.js';
import { NODE_FLAGS, withNodeFlags } from './node-flags.js';

describe('NODE_FLAGS', () => {
  it('are added to a worker process\'s execArgv unless it sets the same option', () => {
    expect(withNodeFlags([])).toEqual([...NODE_FLAGS]);
    expect(withNodeFlags(['--max-old-space-size=64'])).toEqual(['--max-old-space-size=64', ...NODE_FLAGS]);
    expect(withNodeFlags(['--max-semi-space-size=8'])).toEqual(['--max-semi-space-size=8', ...NODE_FLAGS.filter((f) => !f.startsWith('--max-semi-space-size='))]);
  });

  it('are on the bin\'s #! line, which starts here as an executable', () => {
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
    const r = spawnSync(CLI, ['--version'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^kessan \d/);
    expect(r.status).toBe(0);
  });
});
