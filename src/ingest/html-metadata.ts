import { z } from 'zod';
import { httpUrl } from './site-name.js';
import { statedMetadata, type StatedMetadata } from './stated-metadata.js';

const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle']);
const Text = z.string().optional().catch(undefined);
/** The JSON-LD fields read from an article node; a field of an unexpected shape is ignored, not fatal. */
const LdArticleSchema = z.object({
  '@type': z.union([z.string(), z.array(z.string())]),
  headline: Text,
  datePublished: Text,
  publisher: z.union([z.string(), z.object({ name: Text })]).optional().catch(undefined),
  url: Text,
  mainEntityOfPage: z.union([z.string(), z.object({ '@id': Text, url: Text })]).optional().catch(undefined),
});
type LdArticle = z.infer<typeof LdArticleSchema>;

/**
 * Collects a page's metadata while it is parsed: Open Graph and article meta
 * tags, the canonical link, the first <time datetime> and JSON-LD article nodes.
 * Fed by the streaming parser's tag and text events.
 */
export class PageMetadataCollector {
  private readonly meta = new Map<string, string>();
  private canonical: string | null = null;
  private time: string | null = null;
  private readonly jsonLd: string[] = [];
  private script: string[] | null = null;

  onOpenTag(name: string, attributes: Record<string, string>): void {
    if (name === 'meta') this.addMeta(attributes);
    if (name === 'link' && attributes.rel?.toLowerCase().split(/\s+/).includes('canonical')) this.canonical ??= attributes.href ?? null;
    if (name === 'time' && attributes.datetime) this.time ??= attributes.datetime;
    if (name === 'script' && attributes.type?.trim().toLowerCase() === 'application/ld+json') this.script = [];
  }

  onText(text: string): void {
    this.script?.push(text);
  }

  onCloseTag(name: string): void {
    if (name !== 'script' || this.script === null) return;
    this.jsonLd.push(this.script.join(''));
    this.script = null;
  }

  /** JSON-LD wins over meta tags, which win over the canonical link and <time>. */
  metadata(): StatedMetadata {
    const ld = this.jsonLd.map(firstLdArticle).find((a) => a !== null) ?? null;
    const tag = (key: string) => this.meta.get(key) ?? null;
    return statedMetadata({
      title: ld?.headline ?? tag('og:title'),
      date: ld?.datePublished ?? tag('article:published_time') ?? this.time,
      source: ldPublisher(ld) ?? tag('og:site_name'),
      url: [ldUrl(ld), this.canonical, tag('og:url')].find((u) => u !== null && httpUrl(u) !== null) ?? null,
    });
  }

  private addMeta(attributes: Record<string, string>): void {
    const key = (attributes.property ?? attributes.name)?.toLowerCase();
    const content = attributes.content?.trim();
    if (key && content && !this.meta.has(key)) this.meta.set(key, content);
  }
}

function firstLdArticle(script: string): LdArticle | null {
  let json: unknown;
  try {
    json = JSON.parse(script);
  } catch {
    return null; // a broken JSON-LD block states nothing
  }
  for (const node of ldNodes(json, 0)) {
    const parsed = LdArticleSchema.safeParse(node);
    if (parsed.success && [parsed.data['@type']].flat().some((t) => ARTICLE_TYPES.has(t))) return parsed.data;
  }
  return null;
}

/** The nodes of a JSON-LD document: a node, an array of nodes, or an "@graph" of them (nesting bounded). */
function ldNodes(json: unknown, depth: number): unknown[] {
  if (depth > 3) return [];
  if (Array.isArray(json)) return json.flatMap((n) => ldNodes(n, depth + 1));
  if (typeof json === 'object' && json !== null && '@graph' in json) return ldNodes(json['@graph'], depth + 1);
  return [json];
}

function ldPublisher(ld: LdArticle | null): string | null {
  const publisher = ld?.publisher;
  return (typeof publisher === 'string' ? publisher : publisher?.name) ?? null;
}

function ldUrl(ld: LdArticle | null): string | null {
  const page = ld?.mainEntityOfPage;
  return ld?.url ?? (typeof page === 'string' ? page : (page?.['@id'] ?? page?.url)) ?? null;
}
