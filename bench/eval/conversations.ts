import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PASSAGES_CONSIDERED, type QaEngine } from '../../src/answer/index.js';
import type { ChatTurn } from '../../src/retrieve/index.js';
import { containsText } from './metrics.js';

const ConversationSchema = z.object({
  id: z.string(),
  lang: z.enum(['en', 'vi']),
  /** Which corpus the conversation is about: the seed articles or a dev set's. */
  corpus: z.string(),
  doc: z.string(),
  turns: z.array(z.object({ q: z.string().min(1), a: z.array(z.string().min(1)).min(1) })).min(2),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export async function loadConversations(path: string): Promise<Conversation[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  return lines.flatMap((line, i) => {
    if (line.trim() === '') return [];
    const parsed = ConversationSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return [parsed.data];
  });
}

export interface TurnOutcome {
  conversation: string;
  turn: number;
  answered: boolean;
  accepted: boolean;
}

/**
 * Plays each conversation through the engine as the chat page does: every turn
 * is asked with the earlier questions and the engine's own earlier answers (and
 * the articles they cited) as history. The follow-up turns are scored.
 */
export async function playConversations(engine: QaEngine, conversations: Conversation[]): Promise<TurnOutcome[]> {
  const outcomes: TurnOutcome[] = [];
  for (const c of conversations) {
    const history: ChatTurn[] = [];
    for (const [turn, { q, a }] of c.turns.entries()) {
      const r = await engine.ask({ question: q, k: PASSAGES_CONSIDERED, history });
      if (turn > 0) outcomes.push({ conversation: c.id, turn, answered: r.answered, accepted: r.answered && a.some((x) => containsText(r.answer, x)) });
      history.push({ role: 'user', content: q }, { role: 'assistant', content: r.answer, docIds: [...new Set(r.citations.map((x) => x.docId))] });
    }
  }
  return outcomes;
}
