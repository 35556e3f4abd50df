import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/index.js';
import { postJson, useSeedServer } from '../helpers/server.js';

interface AskBody {
  answer: string;
  answered: boolean;
  citations: Citation[];
  answerSpan?: { n: number; start: number; end: number; text: string };
}

interface Turn {
  role: 'user' | 'assistant';
  content: string;
  docIds?: string[];
}

const ctx = useSeedServer();

/** Asks as the chat page does: the earlier questions and answers (with the articles they cited) as history. */
async function converse(questions: string[]): Promise<AskBody[]> {
  const history: Turn[] = [];
  const answers: AskBody[] = [];
  for (const question of questions) {
    const { status, json } = await postJson(`${ctx.server.url}/ask`, { question, history });
    expect(status).toBe(200);
    const body = json as unknown as AskBody;
    answers.push(body);
    history.push({ role: 'user', content: question }, { role: 'assistant', content: body.answer, docIds: [...new Set(body.citations.map((c) => c.docId))] });
  }
  return answers;
}

describe('a follow-up conversation keeps the previous answer’s article in view', () => {
  it('answers "Where?" and "Who else attended?" from the Digital Week article', async () => {
    const [first, where, who] = await converse(['When does Vietnam International Digital Week 2025 take place?', 'Where?', 'How many delegates attended?']);
    expect(first.answered).toBe(true);
    expect(where.answered).toBe(true);
    expect(where.answer).toContain('Ninh Binh');
    expect(where.citations[0].docId).toBe('000_232b39a335cc49bd.txt');
    expect(who.answer).toContain('800');
  });

  it('gives the exact words that answer, inside the quote', async () => {
    const [first] = await converse(['When does Vietnam International Digital Week 2025 take place?']);
    expect(first.answerSpan).toBeDefined();
    const span = first.answerSpan!;
    const cited = first.citations.find((c) => c.n === span.n)!;
    expect(cited.quote.slice(span.start, span.end)).toBe(span.text);
    expect(span.text).toMatch(/\b(19|20)\d\d\b|October/);
  });

  it('accepts the articles an answer cited in the history, and refuses a malformed list', async () => {
    const bad = await postJson(`${ctx.server.url}/ask`, { question: 'Where?', history: [{ role: 'assistant', content: 'x', docIds: 'not a list' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('history.0.docIds');
  });
});
