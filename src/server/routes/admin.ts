import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import type { Config } from '../../config.js';
import { InvalidRequestError, NewsdeskError } from '../../errors.js';
import { requireAdminToken } from '../admin-auth.js';
import { articleFromJson, checkUpload, NewDocumentSchema, type DocumentIntake } from '../document-intake.js';
import { methodNotAllowed } from '../http-errors.js';
import type { ReindexJobs } from '../reindex-jobs.js';
import { describeIssues } from '../schemas.js';

/** /admin: re-index on demand, add and delete articles, list jobs; bearer token from ADMIN_TOKEN. */
export function adminRouter(config: Config, jobs: ReindexJobs, intake: DocumentIntake): Router {
  const router = Router();
  router.use('/admin', requireAdminToken(config.server.adminToken));

  router
    .route('/admin/reindex')
    .post((_req, res) => {
      const { job } = jobs.start('api');
      res.status(202).json({ jobId: job.id, status: job.status, statusUrl: `/admin/reindex/${job.id}` });
    })
    .all(methodNotAllowed(['POST']));

  for (const path of ['/admin/reindex/:id', '/admin/jobs/:id']) {
    router
      .route(path)
      .get((req, res) => {
        const id = String(req.params.id);
        const job = jobs.get(id);
        if (!job) throw new NewsdeskError('JOB_NOT_FOUND', `No re-index job with id "${id}".`, 404);
        res.json(job);
      })
      .all(methodNotAllowed(['GET']));
  }

  router
    .route('/admin/jobs')
    .get((_req, res) => {
      res.json({ jobs: jobs.list() });
    })
    .all(methodNotAllowed(['GET']));

  router
    .route('/admin/documents')
    .post(uploadOptional(config.ingest.maxFileBytes), async (req, res) => {
      const { extension, content } = req.file ? checkUpload(req.file.originalname, req.file.buffer, config.ingest.maxFileBytes) : fromJson(req.body, req.is('application/json') !== false);
      const stored = await intake.add(extension, content);
      if (stored.duplicate) {
        // The same article is already in the corpus: nothing stored, nothing to index; safe to retry.
        res.status(200).json({ docId: stored.docId, duplicate: true, documentUrl: `/documents/${stored.docId}` });
        return;
      }
      const { job } = jobs.enqueue('document upload', [stored.docId]);
      res.status(202).json({ docId: stored.docId, duplicate: false, jobId: job.id, status: job.status, statusUrl: `/admin/reindex/${job.id}` });
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/admin/documents/*docId')
    .delete(async (req, res) => {
      const raw = (req.params as { docId: string | string[] }).docId;
      const docId = Array.isArray(raw) ? raw.join('/') : raw;
      if (!(await intake.remove(docId))) throw new NewsdeskError('DOCUMENT_NOT_FOUND', `No uploaded article "${docId}" in the corpus.`, 404);
      const { job } = jobs.enqueue('document delete', [docId]);
      res.status(202).json({ docId, deleted: true, jobId: job.id, status: job.status, statusUrl: `/admin/reindex/${job.id}` });
    })
    .all(methodNotAllowed(['DELETE']));
  return router;
}

function fromJson(body: unknown, isJson: boolean): { extension: string; content: string } {
  if (!isJson) throw new NewsdeskError('UNSUPPORTED_MEDIA_TYPE', 'Send the article as JSON ({ "text": … }) or as a multipart upload in the field "file".', 415);
  const parsed = NewDocumentSchema.safeParse(body);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw new InvalidRequestError(message, { fields });
  }
  return { extension: '.txt', content: articleFromJson(parsed.data) };
}

/** Parses a multipart upload (one file, field "file") when the request is multipart; otherwise passes through. */
function uploadOptional(maxBytes: number): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 }, preservePath: true }).single('file');
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    upload(req, res, (error: unknown) => {
      if (!error) return next();
      const e = error as { code?: string; message?: string };
      if (e.code === 'LIMIT_FILE_SIZE') return next(new NewsdeskError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`, 413));
      next(new InvalidRequestError(`The upload could not be read: ${e.message ?? 'malformed multipart body'}. Send one file in the field "file".`));
    });
  };
}
