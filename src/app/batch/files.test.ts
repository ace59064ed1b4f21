import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, isInstanceRoot, manifestSets } from './files.js';


const INSTANCE = '<?xml version="1.0"?>\n<!-- made by hand -->\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"></xbrli:xbrl>\n';
const INLINE = '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body/></html>';

/** A filing folder: documents kessan reads, and the schema, linkbase and other files beside them. */
function filing(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kessan-files-'));
  const put = (name: string, text: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  put('b/instance.xml', INSTANCE);
  put('b/instance_cal.xml', '<?xml version="1.0"?><link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase"/>');
  put('b/instance.xsd', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
  put('a.xbrl', 'not even XML');
  put('a/page.htm', INLINE);
  put('a/plain.html', '<html><body>no facts here</body></html>');
  put('c/report.json', '{"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json"}, "facts": {}}');
  put('c/other.json', '{"name": "package.json, say"}');
  put('c/release.txt', 'Earnings release');
  put('c/default-ns.xml', '<xbrl xmlns="http://www.xbrl.org/2003/instance"/>');
  put('c/wrong-ns.xml', '<xbrl xmlns="urn:not-xbrl"/>');
  return dir;
}

describe('batch inputs', () => {
  it('expands a folder recursively, in path order, to the documents kessan reads', () => {
    const dir = filing();
    const r = expandInputs([dir]);
    expect(r.files.map((f) => relative(dir, f))).toEqual(['a/page.htm', 'a.xbrl', 'b/instance.xml', 'c/default-ns.xml', 'c/report.json']);
    expect(r.emptyFolders).toEqual([]);
    expect(r.weights).toHaveLength(5);
    expect(r.weights[0]).toBe(INLINE.length);
  });

  it('keeps files named explicitly (release text too), drops repeats and reports folders with nothing to read', () => {
    const dir = filing();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const named = [join(dir, 'c', 'release.txt'), join(dir, 'b', 'instance.xsd'), join(dir, 'nope.xbrl')];
    const r = expandInputs([...named, empty, join(dir, 'c'), join(dir, 'c', 'report.json')]);
    expect(r.files).toEqual([...named, join(dir, 'c', 'default-ns.xml'), join(dir, 'c', 'report.json')]);
    expect(r.emptyFolders).toEqual([empty]);
  });

  it('reads an Inline XBRL document set (EDINET manifest) once, through the first of its documents given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kessan-set-'));
    for (const n of ['0000_header_ixbrl.htm', '0101_honbun_ixbrl.htm', '0102_honbun_ixbrl.htm', 'alone_ixbrl.htm']) writeFileSync(join(dir, n), INLINE);
    writeFileSync(
      join(dir, 'manifest_PublicDoc.xml'),
      '<manifest xmlns="http://disclosure.edinet-fsa.go.jp/2013/manifest"><list><instance id="a" type="PublicDoc">' +
        '<ixbrl>0000_header_ixbrl.htm</ixbrl><ixbrl>0101_honbun_ixbrl.htm</ixbrl>\n<ixbrl>0102_honbun_ixbrl.htm</ixbrl></instance></list></manifest>',
    );
    expect(manifestSets(dir).map((s) => s.docs)).toEqual([['0000_header_ixbrl.htm', '0101_honbun_ixbrl.htm', '0102_honbun_ixbrl.htm']]);
    const r = expandInputs([dir]);
    expect(r.files.map((f) => relative(dir, f))).toEqual(['0000_header_ixbrl.htm', 'alone_ixbrl.htm']);
    expect(r.weights).toEqual([3 * INLINE.length, INLINE.length]);
    expect(expandInputs([join(dir, '0102_honbun_ixbrl.htm'), join(dir, '0101_honbun_ixbrl.htm')]).files).toEqual([join(dir, '0102_honbun_ixbrl.htm')]);
  });

  it('tells an instance by its root element, whatever comes before it', () => {
    expect(isInstanceRoot(INSTANCE)).toBe(true);
    expect(isInstanceRoot('\ufeff<?xml version="1.0"?><!DOCTYPE x><?pi data?><x:xbrl\n  xmlns:x = \'http://www.xbrl.org/2003/instance\'>')).toBe(true);
    expect(isInstanceRoot('<xbrli:xbrl xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xbrli="http://www.xbrl.org/2003/instance">')).toBe(true);
    expect(isInstanceRoot('<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance-not">')).toBe(false);
    expect(isInstanceRoot('<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase"><xbrl/>')).toBe(false);
    expect(isInstanceRoot('<xbrlx xmlns="http://www.xbrl.org/2003/instance">')).toBe(false);
    expect(isInstanceRoot('<!-- never closed')).toBe(false);
    // The start tag runs past what was sniffed: the name decides.
    expect(isInstanceRoot('<xbrli:xbrl xmlns:a="urn:a"')).toBe(true);
  });

});
