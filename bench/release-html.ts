/**
 * A generated earnings release in HTML of a given size, laid out as word processors and financial printers
 * write them (each figure split over `$`, digits and `)` cells, colspan headers, spacer cells, inline styles), for
 * timing the release reader on a large page. Deterministic: the same size gives the same bytes.
 */
import { writeFileSync } from 'node:fs';

function figure(i: number): string {
  const n = ((i * 7919) % 99_991) * 13;
  return n.toLocaleString('en-US');
}

function table(t: number): string {
  const rows: string[] = [
    '<tr><td width="60%"></td><td></td><td colspan="5" align="center" style="border-bottom:solid windowtext .5pt"><b>THREE MONTHS ENDED</b></td><td></td><td colspan="5" align="center"><b>NINE MONTHS ENDED</b></td></tr>',
    `<tr><td></td>${['June 26,', 'June 28,', 'June 26,', 'June 28,'].map((d) => `<td></td><td colspan="2" align="center"><font size="2">${d}</font></td>`).join('')}</tr>`,
    `<tr><td></td>${['2004', '2003', '2004', '2003'].map((d) => `<td></td><td colspan="2" align="center"><font size="2">${d}</font></td>`).join('')}</tr>`,
  ];
  for (let r = 0; r < 40; r++) {
    const cells = [0, 1, 2, 3].map((c) => {
      const i = t * 1000 + r * 4 + c;
      const neg = i % 9 === 0;
      return `<td style="padding:0in 0in 0in 0in;width:2.0%"><p style="margin:0in">&nbsp;</p></td><td valign="bottom" style="padding:0in"><p style="margin:0in"><font size="2" face="Times New Roman">${r === 0 ? '$' : '&nbsp;'}</font></p></td><td align="right" valign="bottom"><p align="right" style="margin:0in;text-align:right"><font size="2" face="Times New Roman">${neg ? '(' : ''}${figure(i)}</font></p></td><td><font size="2">${neg ? ')' : '&nbsp;'}</font></td>`;
    });
    rows.push(`<tr bgcolor="${r % 2 ? '#cceeff' : '#ffffff'}"><td valign="bottom"><p style="margin:0in 0in .0001pt ${10 + (r % 3) * 10}.0pt;text-indent:-10.0pt"><font size="2" face="Times New Roman">Line item ${t}.${r} of the statement</font></p></td>${cells.join('')}</tr>`);
  }
  return `<p align="center"><b>STATEMENT ${t}</b></p>\n<p align="center">(In millions, except per share amounts)</p>\n<table border="0" cellspacing="0" cellpadding="0" width="100%">\n${rows.join('\n')}\n</table>\n<p>Prose between the tables, as releases print it: revenue grew, costs fell, and the outlook is unchanged.</p>\n`;
}

/** Writes the release and returns how many table figures it prints. */
export function writeHtmlRelease(path: string, targetBytes: number): { bytes: number; figures: number } {
  const parts = ['<html><head><title>Release</title></head><body>\n<p><b>Example Corp. Reports Third Quarter Results</b></p>\n'];
  let size = parts[0]!.length;
  let t = 0;
  while (size < targetBytes) {
    const s = table(t++);
    parts.push(s);
    size += s.length;
  }
  parts.push('</body></html>\n');
  const text = parts.join('');
  writeFileSync(path, text);
  return { bytes: Buffer.byteLength(text), figures: t * 40 * 4 };
}
