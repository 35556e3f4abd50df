/** Types and calls of the server API, as the page uses them. */
import type { Citation } from '../../answer/answer-result.js';

export type { Citation };

export interface AskResponse {
  answer: string;
  answered: boolean;
  citations: Citation[];
  index: { version: string; model: string };
}

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export interface Health {
  status: string;
  index: { version: string; documents: number; passages: number; model: string; builtAt: string } | null;
}

export interface DocumentText {
  docId: string;
  title: string;
  text: string;
}

export class ApiError extends Error {}

const TIMEOUT_MS = 20_000;

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ApiError(timedOut ? 'The server did not answer in time.' : 'The server cannot be reached. Is it running?');
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(body?.error?.message ?? `The server answered ${res.status}.`);
  return body as T;
}

export const ask = (question: string, history: Turn[]) =>
  request<AskResponse>('/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, history }) });

export const health = () => request<Health>('/health');

export const documentText = (docId: string) => request<DocumentText>(`/documents/${docId.split('/').map(encodeURIComponent).join('/')}`);
