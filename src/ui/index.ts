/**
 * Public surface of the chat page: a router serving the static page and its
 * script, compiled from src/ui/client/*.ts by esbuild on first request
 * (no separate build step, no CDN).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Router } from 'express';

/** The page's files are read from src/ui also when the server runs compiled from dist/. */
const here = (file: string) => fileURLToPath(new URL(`../../src/ui/${file}`, import.meta.url));

let bundle: Promise<string> | null = null;

/** The page script, bundled and minified once per process. */
export function buildClientBundle(): Promise<string> {
  bundle ??= build({ entryPoints: [here('client/app.ts')], bundle: true, write: false, format: 'esm', target: 'es2022', minify: true, sourcemap: false }).then((r) => r.outputFiles[0].text);
  return bundle;
}

export function uiRouter(): Router {
  const router = Router();
  const page = readFile(here('index.html'), 'utf8');
  const styles = readFile(here('styles.css'), 'utf8');
  router.get('/', async (_req, res) => {
    res.type('html').send(await page);
  });
  router.get('/ui/styles.css', async (_req, res) => {
    res.type('css').send(await styles);
  });
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  router.get('/ui/app.js', async (_req, res) => {
    res.type('js').send(await buildClientBundle());
  });
  return router;
}
