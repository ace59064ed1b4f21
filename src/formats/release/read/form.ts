/**
 * Chooses the front end by what the text is, not by its file name: HTML (a page, an EDGAR `<DOCUMENT>` wrapper
 * around one), the markdown-like form with tab-separated tables, or plain text with space-aligned columns.
 */
import type { Block } from './blocks.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import type { ReleaseDocument } from './model.js';
import { readPlain } from './plain.js';

/**
 * The text of an EDGAR SGML wrapper's document (`<DOCUMENT><TYPE>EX-99.1 … <TEXT> … </TEXT></DOCUMENT>`), the
 * first EX-99 one if there are several, with everything around it blanked out (newlines kept), so that lines and
 * columns still point into the file. Text without a wrapper comes back as it is.
 */
export function unwrapEdgar(text: string): string {
  if (!/^\s*(?:<SEC-DOCUMENT>[^\n]*\n[\s\S]*?)?<DOCUMENT>/i.test(text.slice(0, 4096))) return text;
  const docs = [...text.matchAll(/<DOCUMENT>([\s\S]*?)(?:<\/DOCUMENT>|$)/gi)];
  const pick = docs.find((d) => /<TYPE>\s*EX-99/i.test(d[1]!)) ?? docs[0];
  if (!pick) return text;
  const inner = pick[1]!;
  const open = /<TEXT>/i.exec(inner);
  if (!open) return text;
  const from = pick.index! + '<DOCUMENT>'.length + open.index + open[0].length;
  const close = /<\/TEXT>/i.exec(text.slice(from));
  const to = close ? from + close.index : text.length;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to));
}

/** HTML: the first thing in the text is markup that names an HTML element (not EDGAR's `<TABLE>`/`<S>`/`<C>` text markers). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 8192);
  if (!/^\s*</.test(head.replace(/^\uFEFF/, ''))) return false;
  if (/^\s*<[SC]>\s*$/m.test(text.slice(0, 65536)) && !/<(?:html|body|p|div|td)\b/i.test(head)) return false;
  return /<(?:!doctype html|html|head|body|table|div|p|font|br|span|center)\b/i.test(head);
}

/** Tab-separated tables: a line with a tab right after text. */
function hasTabTables(text: string): boolean {
  return /\S\t/.test(text);
}

/** Reads any supported form into the release model; the markdown form also gives its raw blocks (its layout). */
export function parseRelease(text: string, file: string): { doc: ReleaseDocument; raw?: Block[] } {
  const body = unwrapEdgar(text.replace(/^\uFEFF/, ''));
  if (looksLikeHtml(body)) return { doc: readHtml(body, file) };
  if (hasTabTables(body)) return readMarkdown(body, file);
  return { doc: readPlain(body, file) };
}
