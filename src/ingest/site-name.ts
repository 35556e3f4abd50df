/** The URL when `text` is an absolute http(s) URL, otherwise null. */
export function httpUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "https://www.vietnamplus.vn/a/b" → "vietnamplus.vn"; null when `url` is not an http(s) URL. */
export function siteName(url: string): string | null {
  const parsed = httpUrl(url);
  return parsed === null ? null : new URL(parsed).hostname.replace(/^www\./, '');
}

/** The source to show for an article: the one it states, else the site its URL is on, else null. */
export function articleSource(doc: { source: string | null; url: string | null }): string | null {
  return doc.source ?? (doc.url === null ? null : siteName(doc.url));
}
