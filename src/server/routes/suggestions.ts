import { Router } from 'express';
import { methodNotAllowed } from '../http-errors.js';
import type { IndexHolder } from '../index-holder.js';
import { SuggestionCache } from '../suggestions/suggested-questions.js';

/** GET /suggestions — up to 4 questions about the newest articles that the engine answers from them. */
export function suggestionsRouter(holder: IndexHolder): Router {
  const router = Router();
  const cache = new SuggestionCache();
  router
    .route('/suggestions')
    .get(async (_req, res) => {
      const engine = holder.current();
      const suggestions = await cache.get(engine);
      res.json({ suggestions, index: { version: engine.store.manifest.version } });
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
