import type { AskResponse, Citation } from './api.js';
import { documentText } from './api.js';
import { el, highlighted } from './dom.js';

let answerCount = 0;

/** One answer: its text with clickable [n] markers, then its source cards. */
export function renderAnswer(response: AskResponse): HTMLElement {
  const id = ++answerCount;
  const cardId = (n: number) => `a${id}-c${n}`;
  const turn = el('article', { className: `turn assistant${response.answered ? '' : ' not-answered'}`, attrs: { 'aria-label': response.answered ? 'Answer' : 'No answer found' } });
  turn.append(el('p', { className: 'answer-text' }, answerWithMarkers(response.answer, response.citations, cardId)));
  if (response.citations.length > 0) {
    turn.append(el('h2', { className: 'sources-label', text: response.answered ? 'Sources' : 'Related passages (not an answer)' }));
    const list = el('ol', { className: 'cards' });
    for (const c of response.citations) list.append(renderCard(c, cardId(c.n), response.answered));
    turn.append(list);
  }
  return turn;
}

function answerWithMarkers(answer: string, citations: Citation[], cardId: (n: number) => string): Node[] {
  const known = new Set(citations.map((c) => c.n));
  const nodes: Node[] = [];
  let last = 0;
  for (const match of answer.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (!known.has(n)) continue;
    nodes.push(document.createTextNode(answer.slice(last, match.index)));
    const marker = el('button', { className: 'marker', text: `${n}`, attrs: { type: 'button', 'aria-label': `Show source ${n}`, 'data-target': cardId(n) } });
    marker.addEventListener('click', () => focusCard(cardId(n)));
    nodes.push(marker);
    last = (match.index ?? 0) + match[0].length;
  }
  nodes.push(document.createTextNode(answer.slice(last)));
  return nodes;
}

function focusCard(id: string): void {
  const card = document.getElementById(id);
  if (!card) return;
  card.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  card.focus({ preventScroll: true });
  card.classList.add('flash');
  setTimeout(() => card.classList.remove('flash'), 1600);
}

function renderCard(c: Citation, id: string, answered: boolean): HTMLElement {
  const quoteAt = c.text.indexOf(c.quote);
  const meta = [c.source, c.published ?? 'date not stated'].join(' · ');
  const card = el('li', { className: `card${answered ? '' : ' related'}`, attrs: { id, tabindex: '-1', 'data-chunk': c.chunkId } }, [
    el('h3', { text: `[${c.n}] ${c.title}` }),
    el('p', { className: 'meta', text: meta }),
    el('p', { className: 'passage' }, highlighted(c.text, quoteAt, quoteAt + c.quote.length)),
  ]);
  card.append(contextToggle(c));
  return card;
}

/** "Show in article": the cleaned document with this passage highlighted, loaded on first open. */
function contextToggle(c: Citation): HTMLElement {
  const body = el('div', { className: 'doc-text', text: 'Loading the article…' });
  const details = el('details', { className: 'context' }, [el('summary', { text: 'Show in the article' }), body]);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    documentText(c.docId)
      .then((doc) => {
        body.replaceChildren(...highlighted(doc.text, c.start, c.end));
        body.querySelector('mark')?.scrollIntoView({ block: 'nearest' });
      })
      .catch((error: Error) => {
        loaded = false;
        body.textContent = `Could not load the article: ${error.message}`;
      });
  });
  return details;
}

export function renderUserTurn(question: string): HTMLElement {
  return el('div', { className: 'turn user', text: question, attrs: { 'aria-label': 'Your question' } });
}

export function renderLoading(): HTMLElement {
  return el('div', { className: 'turn loading', text: 'Searching the articles…', attrs: { role: 'status' } });
}

export function renderError(message: string, retry: () => void): HTMLElement {
  const button = el('button', { className: 'secondary', text: 'Try again', attrs: { type: 'button' } });
  button.addEventListener('click', retry);
  return el('div', { className: 'turn error', attrs: { role: 'alert' } }, [el('p', { text: message }), button]);
}
