import { describe, expect, it } from 'vitest';
import { KessanError } from '../../core/errors.js';
import { formatFinding } from '../../core/model/finding.js';
import { batchExitCode, failureOf, type Failure } from './failure.js';

const unreadable: Failure = { finding: { code: 'kessan:inputUnreadable', severity: 'error', message: 'x' }, exitCode: 2 };
const wrong: Failure = { finding: { code: 'kessan:xmlNotWellFormed', severity: 'error', message: 'y' }, exitCode: 1 };

describe('batch failures', () => {
  it('exit 0 without failures, 1 when some files failed, the worst code when all did', () => {
    expect(batchExitCode([], 3)).toBe(0);
    expect(batchExitCode([unreadable], 3)).toBe(1);
    expect(batchExitCode([unreadable, unreadable], 3)).toBe(1);
    expect(batchExitCode([unreadable], 1)).toBe(2);
    expect(batchExitCode([wrong], 1)).toBe(1);
    expect(batchExitCode([wrong, unreadable], 2)).toBe(2);
  });

  it('names the file in every finding, and calls anything but a KessanError a bug', () => {
    const located = failureOf(new KessanError('kessan:xmlNotWellFormed', 'not well-formed XML', { file: 'a.xbrl', line: 2, column: 8 }, 1), 'a.xbrl');
    expect(located).toEqual({ finding: { code: 'kessan:xmlNotWellFormed', severity: 'error', message: 'not well-formed XML', file: 'a.xbrl', line: 2, column: 8 }, exitCode: 1 });
    expect(formatFinding(located.finding)).toBe('a.xbrl:2:8: error kessan:xmlNotWellFormed not well-formed XML');
    // A KessanError that names no file gets the batch's file.
    expect(formatFinding(failureOf(new KessanError('kessan:noProfile', 'needs a profile'), 'r.txt').finding)).toBe('r.txt: error kessan:noProfile needs a profile');
    const bug = failureOf(new TypeError('x is undefined'), 'b.xbrl');
    expect(bug).toMatchObject({ finding: { code: 'kessan:internalError', severity: 'error', file: 'b.xbrl' }, exitCode: 2 });
    expect(bug.finding.message).toMatch(/^internal error: x is undefined \(this is a bug in kessan/);
  });
});
