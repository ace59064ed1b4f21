import { detached } from './strings.js';

/** An expanded XML name: namespace URI plus local name, with the prefix it was written with. */
export interface QName {
  readonly namespace: string;
  readonly localName: string;
  /** The prefix used where the name was read or should be written; not part of the name's identity. */
  readonly prefix?: string;
}

const interned = new Map<string, QName>();

/** Clark notation, `{namespace}local`: the identity key of a QName. */
export function clark(q: QName): string {
  return `{${q.namespace}}${q.localName}`;
}

/**
 * One shared object per (namespace, localName, prefix): cheap to compare and to store by the million. Kept for
 * the life of the process, so its strings are detached copies: a name cut from a document would keep the whole
 * document's text alive (27 MB after reading a 100k-fact xBRL-JSON report; a 64 KiB piece per name in XML).
 */
export function qname(namespace: string, localName: string, prefix?: string): QName {
  const key = `${prefix ?? ''}|{${namespace}}${localName}`;
  let q = interned.get(key);
  if (!q) {
    const ns = detached(namespace);
    const local = detached(localName);
    q = Object.freeze(prefix === undefined ? { namespace: ns, localName: local } : { namespace: ns, localName: local, prefix: detached(prefix) });
    interned.set(detached(key), q);
  }
  return q;
}

export function sameQName(a: QName, b: QName): boolean {
  return a.namespace === b.namespace && a.localName === b.localName;
}

/** `prefix:local` when a prefix is known, otherwise Clark notation. */
export function formatQName(q: QName): string {
  return q.prefix ? `${q.prefix}:${q.localName}` : clark(q);
}

/** Parses `{ns}local` (Clark notation). */
export function parseClark(s: string): QName {
  const m = /^\{([^}]*)\}(.+)$/.exec(s);
  if (!m) throw new Error(`not a Clark-notation name: ${s}`);
  return qname(m[1]!, m[2]!);
}

export const NS = {
  xbrli: 'http://www.xbrl.org/2003/instance',
  link: 'http://www.xbrl.org/2003/linkbase',
  xlink: 'http://www.w3.org/1999/xlink',
  xsd: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  iso4217: 'http://www.xbrl.org/2003/iso4217',
  xbrldi: 'http://xbrl.org/2006/xbrldi',
  xbrldt: 'http://xbrl.org/2005/xbrldt',
  num: 'http://www.xbrl.org/dtr/type/numeric',
  nonnum: 'http://www.xbrl.org/dtr/type/non-numeric',
  utr: 'http://www.xbrl.org/2009/utr',
} as const;
