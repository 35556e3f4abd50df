import { Router } from 'express';
import { methodNotAllowed } from '../http-errors.js';
import type { IndexHolder } from '../index-holder.js';
import type { Manifest } from '../../store/index.js';

/**
 * The body for a version, made once: a version never changes, and on a large archive the body lists
 * every skipped file (1,470 on the 72k-passage English news archive: 11 ms a request when rebuilt).
 */
const bodies = new WeakMap<Manifest, string>();

function healthBody(m: Manifest): string {
  let body = bodies.get(m);
  if (body === undefined) {
    body = JSON.stringify({
      status: 'ok',
      index: { version: m.version, documents: Object.keys(m.documents).length, passages: m.passages, model: m.model, builtAt: m.builtAt },
      // Files the ingest that built this version skipped, with why (not read again until they change).
      lastIngest: { version: m.version, builtAt: m.builtAt, skipped: Object.entries(m.failed ?? {}).map(([path, f]) => ({ path, reason: f.reason })) },
    });
    bodies.set(m, body);
  }
  return body;
}

export function healthRouter(holder: IndexHolder): Router {
  const router = Router();
  router
    .route('/health')
    .get((_req, res) => {
      const engine = holder.loaded;
      if (!engine) {
        res.status(503).json({ status: 'no-index', index: null });
        return;
      }
      res.type('application/json').send(healthBody(engine.store.manifest));
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
