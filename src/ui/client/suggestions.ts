/** The empty state: questions about the newest articles that they are known to answer. */
import { suggestions } from './api.js';
import { el } from './dom.js';

export async function showSuggestions(list: HTMLElement, ask: (question: string) => void): Promise<void> {
  const found = await suggestions().then((r) => r.suggestions, () => []);
  list.replaceChildren(
    ...found.map((s) => {
      const button = el('button', { className: 'suggestion secondary', text: s.question, attrs: { type: 'button', title: `From “${s.title}”` } });
      button.addEventListener('click', () => ask(s.question));
      return el('li', {}, [button]);
    }),
  );
  list.hidden = found.length === 0;
}
