import { describe, expect, it } from 'vitest';
import { candidateQuestions, subjectQuestion, whenWillQuestion } from '../../src/server/suggestions/candidate-questions.js';
import { postJson, useSeedServer } from '../helpers/server.js';

const ctx = useSeedServer();

interface Suggestions {
  suggestions: Array<{ question: string; docId: string; title: string }>;
  index: { version: string };
}

describe('candidate questions', () => {
  it('turns a title or first sentence into a question its article answers', () => {
    expect(subjectQuestion('UN Under-Secretary-General lauds Vietnam as key partner in AI')).toBe('Who lauds Vietnam as key partner in AI?');
    expect(subjectQuestion('The Vietnam International Digital Week 2025 officially opened in Ninh Binh Province this morning.')).toBe('What officially opened in Ninh Binh Province this morning?');
    expect(whenWillQuestion('Vietnam to Announce Updated National AI Strategy and First AI Law')).toBe('When will Vietnam announce Updated National AI Strategy and First AI Law?');
    expect(candidateQuestions('Short', 'Short')).toEqual(['What happened: Short?']);
  });
});

describe('GET /suggestions', () => {
  it('suggests at most 4 questions, each answered with a citation into its article, the same while the index is unchanged', async () => {
    const res = await fetch(`${ctx.server.url}/suggestions`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Suggestions;
    expect(body.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(body.suggestions.length).toBeLessThanOrEqual(4);
    expect(new Set(body.suggestions.map((s) => s.docId)).size).toBe(body.suggestions.length);
    for (const s of body.suggestions) {
      expect(s.question).not.toMatch(/ about\?$/);
      const { json } = await postJson(`${ctx.server.url}/ask`, { question: s.question });
      expect(json.answered, s.question).toBe(true);
      expect((json.citations as Array<{ docId: string }>).some((c) => c.docId === s.docId), s.question).toBe(true);
    }
    const again = (await (await fetch(`${ctx.server.url}/suggestions`)).json()) as Suggestions;
    expect(again).toEqual(body);
  });
});
