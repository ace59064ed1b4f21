/**
 * saxes, loaded with require(). saxes is CommonJS: an ESM `import` of it makes Node 20 run its CommonJS export
 * lexer over saxes.js first, ~25–30 ms of a small conversion's start-up; require() costs ~7 ms. Import saxes
 * from here, never from 'saxes' directly.
 */
import { createRequire } from 'node:module';
import type * as Saxes from 'saxes';

export type { SaxesOptions, SaxesTagNS } from 'saxes';

export const SaxesParser: typeof Saxes.SaxesParser = (createRequire(import.meta.url)('saxes') as typeof Saxes).SaxesParser;
export type SaxesParser<O extends Saxes.SaxesOptions = {}> = Saxes.SaxesParser<O>;
