import { Router } from 'express';
import { methodNotAllowed } from '../http-errors.js';
import type { IndexHolder } from '../index-holder.js';

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
      const m = engine.store.manifest;
      res.json({
        status: 'ok',
        index: { version: m.version, documents: Object.keys(m.documents).length, passages: m.passages, model: m.model, builtAt: m.builtAt },
        // Files the ingest that built this version skipped, with why (not read again until they change).
        lastIngest: { version: m.version, builtAt: m.builtAt, skipped: Object.entries(m.failed ?? {}).map(([path, f]) => ({ path, reason: f.reason })) },
      });
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
