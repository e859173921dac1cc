import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { marked } from 'marked';
import { page } from '../html';

export const PRIVACY_FILE = fileURLToPath(new URL('../../../docs/privacy.md', import.meta.url));

/**
 * /privacy: what the tool and the extension store, for how long and who can read it (docs/privacy.md, rendered once
 * at start), public and without a session: the extension's Options and its store listing link here. The markdown is
 * our own file, rendered by marked; the page has no script and no inline style, like every page of the tool.
 */
export function privacyRouter(file = PRIVACY_FILE): Router {
  const router = express.Router();
  const html = existsSync(file)
    ? page(
        'Privacy · Tasting Menu',
        `<div class="card">${marked.parse(readFileSync(file, 'utf8'), { async: false })}</div>`,
      )
    : undefined;
  router.get('/privacy', (_req, res) => {
    if (!html) {
      res
        .status(404)
        .type('html')
        .send(
          page(
            'Privacy · Tasting Menu',
            '<h1>The privacy page is missing</h1><p>This server was installed without <code>docs/privacy.md</code>.</p>',
          ),
        );
      return;
    }
    res.type('html').set('Cache-Control', 'public, max-age=3600').send(html);
  });
  return router;
}
