import { ApiError, health } from './api.js';
import { byId } from './dom.js';
import { setUpChat } from './chat.js';
import { watchLength } from './char-counter.js';
import { setUpFilters } from './filters.js';
import { setUpLibrary } from './library.js';
import { showSuggestions } from './suggestions.js';

const form = byId<HTMLFormElement>('ask-form');
const input = byId<HTMLTextAreaElement>('question');
const status = byId<HTMLElement>('index-status');
const suggestionList = byId<HTMLElement>('suggestions');

const questionFits = watchLength(input, byId('char-count'));
const filters = setUpFilters();
const chat = setUpChat(
  { conversation: byId('conversation'), emptyState: byId('empty-state'), announcer: byId('announcer'), input, send: byId<HTMLButtonElement>('send') },
  filters.current,
  questionFits,
);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void chat.ask(input.value);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void chat.ask(input.value);
  }
});

byId<HTMLButtonElement>('new-conversation').addEventListener('click', () => chat.startOver());

const corpusChanged = () => {
  void showStatus();
  void filters.refreshArticles();
  void showSuggestions(suggestionList, (q) => void chat.ask(q));
};

setUpLibrary({ askAbout: (docId, title) => { filters.setArticle(docId, title); input.focus(); }, changed: corpusChanged });

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

corpusChanged();
setInterval(() => void showStatus(), 30_000);
input.focus();
