/** "Copy" on an answer: each quote, then "— Title, Source, Date, URL". */
import type { AskResponse, Citation } from './api.js';
import { el } from './dom.js';

export function attribution(c: Pick<Citation, 'title' | 'source' | 'published' | 'url'>): string {
  return `— ${[c.title, c.source, c.published, c.url].filter((part): part is string => Boolean(part)).join(', ')}`;
}

export function citationText(response: AskResponse): string {
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const c of response.citations) {
    const key = `${c.docId}\u0000${c.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push(`“${c.quote.trim()}”\n${attribution(c)}`);
  }
  return blocks.join('\n\n');
}

/** The button, which says "Copied" for a moment, or why it could not copy. */
export function copyButton(response: AskResponse): HTMLButtonElement {
  const button = el('button', { className: 'secondary copy', text: 'Copy', attrs: { type: 'button', 'aria-label': 'Copy the quotes with their sources' } });
  button.addEventListener('click', () => {
    void writeToClipboard(citationText(response))
      .then(
        () => flash(button, 'Copied'),
        () => flash(button, 'Could not copy'),
      );
  });
  return button;
}

/** The Clipboard API, or (served over plain HTTP to another machine, where it is missing) a selected text area. */
async function writeToClipboard(text: string): Promise<void> {
  if (navigator.clipboard) return navigator.clipboard.writeText(text);
  const area = el('textarea', { className: 'visually-hidden', attrs: { readonly: '' } });
  area.value = text;
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}

function flash(button: HTMLButtonElement, text: string): void {
  button.textContent = text;
  setTimeout(() => (button.textContent = 'Copy'), 2000);
}
