import { Router } from 'express';
import { NewsdeskError } from '../../errors.js';
import { articleSource } from '../../ingest/index.js';
import { methodNotAllowed } from '../http-errors.js';
import type { IndexHolder } from '../index-holder.js';

/** GET /documents/:docId — the cleaned article, so a citation can be shown in context. */
export function documentsRouter(holder: IndexHolder): Router {
  const router = Router();
  router
    .route('/documents/*docId')
    .get((req, res) => {
      const raw = (req.params as { docId: string | string[] }).docId;
      const docId = Array.isArray(raw) ? raw.join('/') : raw;
      const engine = holder.current();
      const doc = engine.store.document(docId);
      if (!doc) throw new NewsdeskError('DOCUMENT_NOT_FOUND', `No document with id "${docId}" in the index.`, 404);
      const passages = engine.store.passages.filter((p) => p.docId === docId).map((p) => ({ chunkId: p.chunkId, start: p.start, end: p.end }));
      res.json({ docId: doc.docId, title: doc.title, source: articleSource(doc), url: doc.url, published: doc.published, addedAt: doc.addedAt, lang: doc.lang, text: doc.cleanText, passages, index: { version: engine.store.manifest.version } });
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
