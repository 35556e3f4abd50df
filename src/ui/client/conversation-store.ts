/** The conversation, kept in localStorage so that a reload shows it again. */
import type { AskFilters, AskResponse } from './api.js';

export interface StoredExchange {
  question: string;
  response: AskResponse;
  filters?: AskFilters;
}

const KEY = 'newsdesk.conversation.v1';
/** Older exchanges are dropped first: a long conversation must not fill the browser's storage. */
const MAX_STORED = 40;

function isExchange(value: unknown): value is StoredExchange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { question?: unknown; response?: { answer?: unknown; citations?: unknown } };
  return typeof v.question === 'string' && typeof v.response?.answer === 'string' && Array.isArray(v.response.citations);
}

export function loadConversation(): StoredExchange[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isExchange) : [];
  } catch {
    return [];
  }
}

export function saveConversation(exchanges: StoredExchange[]): void {
  let kept = exchanges.slice(-MAX_STORED);
  while (kept.length > 0) {
    try {
      localStorage.setItem(KEY, JSON.stringify(kept));
      return;
    } catch {
      kept = kept.slice(Math.ceil(kept.length / 2)); // over quota: keep the newer half
    }
  }
  clearConversation();
}

export function clearConversation(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
