import { el } from './dom.js';
import { siteLink } from './site-name.js';

/**
 * "Source · date · …": the source, or "source not stated", then `rest`. With a URL, the site's name links
 * to the article's page: in place of the source when the source is that name, after the rest otherwise.
 */
export function articleMeta(source: string | null, url: string | null | undefined, rest: string[]): HTMLParagraphElement {
  const link = siteLink(url);
  if (link && link.textContent === source) return el('p', { className: 'meta' }, [link, ...rest.map((part) => ` · ${part}`)]);
  const meta = el('p', { className: 'meta', text: [source ?? 'source not stated', ...rest].join(' · ') });
  if (link) meta.append(' · ', link);
  return meta;
}

/** "3 passages", "1 passage". */
export const passageCount = (n: number): string => `${n} passage${n === 1 ? '' : 's'}`;
