/** The conversation: asking, showing each answer in view, keeping it across reloads. */
import { ApiError, askStreaming, type AskFilters, type Turn } from './api.js';
import { clearConversation, loadConversation, saveConversation, type StoredExchange } from './conversation-store.js';
import { revealNewest } from './reveal.js';
import { renderAnswer, renderError, renderLoading, renderStreaming, renderUserTurn, spokenAnswer } from './render.js';

const MAX_HISTORY = 20;
/** History only steers follow-up questions: a turn is clipped so that 20 of them always fit the request limits (4,000 characters a turn, 64 kB a body). */
const MAX_TURN_CHARS = 1000;
const clip = (text: string) => (text.length > MAX_TURN_CHARS ? text.slice(0, MAX_TURN_CHARS) : text);

export interface ChatElements {
  conversation: HTMLElement;
  emptyState: HTMLElement;
  announcer: HTMLElement;
  input: HTMLTextAreaElement;
  send: HTMLButtonElement;
}

export interface Chat {
  ask(question: string): Promise<void>;
  startOver(): void;
}

function historyOf(exchanges: StoredExchange[]): Turn[] {
  return exchanges
    .flatMap((e): Turn[] => [
      { role: 'user', content: clip(e.question) },
      { role: 'assistant', content: clip(e.response.answer), docIds: [...new Set(e.response.citations.map((c) => c.docId))] },
    ])
    .slice(-MAX_HISTORY);
}

export function setUpChat(ui: ChatElements, filters: () => AskFilters | undefined, questionFits: () => boolean): Chat {
  const exchanges = loadConversation();
  const showEmptyState = () => {
    ui.emptyState.hidden = ui.conversation.querySelector('.turn') !== null;
  };

  for (const e of exchanges) ui.conversation.append(renderUserTurn(e.question), renderAnswer(e.response));
  showEmptyState();
  ui.conversation.scrollTop = ui.conversation.scrollHeight;

  async function ask(question: string): Promise<void> {
    if (question.trim() === '' || ui.send.disabled) return;
    if (!questionFits()) {
      ui.input.focus();
      return;
    }
    ui.send.disabled = true;
    const userTurn = renderUserTurn(question);
    const loading = renderLoading();
    ui.conversation.append(userTurn, loading);
    showEmptyState();
    revealNewest(ui.conversation, userTurn, loading);
    // The generated text is shown as it arrives, then replaced by the checked answer.
    let pending: HTMLElement = loading;
    let streaming: ReturnType<typeof renderStreaming> | null = null;
    const askedWith = filters();
    try {
      const response = await askStreaming(question, { history: historyOf(exchanges), filters: askedWith }, (text) => {
        if (!streaming) {
          streaming = renderStreaming();
          pending.replaceWith(streaming.element);
          pending = streaming.element;
        }
        streaming.append(text);
      });
      const answer = renderAnswer(response);
      pending.replaceWith(answer);
      revealNewest(ui.conversation, userTurn, answer);
      ui.announcer.textContent = spokenAnswer(response);
      exchanges.push({ question, response, ...(askedWith ? { filters: askedWith } : {}) });
      saveConversation(exchanges);
      if (ui.input.value === question) ui.input.value = '';
      ui.input.dispatchEvent(new Event('input'));
    } catch (error) {
      const message = error instanceof ApiError ? error.message : 'Something went wrong.';
      // Nothing typed is lost: the question goes back into the box and can be retried.
      if (ui.input.value.trim() === '') ui.input.value = question;
      const failed = renderError(message, () => {
        userTurn.remove();
        failed.remove();
        void ask(question);
      });
      pending.replaceWith(failed);
      revealNewest(ui.conversation, userTurn, failed);
    } finally {
      ui.send.disabled = false;
      ui.input.focus({ preventScroll: true });
    }
  }

  function startOver(): void {
    exchanges.length = 0;
    clearConversation();
    for (const turn of ui.conversation.querySelectorAll('.turn')) turn.remove();
    ui.announcer.textContent = '';
    showEmptyState();
    ui.input.focus();
  }

  return { ask, startOver };
}
