/**
 * The review page's files: `web/index.html` and `web/style.css` as written, `dist/web/app.js` as built from
 * `web/*.ts` (`npm run build`), and the bundled example (the release and its profile) for its one-click load.
 * The page's policy lets it load only its own files and talk only to this server: an uploaded Inline XBRL
 * document shown in it cannot fetch anything either (its frame inherits the policy), and runs no script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../core/paths.js';
import { errorAnswer } from './respond.js';

const PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The files the page is made of, by URL path: where each is and its media type. */
const ASSETS: Record<string, { path: readonly string[]; type: string }> = {
  '/': { path: ['web', 'index.html'], type: 'text/html; charset=utf-8' },
  '/style.css': { path: ['web', 'style.css'], type: 'text/css; charset=utf-8' },
  '/app.js': { path: ['dist', 'web', 'app.js'], type: 'text/javascript; charset=utf-8' },
};

/** The example files the page can load in one click. */
export const EXAMPLES: Record<string, string> = {
  'iij-2q-fy2004.txt': 'text/plain; charset=utf-8',
  'iij.profile.json': 'application/json; charset=utf-8',
};

function read(path: readonly string[]): Buffer | undefined {
  try {
    return readFileSync(join(projectRoot(), ...path));
  } catch {
    return undefined;
  }
}

export function registerPage(app: FastifyInstance): void {
  for (const [url, asset] of Object.entries(ASSETS)) {
    app.get(url, async (_req, reply) => {
      const body = read(asset.path);
      if (!body) {
        const a = errorAnswer(404, 'kessan:notBuilt', `the review page's ${asset.path.join('/')} is missing (run npm run build)`);
        return reply.code(a.status).type(a.type).send(a.body);
      }
      return reply.type(asset.type).header('content-security-policy', PAGE_POLICY).header('cache-control', 'no-cache').send(body);
    });
  }
  // Browsers ask for it; there is none, and a 404 would be noise in the page's console.
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());
  app.get<{ Params: { name: string } }>('/v1/examples/:name', async (req, reply) => {
    const type = Object.hasOwn(EXAMPLES, req.params.name) ? EXAMPLES[req.params.name] : undefined;
    const body = type ? read(['examples', req.params.name]) : undefined;
    if (!type || !body) {
      const a = errorAnswer(404, 'kessan:notFound', `no example "${req.params.name.slice(0, 100)}" (there are: ${Object.keys(EXAMPLES).join(', ')})`);
      return reply.code(a.status).type(a.type).send(a.body);
    }
    return reply.type(type).send(body);
  });
}
