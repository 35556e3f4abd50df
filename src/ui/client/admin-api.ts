/** The admin calls the library makes with the token entered in the page. */
import { ApiError, docPath, request } from './api.js';

export interface UploadAccepted {
  docId: string;
  duplicate: boolean;
  jobId?: string;
}

export interface JobStatus {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | string;
  summary: { skipped: Array<{ path: string; reason: string }> } | null;
  error: { code: string; message: string } | null;
}

/** An admin call with the token; a refused token is said so. */
async function admin<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  try {
    return await request<T>(path, { ...init, headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw new ApiError('the admin token was refused; enter the ADMIN_TOKEN the server was started with', 401);
    throw error;
  }
}

export function uploadDocument(token: string, file: File): Promise<UploadAccepted> {
  const body = new FormData();
  body.append('file', file, file.name);
  return admin<UploadAccepted>(token, '/admin/documents', { method: 'POST', body });
}

export const jobStatus = (token: string, jobId: string) => admin<JobStatus>(token, `/admin/reindex/${encodeURIComponent(jobId)}`);

export const deleteDocument = (token: string, docId: string) => admin<{ jobId: string }>(token, `/admin/documents/${docPath(docId)}`, { method: 'DELETE' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a re-index job until it has finished; throws its error when it failed. */
export async function jobFinished(token: string, jobId: string, timeoutMs = 180_000): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobStatus(token, jobId);
    if (job.status === 'succeeded') return job;
    if (job.status === 'failed') throw new ApiError(job.error?.message ?? 'The re-index failed.');
    if (Date.now() > deadline) throw new ApiError('The re-index is taking too long; check GET /admin/jobs.');
    await sleep(400);
  }
}

/** Waits until the served index has (or no longer has) the article: the server swaps versions within its poll interval. */
export async function servedIndexHas(docId: string, present: boolean, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`/documents/${docPath(docId)}`, { method: 'GET' }).catch(() => null);
    if (res && (res.status === 200) === present) return true;
    if (Date.now() > deadline) return false;
    await sleep(300);
  }
}
