import { describe, expect, it } from 'vitest';
import { KessanError } from '../../core/errors.js';
import { batchExitCode, failureOf, type Failure } from './failure.js';

const unreadable: Failure = { code: 'kessan:inputUnreadable', exitCode: 2, message: 'x' };
const wrong: Failure = { code: 'kessan:xmlNotWellFormed', exitCode: 1, message: 'y' };

describe('batch failures', () => {
  it('exit 0 without failures, 1 when some files failed, the worst code when all did', () => {
    expect(batchExitCode([], 3)).toBe(0);
    expect(batchExitCode([unreadable], 3)).toBe(1);
    expect(batchExitCode([unreadable, unreadable], 3)).toBe(1);
    expect(batchExitCode([unreadable], 1)).toBe(2);
    expect(batchExitCode([wrong], 1)).toBe(1);
    expect(batchExitCode([wrong, unreadable], 2)).toBe(2);
  });

  it('names the file in every message, and calls anything but a KessanError a bug', () => {
    const located = failureOf(new KessanError('kessan:xmlNotWellFormed', 'not well-formed XML', { file: 'a.xbrl', line: 2, column: 8 }, 1), 'a.xbrl');
    expect(located).toEqual({ code: 'kessan:xmlNotWellFormed', exitCode: 1, message: 'a.xbrl:2:8: not well-formed XML [kessan:xmlNotWellFormed]', file: 'a.xbrl', line: 2, column: 8 });
    expect(failureOf(new KessanError('kessan:noProfile', 'needs a profile'), 'r.txt').message).toBe('r.txt: needs a profile [kessan:noProfile]');
    const bug = failureOf(new TypeError('x is undefined'), 'b.xbrl');
    expect(bug).toMatchObject({ code: 'kessan:internalError', exitCode: 2, file: 'b.xbrl' });
    expect(bug.message).toMatch(/^b\.xbrl: internal error: x is undefined \(this is a bug in kessan/);
  });
});
