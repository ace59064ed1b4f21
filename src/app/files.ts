import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KessanError } from '../core/errors.js';
import { decodeText, readInputBytes } from '../core/limits.js';

/** The profile beside a release: `<name>.profile.json`, or the only `*.profile.json` in its folder. */
export function findProfile(input: string): string {
  const dir = dirname(input);
  const stem = basename(input).replace(/\.[^.]+$/, '');
  const own = join(dir, `${stem}.profile.json`);
  if (exists(own)) return own;
  const all = safeList(dir).filter((f) => f.endsWith('.profile.json'));
  if (all.length === 1) return join(dir, all[0]!);
  throw new KessanError(
    'kessan:noProfile',
    all.length ? `several filer profiles beside the input (${all.join(', ')}); choose one with --profile` : 'no filer profile found beside the input; pass --profile FILE (see examples/iij.profile.json)',
    { file: input },
    2,
  );
}

function exists(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Reads a text input (UTF-8, or UTF-16 with a BOM) within the size limit; binary or invalid UTF-8 is refused. */
export function readInputText(file: string): string {
  return decodeText(readInputBytes(file), file);
}

