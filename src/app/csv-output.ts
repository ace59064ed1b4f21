/**
 * Where an xBRL-CSV report goes, since it is several files, from the output path `convert -o` was given:
 *
 * - `a.xbr` or `a.zip`: a report package (one zip: `a/META-INF/reportPackage.json`, `a/reports/a.json` and the
 *   tables beside it);
 * - `a.json` (with `--to csv`): the metadata file there, the tables beside it as `a-<table>.csv`;
 * - anything else (`a-csv/`, an existing folder, a name without extension): a folder holding `<folder>.json`
 *   and `<table>.csv`.
 */
import { basename, extname, join } from 'node:path';

export type CsvLayout =
  | { readonly kind: 'package'; readonly file: string; readonly name: string }
  | { readonly kind: 'beside'; readonly metadata: string; readonly tablePrefix: string }
  | { readonly kind: 'folder'; readonly folder: string; readonly metadata: string };

export function csvLayout(output: string): CsvLayout {
  const ext = extname(output).toLowerCase();
  const trimmed = output.replace(/[/\\]+$/, '') || output;
  if (!/[/\\]$/.test(output) && (ext === '.xbr' || ext === '.zip')) return { kind: 'package', file: output, name: safeName(basename(output, extname(output))) };
  if (!/[/\\]$/.test(output) && ext === '.json') return { kind: 'beside', metadata: output, tablePrefix: `${basename(output, extname(output))}-` };
  return { kind: 'folder', folder: trimmed, metadata: join(trimmed, `${safeName(basename(trimmed))}.json`) };
}

/** The file relative references in the report are written relative to (for a package: the zip, read as a folder). */
export function csvReferenceBase(output: string): string {
  const layout = csvLayout(output);
  return layout.kind === 'package' ? layout.file : layout.metadata;
}

/** A name usable as a file name and a zip folder (no separators, not empty, not dots alone). */
function safeName(name: string): string {
  const s = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return s === '' || /^\.+$/.test(s) ? 'report' : s;
}

