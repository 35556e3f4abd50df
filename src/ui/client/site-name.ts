import { el } from './dom.js';

/** "https://www.example.com/a" → "example.com"; null for a missing or unreadable URL. */
export function siteName(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** A link to the article's page, named by its site, opened in a new tab without handing it this page. */
export function siteLink(url: string | null | undefined): HTMLAnchorElement | null {
  const name = siteName(url);
  if (!name || !url) return null;
  return el('a', { className: 'site-link', text: name, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } });
}
