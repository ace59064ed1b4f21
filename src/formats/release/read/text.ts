/** Small text helpers shared by the release reader (and the renderer later): markup out, labels compared. */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

const MARKUP = /[<&\\]/;

/** Footnote marks like `<sup>4</sup>` (with the space before them), as a list of their numbers. */
export function footnoteMarks(cell: string): string[] {
  return [...cell.matchAll(/<sup>\s*([^<]*?)\s*<\/sup>/gi)].map((m) => m[1]!);
}

/**
 * A cell or label as a reader sees it: `<b>`, `<i>`, other tags and footnote marks removed, entities decoded,
 * markdown escapes (`\$`) undone, whitespace collapsed and trimmed.
 */
export function cleanCell(raw: string): string {
  if (!MARKUP.test(raw)) return raw.replace(/\s+/g, ' ').trim(); // most cells: no tags, entities or escapes
  return raw
    .replace(/\s*<sup>[^<]*<\/sup>/gi, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\\([$*_#\\])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the printed cell was bold (`<b>…</b>` around the whole cell). */
export function isBold(raw: string): boolean {
  return /^\s*<b>[\s\S]*<\/b>\s*$/i.test(raw);
}

/**
 * The form labels are compared in: Unicode-normalized, lower case, `&`→`and`, punctuation spacing and a
 * trailing colon ignored. "Connectivity &amp; VAS" and "connectivity & vas" compare equal.
 */
export function labelKey(label: string): string {
  return cleanCell(label)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s*([(),/:-])\s*/g, '$1')
    .replace(/:$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
