/** Test support for `kessan serve`: a service to inject into, multipart bodies, and the checks every answer gets. */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { currentLimits } from '../../src/core/limits.js';
import { createService, type ServeOptions, type Service } from '../../src/app/serve/server.js';
import { ROOT } from './example.js';

/** The compiled worker (npm run build): tests of what only real worker processes do use it, and skip without it. */
export const BUILT_WORKER = join(ROOT, 'dist', 'src', 'app', 'serve', 'worker.js');
export const HAVE_BUILT_WORKER = existsSync(BUILT_WORKER);

/** A service for tests: in-process tasks unless `workerFile` is given; 8 MiB uploads; one job. */
export function startService(options: Partial<ServeOptions> = {}): Promise<Service> {
  return createService({
    host: '127.0.0.1',
    port: 0,
    maxBody: 8 * 1024 * 1024,
    jobs: 1,
    timeoutMs: 60_000,
    limits: currentLimits(),
    workerFile: join(ROOT, 'no-worker-in-process.js'),
    log: () => undefined,
    ...options,
  });
}

export interface Part {
  readonly field: string;
  readonly filename?: string;
  readonly data: Buffer | string;
  readonly type?: string;
}

/** A multipart/form-data body. */
export function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kessan-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.field}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The answer says no server path (the temporary folder, kessan's folder, the working folder) and no stack. */
export function expectClean(body: string, service?: Service): void {
  for (const path of [tmpdir(), ROOT, process.cwd(), ...(service ? [service.workspace.base] : [])]) expect(body, `a server path (${path}) in ${body.slice(0, 500)}`).not.toContain(path);
  expect(body).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

/** A validation report without what differs from run to run or place to place: each file's ms, file names mapped. */
export function comparable(report: unknown, names: Record<string, string> = {}): unknown {
  return JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === 'ms' ? undefined : key === 'file' && typeof value === 'string' ? (names[value] ?? value) : value)));
}
