import { Router } from 'express';
import { InvalidRequestError, NewsdeskError } from '../../errors.js';
import { methodNotAllowed } from '../http-errors.js';
import type { IndexHolder } from '../index-holder.js';
import { listDocuments, summarize } from '../library/document-summaries.js';
import { describeIssues, DocumentListQuerySchema } from '../schemas.js';

/**
 * GET /documents — the library: articles filtered by `q`, sorted, one page at a time.
 * GET /documents/:docId — the cleaned article, so a citation can be shown in context.
 */
export function documentsRouter(holder: IndexHolder): Router {
  const router = Router();
  router
    .route('/documents')
    .get((req, res) => {
      const parsed = DocumentListQuerySchema.safeParse(req.query);
      if (!parsed.success) {
        const { message, fields } = describeIssues(parsed.error);
        throw new InvalidRequestError(message, { fields });
      }
      const { q, sort, offset, limit } = parsed.data;
      const engine = holder.current();
      const { total, documents } = listDocuments(engine.store, sort, { q, offset, limit });
      res.json({ total, offset, limit, documents, index: { version: engine.store.manifest.version } });
    })
    .all(methodNotAllowed(['GET']));
  router
    .route('/documents/*docId')
    .get((req, res) => {
      const raw = (req.params as { docId: string | string[] }).docId;
      const docId = Array.isArray(raw) ? raw.join('/') : raw;
      const engine = holder.current();
      const doc = engine.store.document(docId);
      if (!doc) throw new NewsdeskError('DOCUMENT_NOT_FOUND', `No document with id "${docId}" in the index.`, 404);
      const passages = engine.store.passagesOf(docId).map((p) => ({ chunkId: p.chunkId, start: p.start, end: p.end }));
      const { url, addedAt, source } = summarize(doc, passages.length);
      res.json({ docId: doc.docId, title: doc.title, source, published: doc.published, lang: doc.lang, url, addedAt, text: doc.cleanText, passages, index: { version: engine.store.manifest.version } });
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
