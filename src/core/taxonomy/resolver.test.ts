import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalogDir, projectRoot, Resolver, splitFragment, withXmlBase } from './resolver.js';

const here = join(projectRoot(), 'src', 'core', 'taxonomy', 'fixtures', 'basic', 'fx.xsd');

describe('Resolver', () => {
  const r = new Resolver();

  it('finds the project root and the catalog folder', () => {
    expect(existsSync(join(projectRoot(), 'package.json'))).toBe(true);
    expect(defaultCatalogDir()).toBe(join(projectRoot(), 'taxonomy', 'catalog'));
  });

  it('resolves relative hrefs against the referencing file and splits fragments', () => {
    expect(r.resolve('fx_lab.xml', here)).toEqual({ kind: 'local', path: join(projectRoot(), 'src/core/taxonomy/fixtures/basic/fx_lab.xml') });
    expect(r.resolve('./fx.xsd#fx_Revenue', here)).toEqual({ kind: 'local', path: here, fragment: 'fx_Revenue' });
    expect(r.resolve('#element(fx_Revenue)', here)).toEqual({ kind: 'local', path: here, fragment: 'element(fx_Revenue)' });
    expect(splitFragment('a.xsd#b#c')).toEqual({ doc: 'a.xsd', fragment: 'b#c' });
  });

  it('maps www.xbrl.org (http and https) into the catalog', () => {
    const local = join(defaultCatalogDir(), 'www.xbrl.org', '2003', 'xbrl-instance-2003-12-31.xsd');
    expect(r.resolve('http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd', here)).toEqual({ kind: 'local', path: local });
    expect(r.resolve('https://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd#xbrli_item', here)).toEqual({ kind: 'local', path: local, fragment: 'xbrli_item' });
  });

  it('never fetches: other URLs and missing files are unavailable', () => {
    expect(r.resolve('http://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd#us-gaap_Revenues', here)).toEqual({
      kind: 'unavailable',
      url: 'http://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd',
      fragment: 'us-gaap_Revenues',
    });
    expect(r.resolve('ftp://example.com/x.xsd', here).kind).toBe('unavailable');
    expect(r.resolve('file:///etc/passwd', here).kind).toBe('unavailable');
    expect(r.resolve('http://www.xbrl.org/2099/none.xsd', here)).toEqual({ kind: 'unavailable', url: 'http://www.xbrl.org/2099/none.xsd' });
    expect(r.resolve('http://www.xbrl.org/../../../etc/passwd', here).kind).toBe('unavailable');
    expect(r.resolve('missing.xsd', here).kind).toBe('unavailable');
    // relative to an unavailable document: stays unavailable, made absolute
    expect(r.resolve('other.xsd', 'http://example.com/a/b.xsd')).toEqual({ kind: 'unavailable', url: 'http://example.com/a/other.xsd' });
  });

  it('applies xml:base values in scope, outermost first (XML Base)', () => {
    const dir = join(projectRoot(), 'src/core/taxonomy/fixtures/basic');
    expect(withXmlBase(here, ['sub/'])).toBe(join(dir, 'sub') + '/');
    expect(withXmlBase(here, ['a/', 'b/', './c'])).toBe(join(dir, 'a/b/c'));
    expect(withXmlBase(here, ['http://example.com/x/'])).toBe('http://example.com/x/');
    // a file: xml:base stays a URL, so what it leads to stays unavailable
    expect(r.resolve('passwd', here, ['file:///etc/']).kind).toBe('unavailable');
    expect(r.resolve('../fx_lab.xml', here, ['sub/'])).toEqual({ kind: 'local', path: join(dir, 'fx_lab.xml') });
    expect(r.resolve('fx.xsd#x', here, ['./sub'])).toEqual({ kind: 'local', path: here, fragment: 'x' });
    // a fragment-only href is the document itself, whatever the base
    expect(r.resolve('#x', here, ['sub/'])).toEqual({ kind: 'local', path: here, fragment: 'x' });
    expect(r.resolve('y.xsd', 'http://example.com/a/b.xsd', ['c/'])).toEqual({ kind: 'unavailable', url: 'http://example.com/a/c/y.xsd' });
  });
});
