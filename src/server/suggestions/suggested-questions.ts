import { PASSAGES_CONSIDERED, type QaEngine } from '../../answer/index.js';
import { listDocuments } from '../library/document-summaries.js';
import { candidateQuestions } from './candidate-questions.js';

export interface SuggestedQuestion {
  question: string;
  docId: string;
  title: string;
}

/** How many of the newest articles are tried, and how many questions are kept. */
const ARTICLES_TRIED = 8;
export const MAX_SUGGESTIONS = 4;

/**
 * Questions about the newest articles that the engine really answers, citing the article they
 * were built from: at most one per article, newest article first.
 */
export async function suggestQuestions(engine: QaEngine): Promise<SuggestedQuestion[]> {
  const suggestions: SuggestedQuestion[] = [];
  for (const summary of listDocuments(engine.store, 'date', { limit: ARTICLES_TRIED }).documents) {
    if (suggestions.length >= MAX_SUGGESTIONS) break;
    const doc = engine.store.document(summary.docId);
    if (!doc) continue;
    for (const question of candidateQuestions(doc.title, doc.cleanText)) {
      const result = await engine.ask({ question, k: PASSAGES_CONSIDERED }, { mode: 'extractive' });
      if (result.answered && result.citations.some((c) => c.docId === doc.docId)) {
        suggestions.push({ question, docId: doc.docId, title: doc.title });
        break;
      }
    }
  }
  return suggestions;
}

/** One computation per index version, shared by concurrent requests; a failed one is retried. */
export class SuggestionCache {
  private version: string | null = null;
  private pending: Promise<SuggestedQuestion[]> | null = null;

  get(engine: QaEngine): Promise<SuggestedQuestion[]> {
    const version = engine.store.manifest.version;
    if (this.version !== version || !this.pending) {
      this.version = version;
      this.pending = suggestQuestions(engine).catch((error: unknown) => {
        this.pending = null;
        throw error;
      });
    }
    return this.pending;
  }
}
