import { ApiError, askStreaming, health, type Turn } from './api.js';
import { renderAnswer, renderError, renderLoading, renderStreaming, renderUserTurn } from './render.js';

const MAX_HISTORY = 20;
/** History only steers follow-up questions: a turn is clipped so that 20 of them always fit the request limits (4,000 characters a turn, 64 kB a body). */
const MAX_TURN_CHARS = 1000;
const clip = (text: string) => (text.length > MAX_TURN_CHARS ? text.slice(0, MAX_TURN_CHARS) : text);
const history: Turn[] = [];

const form = document.getElementById('ask-form') as HTMLFormElement;
const input = document.getElementById('question') as HTMLTextAreaElement;
const send = document.getElementById('send') as HTMLButtonElement;
const conversation = document.getElementById('conversation') as HTMLElement;
const status = document.getElementById('index-status') as HTMLElement;

async function submit(question: string): Promise<void> {
  if (question.trim() === '' || send.disabled) return;
  send.disabled = true;
  const userTurn = renderUserTurn(question);
  const loading = renderLoading();
  conversation.append(userTurn, loading);
  loading.scrollIntoView({ block: 'nearest' });
  // The generated text is shown as it arrives, then replaced by the checked answer.
  let pending: HTMLElement = loading;
  let streaming: ReturnType<typeof renderStreaming> | null = null;
  try {
    const response = await askStreaming(question, history.slice(-MAX_HISTORY), (text) => {
      if (!streaming) {
        streaming = renderStreaming();
        pending.replaceWith(streaming.element);
        pending = streaming.element;
      }
      streaming.append(text);
    });
    pending.replaceWith(renderAnswer(response));
    history.push({ role: 'user', content: clip(question) }, { role: 'assistant', content: clip(response.answer), docIds: [...new Set(response.citations.map((c) => c.docId))] });
    if (input.value === question) input.value = '';
  } catch (error) {
    const message = error instanceof ApiError ? error.message : 'Something went wrong.';
    // Nothing typed is lost: the question goes back into the box and can be retried.
    if (input.value.trim() === '') input.value = question;
    pending.replaceWith(
      renderError(message, () => {
        userTurn.remove();
        conversation.querySelector('.turn.error:last-of-type')?.remove();
        void submit(question);
      }),
    );
  } finally {
    send.disabled = false;
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void submit(input.value);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void submit(input.value);
  }
});

async function showStatus(): Promise<void> {
  try {
    const h = await health();
    if (!h.index) throw new ApiError('no index');
    const built = new Date(h.index.builtAt).toLocaleString();
    status.textContent = `${h.index.documents} articles · ${h.index.passages} passages · indexed ${built}`;
  } catch {
    status.textContent = 'The index is not ready: run npm run ingest on the server.';
  }
}

void showStatus();
setInterval(() => void showStatus(), 30_000);
input.focus();
