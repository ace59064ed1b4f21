import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/parse.js';
import { elementPath, indexIds, locate, parsePointer, unsupportedSchemes, walkPath } from './xpointer.js';

describe('XPointer fragments (XBRL 2.1 §3.5.4)', () => {
  it('parses shorthand pointers and scheme sequences', () => {
    expect(parsePointer('a_B')).toEqual({ kind: 'shorthand', id: 'a_B' });
    expect(parsePointer('element(/1/3)element(x)')).toEqual({ kind: 'schemes', parts: [{ scheme: 'element', body: '/1/3' }, { scheme: 'element', body: 'x' }] });
    expect(parsePointer("xpointer(//*[@name='a'])")).toEqual({ kind: 'schemes', parts: [{ scheme: 'xpointer', body: "//*[@name='a']" }] });
    expect(parsePointer('element(a^)b)')).toEqual({ kind: 'schemes', parts: [{ scheme: 'element', body: 'a)b' }] });
    expect(parsePointer('element(/1')).toBeUndefined();
  });
  it('lists schemes other than element()', () => {
    expect(unsupportedSchemes('element(/1/3)xmlns(abc=http://example.com/ns/abc)')).toEqual(['xmlns']);
    expect(unsupportedSchemes('element(a)')).toEqual([]);
    expect(unsupportedSchemes('id')).toEqual([]);
  });
  it('walks element() child sequences, from the root or from an id', () => {
    const root = parseXml('<r><a id="x"><b/><c id="y"/></a><d/></r>', 'mem.xml');
    const ids = indexIds(root);
    const by = (id: string) => ids.get(id);
    expect(walkPath(root, elementPath('/1/2')!, by)?.name.localName).toBe('d');
    expect(walkPath(root, elementPath('x/1')!, by)?.name.localName).toBe('b');
    expect(walkPath(root, elementPath('/2')!, by)).toBeUndefined();
    expect(elementPath('/0')).toBeUndefined();
    // the first part that locates something wins; a located element with a known id is given by that id
    expect(locate('element(/1/9)element(/1/1/2)', (id) => id === 'y', () => root)).toEqual({ id: 'y' });
    expect(locate("xpointer(//*[@id='x'])", () => true, () => root)).toBeUndefined();
  });
});
