/**
 * Every `@id` of a document, and those written more than once: what the XBRL and Inline XBRL readers decide
 * fact ids from, and how they find repeated ids.
 *
 * A document has an id per fact, so this is a reader's largest table. A JavaScript Set of a million strings
 * took a second here (ten times a tenth of it: the table outgrows the CPU's caches, and each string's hash is
 * computed where the string lies, all over the heap). The ids are collected as they come and put, once the
 * document is read, in an open-addressing table of indexes (an Int32Array, 4 bytes a slot) beside one of their
 * hashes, so that a probe compares numbers where it would have read a string somewhere in the heap. The table is
 * filled a region at a time (the ids sorted by the region their hash points to, a counting sort), not in
 * document order: at a million ids a table that size is far larger than the caches, and filling it at random
 * cost a cache miss or two an id (1M ids: 108 → 45 ms, where 100k took 3.5 ms).
 * The hash is seeded per process, and a probe longer than `maxProbe` (ids made to collide) hands the work to a
 * Set, whose hashing V8 seeds: never slower than the Set, whatever the input.
 */

const SEED = (Math.random() * 2 ** 32) >>> 0;

/** FNV-1a over the UTF-16 code units, seeded, low bits mixed from the high ones (a signed 32-bit integer). */
function hashOf(s: string): number {
  let h = (2166136261 ^ SEED) >>> 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return h ^ (h >>> 15);
}

/** Slots per region of the table filled together: 4,096 slots, 16 KB of each of its two arrays. */
const REGION_BITS = 12;

/** The indexes of `hashes`, by the region of the table (`mask + 1` slots) each one's slot lies in. */
function regionOrder(hashes: Int32Array, mask: number): Int32Array {
  const regions = (mask >>> REGION_BITS) + 1;
  const starts = new Int32Array(regions + 1);
  for (let i = 0; i < hashes.length; i++) starts[((hashes[i]! & mask) >>> REGION_BITS) + 1]!++;
  for (let r = 0; r < regions; r++) starts[r + 1]! += starts[r]!;
  const order = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) order[starts[(hashes[i]! & mask) >>> REGION_BITS]!++] = i;
  return order;
}

export class DocumentIds {
  private readonly list: string[] = [];
  /** Slot → index in `list` + 1; 0 is empty. */
  private table: Int32Array | undefined;
  /** Slot → the hash of the id there. */
  private hashes: Int32Array | undefined;
  private set: Set<string> | undefined;
  /** The ids written more than once (known after `seal`). */
  readonly repeated = new Set<string>();

  constructor(private readonly maxProbe = 64) {}

  add(id: string): void {
    if (this.table || this.set) throw new Error('DocumentIds: add after seal');
    this.list.push(id);
  }

  /** Builds the table once every id is added. */
  seal(): void {
    const list = this.list;
    const n = list.length;
    let size = 16;
    while (size < n * 2) size *= 2;
    const mask = size - 1;
    const hashes = new Int32Array(n);
    for (let i = 0; i < n; i++) hashes[i] = hashOf(list[i]!);
    const order = regionOrder(hashes, mask);
    const table = new Int32Array(size);
    const tableHashes = new Int32Array(size);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const h = hashes[i]!;
      let slot = h & mask;
      for (let probe = 0; ; probe++) {
        const at = table[slot]!;
        if (at === 0) {
          table[slot] = i + 1;
          tableHashes[slot] = h;
          break;
        }
        if (tableHashes[slot] === h && list[at - 1] === list[i]) {
          this.repeated.add(list[i]!);
          break;
        }
        if (probe === this.maxProbe) return this.sealAsSet();
        slot = (slot + 1) & mask;
      }
    }
    this.table = table;
    this.hashes = tableHashes;
  }

  private sealAsSet(): void {
    const set = new Set<string>();
    this.repeated.clear();
    for (const id of this.list) {
      const before = set.size;
      set.add(id);
      if (set.size === before) this.repeated.add(id);
    }
    this.set = set;
  }

  /** Whether the document has this id (after `seal`). */
  has(id: string): boolean {
    if (this.set) return this.set.has(id);
    const table = this.table;
    if (!table) throw new Error('DocumentIds: has before seal');
    const hashes = this.hashes!;
    const mask = table.length - 1;
    // Every id lies within maxProbe slots of where its hash points (seal made sure): no need to look further.
    const h = hashOf(id);
    let slot = h & mask;
    for (let probe = 0; probe <= this.maxProbe; probe++, slot = (slot + 1) & mask) {
      const at = table[slot]!;
      if (at === 0) return false;
      if (hashes[slot] === h && this.list[at - 1] === id) return true;
    }
    return false;
  }
}
