import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import type { Config } from '../../config.js';
import { InvalidRequestError, NewsdeskError } from '../../errors.js';
import { requireAdminToken } from '../admin-auth.js';
import { articleFromJson, checkUpload, NewDocumentSchema, storeArticle } from '../document-intake.js';
import { methodNotAllowed } from '../http-errors.js';
import type { ReindexJobs } from '../reindex-jobs.js';
import { describeIssues } from '../schemas.js';

/** /admin: re-index on demand and add articles; bearer token from ADMIN_TOKEN. */
export function adminRouter(config: Config, jobs: ReindexJobs): Router {
  const router = Router();
  router.use('/admin', requireAdminToken(config.server.adminToken));

  router
    .route('/admin/reindex')
    .post((_req, res) => {
      const { job } = jobs.start('api');
      res.status(202).json({ jobId: job.id, status: job.status, statusUrl: `/admin/reindex/${job.id}` });
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/admin/reindex/:id')
    .get((req, res) => {
      const job = jobs.get(req.params.id);
      if (!job) throw new NewsdeskError('JOB_NOT_FOUND', `No re-index job with id "${req.params.id}".`, 404);
      res.json(job);
    })
    .all(methodNotAllowed(['GET']));

  router
    .route('/admin/documents')
    .post(uploadOptional(config.ingest.maxFileBytes), async (req, res) => {
      if (jobs.current) throw new NewsdeskError('INGEST_RUNNING', `A re-index (job ${jobs.current.id}) is running; retry when it has finished.`, 409, { jobId: jobs.current.id });
      const { extension, content } = req.file ? checkUpload(req.file.originalname, req.file.buffer, config.ingest.maxFileBytes) : fromJson(req.body, req.is('application/json') !== false);
      const stored = await storeArticle(config.corpusDir, extension, content);
      const { job } = jobs.start('document upload');
      res.status(202).json({ docId: stored.docId, jobId: job.id, statusUrl: `/admin/reindex/${job.id}` });
    })
    .all(methodNotAllowed(['POST']));
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
