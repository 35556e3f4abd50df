import { findDate } from './metadata.js';
import { httpUrl } from './site-name.js';

/** Metadata an article file states outright (header lines, front matter, page tags); each field null when not stated. */
export interface StatedMetadata {
  title: string | null;
  /** ISO date (YYYY-MM-DD); a stated date that is not a real calendar date is dropped. */
  published: string | null;
  /** As written: a name ("VNA") or a URL. */
  source: string | null;
  url: string | null;
}

export const NOTHING_STATED: StatedMetadata = { title: null, published: null, source: null, url: null };

/** Metadata from raw stated values: blank values dropped, dates validated, URLs kept only when they are http(s). */
export function statedMetadata(values: { title?: string | null; date?: string | null; source?: string | null; url?: string | null }): StatedMetadata {
  const date = blankToNull(values.date);
  const url = blankToNull(values.url);
  return {
    title: blankToNull(values.title),
    published: date === null ? null : findDate(date),
    source: blankToNull(values.source),
    url: url === null ? null : httpUrl(url),
  };
}

/** `primary` where it states a field, `fallback` elsewhere. */
export function preferStated(primary: StatedMetadata, fallback: StatedMetadata): StatedMetadata {
  return {
    title: primary.title ?? fallback.title,
    published: primary.published ?? fallback.published,
    source: primary.source ?? fallback.source,
    url: primary.url ?? fallback.url,
  };
}

/** A stated source given only as a URL ("Source: https://…") names no source: it is the article's URL. */
export function splitStatedSource(source: string): { source: string | null; url: string | null } {
  const url = httpUrl(source);
  return url === null ? { source, url: null } : { source: null, url };
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}
