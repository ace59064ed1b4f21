import { describe, expect, it } from 'vitest';
import { Progress, wantProgress } from './progress.js';

/** A terminal (isTTY), unless `tty` is false: a log file or a pipe. */
function fake(columns?: number, tty = true) {
  let text = '';
  return { stream: { write: (s: string) => (text += s), isTTY: tty, ...(columns ? { columns } : {}) }, text: () => text, reset: () => (text = '') };
}

function clock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progress bar', () => {
  it('shows files done / total, facts, facts per second and elapsed time, redrawn with a carriage return', () => {
    const err = fake();
    const c = clock();
    const p = new Progress(err.stream, 4, { enabled: true, now: c.now, timer: false });
    expect(err.text()).toBe('\r\x1b[K[                    ] 0/4 files, 0 facts, 0 facts/s, 0.0 s');
    c.advance(2000);
    p.fileDone(2500);
    expect(err.text().split('\r\x1b[K').at(-1)).toBe('[=====               ] 1/4 files, 2,500 facts, 1,250 facts/s, 2.0 s');
    p.finish();
    expect(err.text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('redraws at most once an interval, however many files finish', () => {
    const err = fake();
    const c = clock();
    const p = new Progress(err.stream, 100, { enabled: true, now: c.now, timer: false });
    for (let i = 0; i < 50; i++) {
      c.advance(5);
      p.fileDone(10);
    }
    // 250 ms: the first drawing and two more.
    expect(err.text().split('\r\x1b[K').filter(Boolean)).toHaveLength(3);
    c.advance(100);
    p.tick();
    expect(err.text().split('\r\x1b[K').at(-1)).toMatch(/^\[=+ +\] 50\/100 files, 500 facts, 1,429 facts\/s, 0\.3 s$/);
  });

  it('clears itself before other output and comes back on the next tick', () => {
    const err = fake();
    const out = fake();
    const c = clock();
    const p = new Progress(err.stream, 2, { enabled: true, now: c.now, timer: false });
    err.reset();
    p.print(err.stream, 'a.xbrl:1:1: warning w something\n');
    p.print(out.stream, ['row 1\n', 'row 2\n']);
    expect(err.text()).toBe('\r\x1b[Ka.xbrl:1:1: warning w something\n');
    expect(out.text()).toBe('row 1\nrow 2\n');
    p.tick();
    expect(err.text()).toBe('\r\x1b[Ka.xbrl:1:1: warning w something\n');
    c.advance(100);
    p.tick();
    expect(err.text()).toMatch(/\n\r\x1b\[K\[ +\] 0\/2 files/);
  });

  it('is cut to the width of the terminal', () => {
    const err = fake(30);
    new Progress(err.stream, 2, { enabled: true, timer: false });
    expect(err.text().replace('\r\x1b[K', '')).toHaveLength(29);
  });

  it('draws nothing when disabled, but still prints what it is given', () => {
    const err = fake();
    const p = new Progress(err.stream, 2, { enabled: false, timer: false });
    p.fileDone(3);
    p.tick();
    p.print(err.stream, 'line\n');
    p.finish();
    expect(err.text()).toBe('line\n');
  });

  it('is on for a terminal, or when forced; --no-progress wins', () => {
    expect(wantProgress({}, { write: () => 0, isTTY: true })).toBe(true);
    expect(wantProgress({}, { write: () => 0 })).toBe(false);
    expect(wantProgress({ progress: true }, { write: () => 0 })).toBe(true);
    expect(wantProgress({ 'no-progress': true }, { write: () => 0, isTTY: true })).toBe(false);
    expect(wantProgress({ progress: true, 'no-progress': true }, { write: () => 0 })).toBe(false);
  });

  it('asked for where stderr is not a terminal (--progress into a CI log): plain lines, one every 5 s and one at the end, never an escape code', () => {
    const err = fake(30, false);
    const out = fake(undefined, false);
    const c = clock();
    const p = new Progress(err.stream, 3, { enabled: true, now: c.now, timer: false });
    for (let i = 0; i < 3; i++) {
      c.advance(3000);
      p.print(out.stream, `file ${i}\n`);
      p.fileDone(100);
    }
    p.finish();
    expect(err.text()).toBe(
      [
        '[                    ] 0/3 files, 0 facts, 0 facts/s, 0.0 s',
        '[=============       ] 2/3 files, 200 facts, 33 facts/s, 6.0 s',
        '[====================] 3/3 files, 300 facts, 33 facts/s, 9.0 s',
        '',
      ].join('\n'),
    );
    expect(err.text() + out.text()).not.toMatch(/[\r\x1b]/);
    expect(out.text()).toBe('file 0\nfile 1\nfile 2\n');
  });
});
