/**
 * saxes, loaded with require(), on first use. saxes is CommonJS: an ESM `import` of it makes Node 20 run its
 * CommonJS export lexer over saxes.js first, ~25–30 ms of a small conversion's start-up; require() costs ~3–7 ms.
 * Import saxes from here, never from 'saxes' directly. Namespace-aware reading is scanner.ts's; saxes stays for the
 * namespace-unaware parses of typed values and as the reference scanner.test.ts compares the scanner with.
 */
import { createRequire } from 'node:module';
import type * as Saxes from 'saxes';

export type { SaxesAttributeNS, SaxesOptions, SaxesTagNS } from 'saxes';

let saxes: typeof Saxes | undefined;

/**
 * saxes's parser class, loaded when the first parser is made: a run that parses no XML (converting a release
 * whose taxonomy is pre-parsed, see digest.ts) does not load it.
 */
export const SaxesParser = function SaxesParser(options?: Saxes.SaxesOptions) {
  saxes ??= createRequire(import.meta.url)('saxes') as typeof Saxes;
  return new saxes.SaxesParser(options);
} as unknown as typeof Saxes.SaxesParser;
export type SaxesParser<O extends Saxes.SaxesOptions = {}> = Saxes.SaxesParser<O>;
