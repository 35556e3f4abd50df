/** Types and calls of the server API, as the page uses them. */
import type { AnswerSpanResult, Citation, CitationCheckSummary, Fallback } from '../../answer/answer-result.js';
import type { DocumentSummary } from '../../server/library/document-summaries.js';
import type { SpellingCorrection } from '../../retrieve/spelling-correction.js';

export type { Citation, DocumentSummary };

export interface AskResponse {
  answer: string;
  answered: boolean;
  citations: Citation[];
  /** The exact words that answer, inside citation n's quote. */
  answerSpan?: AnswerSpanResult;
  /** Words no article has, read as the nearest word the articles have. */
  corrections?: SpellingCorrection[];
  index: { version: string; model: string };
  /** Which answerer wrote the answer (older servers leave it out: extractive). */
  answerer?: 'extractive' | 'generative';
  llmModel?: string;
  check?: CitationCheckSummary;
  fallback?: Fallback;
}

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
  /** For an answer: the articles it cited, so that a follow-up question keeps them in view. */
  docIds?: string[];
}

export interface Health {
  status: string;
  index: { version: string; documents: number; passages: number; model: string; builtAt: string } | null;
}

export interface DocumentPage {
  total: number;
  offset: number;
  limit: number;
  documents: DocumentSummary[];
}

export interface DocumentText {
  docId: string;
  title: string;
  source: string | null;
  published: string | null;
  url?: string | null;
  text: string;
  passages: Array<{ chunkId: string; start: number; end: number }>;
}

export interface AskFilters {
  docId?: string;
  after?: string;
  before?: string;
}

export interface SuggestedQuestion {
  question: string;
  docId: string;
  title: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 20_000;

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ApiError(timedOut ? 'The server did not answer in time.' : 'The server cannot be reached. Is it running?');
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(body?.error?.message ?? `The server answered ${res.status}.`, res.status);
  return body as T;
}

const STREAM_TIMEOUT_MS = 60_000;

/**
 * Asks with `"stream": true`: `onToken` gets the generated text as it arrives (unchecked), and the
 * promise resolves with the checked answer from the final `answer` event. A server that answers
 * with plain JSON (an error, or no streaming) is read as JSON.
 */
export async function askStreaming(question: string, context: { history: Turn[]; filters?: AskFilters }, onToken: (text: string) => void): Promise<AskResponse> {
  let res: Response;
  try {
    res = await fetch('/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream, application/json' },
      body: JSON.stringify({ question, history: context.history, ...(context.filters ? { filters: context.filters } : {}), stream: true }),
      signal: AbortSignal.timeout(STREAM_TIMEOUT_MS),
    });
  } catch (error) {
    throw connectionError(error);
  }
  if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream') || !res.body) {
    const body = (await res.json().catch(() => null)) as (AskResponse & { error?: { message?: string } }) | null;
    if (!res.ok || !body) throw new ApiError(body?.error?.message ?? `The server answered ${res.status}.`);
    return body;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data === undefined) continue;
        const parsed = JSON.parse(data) as { text?: string; error?: { message?: string } } & AskResponse;
        if (event === 'token' && typeof parsed.text === 'string') onToken(parsed.text);
        else if (event === 'answer') return parsed;
        else if (event === 'error') throw new ApiError(parsed.error?.message ?? 'Something went wrong on the server.');
      }
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw connectionError(error);
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  throw new ApiError('The answer stopped before it was complete. Try again.');
}

function connectionError(error: unknown): ApiError {
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
  return new ApiError(timedOut ? 'The server did not answer in time.' : 'The server cannot be reached. Is it running?');
}

export const health = () => request<Health>('/health');

/** A docId ("uploads/2025-…txt") as a URL path, each segment escaped. */
export const docPath = (docId: string) => docId.split('/').map(encodeURIComponent).join('/');

export const documentText = (docId: string) => request<DocumentText>(`/documents/${docPath(docId)}`);

export function listDocuments(query: { q?: string; sort?: 'date' | 'title'; offset?: number; limit?: number }): Promise<DocumentPage> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  return request<DocumentPage>(`/documents?${params.toString()}`);
}

export const suggestions = () => request<{ suggestions: SuggestedQuestion[] }>('/suggestions');
