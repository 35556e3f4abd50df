import type { Embedder } from '../embed/index.js';
import { cosine } from '../embed/index.js';
import type { Passage } from '../ingest/index.js';
import type { PassageStore, VectorHit } from '../store/index.js';
import { DEFAULT_FUSION, fuseRanks, jaccard, type FusionSettings } from './fusion.js';
import { LexicalIndex, type LexicalHit } from './lexical-index.js';
import type { CorrectedText } from './spelling-correction.js';
import { buildQueryContext, type QueryContext } from './query-context.js';
import type { RetrievalFilters, RetrievalQuery, RetrievalResult, RetrievedPassage, Retriever } from './retriever.js';
import { canonicalText, detectLanguage, words } from '../analysis/index.js';

/** Dense (HNSW) + lexical (BM25) retrieval fused by weighted, language-aware RRF. */
export class HybridRetriever implements Retriever {
  readonly lexical: LexicalIndex;
  private readonly settings: FusionSettings;
  private readonly dateRank: (docId: string) => number;

  constructor(
    readonly store: PassageStore,
    private readonly embedder: Embedder,
    settings: FusionSettings | undefined = DEFAULT_FUSION,
    lexical?: LexicalIndex,
  ) {
    this.settings = settings ?? DEFAULT_FUSION;
    this.lexical = lexical ?? LexicalIndex.forStore(store);
    this.dateRank = recencyScale(store);
  }

  async retrieve(query: RetrievalQuery): Promise<RetrievalResult> {
    const { text: question, corrections } = this.readAsSpelled(query.question);
    // A follow-up is searched with the question it follows (the last user turn): read as that question was.
    const lastAsked = query.history?.findLastIndex((turn) => turn.role === 'user') ?? -1;
    const history = query.history?.map((turn, i) => ({ ...turn, content: i === lastAsked ? this.readAsSpelled(turn.content).text : canonicalText(turn.content) }));
    const context = buildQueryContext(question, history);
    const accept = this.filterFor(query.filters);
    const s = this.settings;
    // The BM25 searches of a large archive run on a worker thread: the dense search runs meanwhile.
    const [lexicalHits, inView, { queryVector, denseHits }] = await Promise.all([
      this.lexical.query(context.lexicalText, s.candidates, accept),
      this.conversationHits(context, accept),
      this.denseSearch(context.denseText, accept),
    ]);
    const confident = lexicalHits.length > 1 && lexicalHits[0].score >= s.confidentLexicalRatio * lexicalHits[1].score;
    const denseWeight = s.denseWeight[context.lang] * (confident ? s.confidentDenseShare : 1);
    const ranked = (hits: ReadonlyArray<{ passage: Passage }>) => hits.map((h, i) => ({ id: h.passage.chunkId, rank: i + 1 }));
    const fused = fuseRanks(
      [
        { weight: s.lexicalWeight, ranked: ranked(lexicalHits) },
        { weight: denseWeight, ranked: ranked(denseHits) },
        { weight: s.followUpWeight, ranked: ranked(inView) },
      ],
      s.rrfK,
    );
    const byId = new Map<string, Passage>([...lexicalHits, ...denseHits, ...inView].map((h) => [h.passage.chunkId, h.passage]));
    const lexicalRank = new Map(lexicalHits.map((h, i) => [h.passage.chunkId, i + 1]));
    const lexicalScore = new Map(lexicalHits.map((h) => [h.passage.chunkId, h.score]));
    const denseRank = new Map(denseHits.map((h, i) => [h.passage.chunkId, i + 1]));
    const denseScore = new Map(denseHits.map((h) => [h.passage.chunkId, h.score]));
    const recency = context.wantsLatest ? s.latestRecencyWeight : s.recencyWeight;
    const scored = [...fused.entries()]
      .map(([id, score]) => ({ passage: byId.get(id)!, score: score + recency * this.dateRank(byId.get(id)!.docId) }))
      .sort((a, b) => b.score - a.score);
    const store = this.store;
    const passages = this.diverse(scored, query.k).map(({ passage, score }): RetrievedPassage => {
      let dense = denseScore.get(passage.chunkId);
      return {
        passage,
        document: store.document(passage.docId)!,
        score,
        lexicalRank: lexicalRank.get(passage.chunkId) ?? null,
        lexicalScore: lexicalScore.get(passage.chunkId) ?? null,
        denseRank: denseRank.get(passage.chunkId) ?? null,
        // Computed when first read: the answerer reads it for the passages it reads, often fewer than k, and
        // a passage the dense search did not return needs its vector fetched from the graph (~0.1 ms).
        get denseScore(): number {
          return (dense ??= cosine(queryVector, store.vectorOf(passage)));
        },
      };
    });
    return { passages, searchedText: context.lexicalText, queryVector, queryModel: this.embedder.modelId, denseText: context.denseText, lang: context.lang, answerTerms: context.answerTerms, names: context.names, question, corrections };
  }

