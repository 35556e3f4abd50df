import { siteName } from '../../ingest/site-name.js';
import { el } from './dom.js';

/** A link to the article's page, named by its site, opened in a new tab without handing it this page. */
export function siteLink(url: string | null | undefined): HTMLAnchorElement | null {
  if (!url) return null;
  const name = siteName(url);
  if (!name) return null;
  return el('a', { className: 'site-link', text: name, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } });
}
