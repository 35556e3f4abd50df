/** The date-range and article filters under the question box, sent with every question. */
import { listDocuments, type AskFilters } from './api.js';
import { byId, el } from './dom.js';

export interface FilterControls {
  current(): AskFilters | undefined;
  /** Restricts questions to one article (from the library). */
  setArticle(docId: string, title: string): void;
  /** Reloads the article list (after an upload or a delete). */
  refreshArticles(): Promise<void>;
}

export function setUpFilters(): FilterControls {
  const details = byId<HTMLDetailsElement>('filters');
  const after = byId<HTMLInputElement>('filter-after');
  const before = byId<HTMLInputElement>('filter-before');
  const article = byId<HTMLSelectElement>('filter-doc');
  const summary = byId<HTMLElement>('filter-summary');
  const problem = byId<HTMLElement>('filter-problem');

  const current = (): AskFilters | undefined => {
    const filters: AskFilters = {};
    if (after.value) filters.after = after.value;
    if (before.value) filters.before = before.value;
    if (article.value) filters.docId = article.value;
    return Object.keys(filters).length > 0 ? filters : undefined;
  };
  const describe = () => {
    const f = current();
    const parts = [f?.after && `from ${f.after}`, f?.before && `to ${f.before}`, f?.docId && `in “${article.selectedOptions[0]?.textContent ?? f.docId}”`].filter(Boolean);
    summary.textContent = parts.length > 0 ? `: ${parts.join(', ')}` : '';
    problem.textContent = f?.after && f.before && f.after > f.before ? 'The “From” date is after the “To” date: no article can match.' : '';
  };
  for (const control of [after, before, article]) control.addEventListener('change', describe);
  byId<HTMLButtonElement>('filter-clear').addEventListener('click', () => {
    after.value = '';
    before.value = '';
    article.value = '';
    describe();
  });

  const refreshArticles = async () => {
    const chosen = article.value;
    const page = await listDocuments({ sort: 'title', limit: 100 }).catch(() => null);
    if (!page) return;
    article.replaceChildren(el('option', { text: 'All articles', attrs: { value: '' } }), ...page.documents.map((d) => el('option', { text: d.title, attrs: { value: d.docId } })));
    article.value = page.documents.some((d) => d.docId === chosen) ? chosen : '';
    describe();
  };

  return {
    current,
    refreshArticles,
    setArticle(docId, title) {
      if (![...article.options].some((o) => o.value === docId)) article.append(el('option', { text: title, attrs: { value: docId } }));
      article.value = docId;
      details.open = true;
      describe();
    },
  };
}
