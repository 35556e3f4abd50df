/** The Library panel: the articles, searchable, one page at a time; an article with its passages; delete and upload for admins. */
import { deleteDocument, jobFinished, servedIndexHas } from './admin-api.js';
import { adminToken, setAdminToken } from './admin-token.js';
import { ApiError, documentText, listDocuments, type DocumentSummary, type DocumentText } from './api.js';
import { articleMeta, passageCount } from './article-meta.js';
import { byId, el } from './dom.js';
import { setUpUpload } from './library-upload.js';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 250;

export interface LibraryHooks {
  /** "Ask about this article": restricts the questions to it. */
  askAbout(docId: string, title: string): void;
  /** The corpus changed (an upload became answerable, or an article was deleted). */
  changed(): void;
}

export function setUpLibrary(hooks: LibraryHooks): void {
  const panel = byId<HTMLElement>('library');
  const openButton = byId<HTMLButtonElement>('library-button');
  const browse = byId<HTMLElement>('library-browse');
  const articleView = byId<HTMLElement>('library-article');
  const search = byId<HTMLInputElement>('library-search');
  const list = byId<HTMLElement>('library-list');
  const count = byId<HTMLElement>('library-count');
  const more = byId<HTMLButtonElement>('library-more');
  let loaded = 0;
  let generation = 0;

  const loadPage = async (reset: boolean) => {
    const mine = reset ? ++generation : generation;
    if (reset) loaded = 0;
    more.disabled = true;
    try {
      const page = await listDocuments({ q: search.value.trim(), offset: loaded, limit: PAGE_SIZE });
      if (mine !== generation) return; // a newer search has started
      if (reset) list.replaceChildren();
      list.append(...page.documents.map(listItem));
      loaded += page.documents.length;
      count.textContent = page.total === 0 ? 'No article matches.' : `${loaded} of ${page.total} article${page.total === 1 ? '' : 's'}`;
      more.hidden = loaded >= page.total;
    } catch (error) {
      if (mine === generation) count.textContent = `Could not load the library: ${messageOf(error)}`;
    } finally {
      more.disabled = false;
    }
  };

  const listItem = (doc: DocumentSummary): HTMLElement => {
    const open = el('button', { className: 'library-title', text: doc.title, attrs: { type: 'button' } });
    open.addEventListener('click', () => void showArticle(doc.docId));
    const meta = articleMeta(doc.source, doc.url, [doc.published ?? 'no date', passageCount(doc.passages)]);
    const item = el('li', { className: 'library-item', attrs: { 'data-doc': doc.docId } }, [open, meta]);
    if (adminToken()) item.append(deleteButton(doc, item));
    return item;
  };

  const deleteButton = (doc: DocumentSummary, item: HTMLElement): HTMLElement => {
    const button = el('button', { className: 'secondary danger', text: 'Delete', attrs: { type: 'button', 'aria-label': `Delete “${doc.title}”` } });
    const status = el('span', { className: 'delete-status', attrs: { role: 'status' } });
    button.addEventListener('click', () => {
      const token = adminToken();
      if (!token || !confirm(`Delete “${doc.title}” from the library? It will no longer be used to answer.`)) return;
      button.disabled = true;
      status.textContent = 'Deleting…';
      void deleteDocument(token, doc.docId)
        .then((r) => jobFinished(token, r.jobId))
        .then(() => servedIndexHas(doc.docId, false))
        .then(() => {
          item.remove();
          hooks.changed();
          void loadPage(true);
        })
        .catch((error: unknown) => {
          button.disabled = false;
          status.textContent = `Not deleted: ${messageOf(error)}`;
        });
    });
    return el('span', { className: 'delete' }, [button, status]);
  };

  const showArticle = async (docId: string) => {
    browse.hidden = true;
    articleView.hidden = false;
    articleView.replaceChildren(el('p', { className: 'hint', text: 'Loading the article…' }));
    try {
      articleView.replaceChildren(...articleNodes(await documentText(docId)));
    } catch (error) {
      articleView.replaceChildren(backButton(), el('p', { text: `Could not load the article: ${messageOf(error)}` }));
    }
    articleView.querySelector<HTMLElement>('h3')?.focus();
  };

  const backButton = () => {
    const back = el('button', { className: 'secondary', text: '← All articles', attrs: { type: 'button' } });
    back.addEventListener('click', () => {
      articleView.hidden = true;
      browse.hidden = false;
      search.focus();
    });
    return back;
  };

  const articleNodes = (doc: DocumentText): Node[] => {
    const meta = articleMeta(doc.source, doc.url, [doc.published ?? 'no date', passageCount(doc.passages.length)]);
    const ask = el('button', { className: 'secondary', text: 'Ask about this article', attrs: { type: 'button' } });
    ask.addEventListener('click', () => {
      hooks.askAbout(doc.docId, doc.title);
      setOpen(false);
    });
    const passages = el(
      'ol',
      { className: 'passages' },
      doc.passages.map((p) => el('li', { className: 'passage', attrs: { 'data-chunk': p.chunkId } }, [doc.text.slice(p.start, p.end)])),
    );
    return [el('div', { className: 'library-actions' }, [backButton(), ask]), el('h3', { text: doc.title, attrs: { tabindex: '-1' } }), meta, passages];
  };

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    openButton.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('library-open', open);
    if (open) {
      void loadPage(true);
      search.focus();
    } else openButton.focus();
  };

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void loadPage(true), SEARCH_DELAY_MS);
  });
  more.addEventListener('click', () => void loadPage(false));
  openButton.addEventListener('click', () => setOpen(panel.hidden));
  byId<HTMLButtonElement>('library-close').addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });
  setUpAdmin(() => {
    hooks.changed();
    void loadPage(true);
  });
}

/** The admin token form; with a token, the upload area and the delete buttons appear. */
function setUpAdmin(changed: () => void): void {
  const form = byId<HTMLFormElement>('admin-form');
  const input = byId<HTMLInputElement>('admin-token');
  const forget = byId<HTMLButtonElement>('admin-forget');
  const upload = byId<HTMLElement>('upload');
  const show = () => {
    const token = adminToken();
    upload.hidden = !token;
    forget.hidden = !token;
    input.value = '';
    input.placeholder = token ? 'Token entered for this tab' : '';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setAdminToken(input.value.trim() || null);
    show();
    changed();
  });
  forget.addEventListener('click', () => {
    setAdminToken(null);
    show();
    changed();
  });
  setUpUpload(byId('dropzone'), byId<HTMLInputElement>('upload-files'), byId('upload-list'), adminToken, changed);
  show();
}

const messageOf = (error: unknown) => (error instanceof ApiError || error instanceof Error ? error.message : 'something went wrong');
