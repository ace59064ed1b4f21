/**
 * A request's upload, written into its folder: the body as one document (named by `?name=`, else by what it
 * is), a zip unpacked, or a multipart form's files under their names (a zip part unpacked). A file part named
 * `document` is the document the request is about and one named `profile` its filer profile.
 */
import { basename } from 'node:path';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { HttpError, isZip, nameForBody, safeName, saveFile, type Budget } from './upload.js';
import { unzipInto } from './zip.js';

export interface Received {
  /** The names written, relative to the request's folder. */
  readonly names: string[];
  /** The file part named `document`, if any. */
  readonly document?: string;
  /** The file part named `profile`, if any. */
  readonly profile?: string;
}

export interface ReceiveLimits {
  readonly maxBody: number;
  readonly maxFiles: number;
}

/** Writes the request's upload into `folder`. Throws HttpError (400, 413) for what cannot be taken. */
export async function receive(req: FastifyRequest, folder: string, limits: ReceiveLimits, name?: string): Promise<Received> {
  const budget: Budget = { bytesLeft: limits.maxBody, filesLeft: limits.maxFiles };
  if (req.isMultipart()) return receiveParts(req, folder, budget, limits);
  const body = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, 'kessan:usage', 'send a document as the request body, a zip, or a multipart/form-data upload');
  const type = req.headers['content-type'] ?? '';
  if (isZip(body, type) && !(name && !name.toLowerCase().endsWith('.zip'))) return { names: await unzipInto(body, folder, '', budget, limits.maxBody) };
  const file = safeName(name ? basename(name.replace(/\\/g, '/')) : nameForBody(body, type));
  await saveFile(folder, file, body, budget, limits.maxBody);
  return { names: [file] };
}

async function receiveParts(req: FastifyRequest, folder: string, budget: Budget, limits: ReceiveLimits): Promise<Received> {
  const names: string[] = [];
  let document: string | undefined;
  let profile: string | undefined;
  // preservePath: a file's folders in the upload are kept (and checked by safeName) rather than silently dropped.
  const parts = req.parts({ preservePath: true, limits: { fileSize: limits.maxBody, files: limits.maxFiles, fields: 32, fieldSize: 64 * 1024, parts: limits.maxFiles + 32, headerPairs: 64 } });
  for await (const part of parts) {
    if (part.type !== 'file') continue; // options travel in the query string
    const name = safeName(part.filename || part.fieldname);
    if (name.toLowerCase().endsWith('.zip') || /^application\/(x-)?zip/.test(part.mimetype)) {
      const zip = await part.toBuffer();
      names.push(...(await unzipInto(zip, folder, '', budget, limits.maxBody)));
      continue;
    }
    await saveFile(folder, name, part.file, budget, limits.maxBody);
    if (part.file.truncated) throw new HttpError(413, 'kessan:bodyTooLarge', `"${name}" is larger than the server's limit of ${limits.maxBody} bytes (--max-body)`);
    names.push(name);
    if (part.fieldname === 'document') document = name;
    if (part.fieldname === 'profile') profile = name;
  }
  if (!names.length) throw new HttpError(400, 'kessan:usage', 'the multipart upload holds no file');
  return { names, ...(document ? { document } : {}), ...(profile ? { profile } : {}) };
}
