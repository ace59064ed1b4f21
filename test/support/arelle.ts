import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Arelle, the reference XBRL processor, as a referee for optional tests: it lives in ../shared/referee (never a
 * dependency of kessan). Available when KESSAN_ARELLE names the run-arelle script (or is set at all, for the
 * default place), or when the script exists and the Python it runs with (/usr/bin/python3) has lxml.
 */
const root = join(import.meta.dirname, '..', '..');
const candidates = [process.env.KESSAN_ARELLE, join(root, '..', 'shared', 'referee', 'run-arelle')];
const script = candidates.find((p): p is string => !!p && existsSync(p));
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export const arelleAvailable = script !== undefined && (!!process.env.KESSAN_ARELLE || spawnSync(python, ['-c', 'import lxml'], { stdio: 'ignore' }).status === 0);

/** Runs Arelle with the given arguments (plus a log format of `LEVEL code message`); returns its log lines. */
export function runArelle(args: string[]): string[] {
  try {
    const log = execFileSync(script!, [...args, '--logFormat=%(levelname)s %(messageCode)s %(message)s'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    return log.split('\n').filter(Boolean);
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    if (err.status === 3 && err.stdout) return err.stdout.split('\n').filter(Boolean); // --validationExitCode: findings
    throw new Error(`Arelle exited ${String(err.status)}:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

/** Runs Arelle with --validationExitCode: its exit code (0 valid, 3 an error or inconsistency) and log lines. */
export function arelleVerdict(args: string[]): { exit: number; lines: string[] } {
  const r = spawnSync(script!, [...args, '--validationExitCode', '--logFormat=%(levelname)s %(messageCode)s %(message)s'], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0 && r.status !== 3) throw new Error(`Arelle exited ${String(r.status)}:\n${r.stdout}${r.stderr}`);
  return { exit: r.status, lines: `${r.stdout}${r.stderr}`.split('\n').filter(Boolean) };
}
