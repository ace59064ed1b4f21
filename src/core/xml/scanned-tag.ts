/** The start tag the scanner (scanner.ts) gives its `opentag` event, and the names and attributes it is made of. */

export interface ScannedAttribute {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

/** The `ns` of a tag that declares no namespace (shared). */
export const EMPTY_NS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * A start tag as the events give it (saxes's SaxesTagNS shape). It describes the tag being read only while its
 * `opentagstart` and `opentag` events last: the parser fills one such object for every tag (an object per tag
 * was a tenth of what reading a document allocated), so a reader takes what it needs from it there. Its
 * attributes are the parser's (`attributeCount`, `attributeNames`, `attributeValues`, `attributeUris`);
 * `attributeList` and `attributes` make objects of them (asked after the events, they throw: a reader's mistake).
 */
export class ScannedTag {
  name = '';
  prefix = '';
  local = '';
  uri = '';
  ns: Record<string, string> = EMPTY_NS;
  isSelfClosing = false;
  /** The parser's number of the tag this object describes now. */
  serial = 0;
  private list?: ScannedAttribute[] = undefined;
  private dictionary?: Record<string, ScannedAttribute> = undefined;
  constructor(private readonly scanner: TagAttributes) {}

  /** Makes this object the tag `name` (the parser's `serial`-th). */
  reset(name: SplitName, serial: number): void {
    this.name = name.name;
    this.prefix = name.prefix;
    this.local = name.local;
    this.uri = '';
    this.ns = EMPTY_NS;
    this.isSelfClosing = false;
    this.serial = serial;
    this.list = undefined;
    this.dictionary = undefined;
  }

  /** The attributes as objects, in the order written. */
  get attributeList(): readonly ScannedAttribute[] {
    if (this.list) return this.list;
    const p = this.scanner;
    if (p.tagSerial !== this.serial) throw new Error(`the attributes of <${this.name}> were asked for after its opentag event`);
    const list: ScannedAttribute[] = [];
    for (let i = 0; i < p.attributeCount; i++) {
      const n = p.attributeNames[i]!;
      list.push({ name: n.name, prefix: n.prefix, local: n.local, uri: p.attributeUris[i]!, value: p.attributeValues[i]! });
    }
    return (this.list = list);
  }

  /** The attributes by name as written. */
  get attributes(): Record<string, ScannedAttribute> {
    if (!this.dictionary) {
      this.dictionary = {};
      for (const a of this.attributeList) this.dictionary[a.name] = a;
    }
    return this.dictionary;
  }
}

export interface SplitName {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
}

/** The scanner's attributes of the tag it reads (see XmlScanner). */
export interface TagAttributes {
  readonly tagSerial: number;
  readonly attributeCount: number;
  readonly attributeNames: readonly SplitName[];
  readonly attributeValues: readonly string[];
  readonly attributeUris: readonly string[];
}