  /** The text in NFC, its words no passage has read as the archive's nearest ones ("Eistein" as "Einstein"). */
  private readAsSpelled(text: string): CorrectedText {
    const canonical = canonicalText(text);
    return this.lexical.correctSpelling(canonical, detectLanguage(canonical));
  }

  private async denseSearch(text: string, accept: ((p: Passage) => boolean) | undefined): Promise<{ queryVector: Float32Array; denseHits: VectorHit[] }> {
    const [queryVector] = await this.embedder.embed([text], 'query');
    return { queryVector, denseHits: this.store.searchVector(queryVector, this.settings.candidates, accept) };
  }

  /**
   * A follow-up keeps the previous answer's articles in view: the question (with the one it follows)
   * ranked within them. The articles are those the client says the answer cited or, when it does not
   * say, those whose passages the answer's text matches best.
   */
  private async conversationHits(context: QueryContext, accept: ((p: Passage) => boolean) | undefined): Promise<LexicalHit[]> {
    const previous = context.previousAnswer;
    if (!previous) return [];
    const known = previous.docIds.filter((id) => this.store.documentInfo(id));
    const docIds = new Set(known.length > 0 ? known : (await this.lexical.query(previous.text, 2)).map((h) => h.passage.docId));
    if (docIds.size === 0) return [];
    return this.lexical.query(context.lexicalText, this.settings.candidates, (p) => docIds.has(p.docId) && (!accept || accept(p)));
  }

  /** Drops near-duplicates (e.g. the same wire story on two sites) so the k passages say different things. */
  private diverse<T extends { passage: Passage }>(ranked: T[], k: number): T[] {
    const chosen: Array<T & { terms: Set<string> }> = [];
    for (const item of ranked) {
      if (chosen.length >= k) break;
      const terms = new Set(words(item.passage.text));
      if (chosen.some((c) => jaccard(c.terms, terms) > this.settings.duplicateJaccard)) continue;
      chosen.push({ ...item, terms });
    }
    return chosen;
  }

  private filterFor(filters: RetrievalFilters | undefined): ((p: Passage) => boolean) | undefined {
    if (!filters || (!filters.docId && !filters.after && !filters.before)) return undefined;
    return (p) => {
      if (filters.docId && p.docId !== filters.docId) return false;
      if (!filters.after && !filters.before) return true;
      const published = this.store.published(p.docId);
      if (!published) return false;
      return (!filters.after || published >= filters.after) && (!filters.before || published <= filters.before);
    };
  }
}

/**
 * Maps each document to 0..1 by its published date (undated documents count as oldest). The archive's
 * date range is read on first use, and a document's date when it is a candidate.
 */
function recencyScale(store: PassageStore): (docId: string) => number {
  let range: { first: number; span: number } | null | undefined;
  return (docId) => {
    if (range === undefined) {
      const dates = store.dateRange();
      range = dates && { first: Date.parse(dates.first), span: Date.parse(dates.last) - Date.parse(dates.first) };
    }
    const published = range && store.published(docId);
    if (!range || !published || !(range.span > 0)) return 0;
    const t = Date.parse(published);
    return Number.isNaN(t) ? 0 : (t - range.first) / range.span;
  };
}
