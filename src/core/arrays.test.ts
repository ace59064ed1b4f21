import { describe, expect, it } from 'vitest';
import { pushAll } from './arrays.js';

describe('pushAll', () => {
  it('appends in order, and takes more items than a spread call can', () => {
    expect(pushAll([1], [2, 3])).toEqual([1, 2, 3]);
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [0].push(...many)).toThrow(RangeError); // what pushAll is for
    const out = pushAll([-1], many);
    expect(out.length).toBe(500_001);
    expect(out[500_000]).toBe(499_999);
  });
});
