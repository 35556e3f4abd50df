/**
 * Weighted reciprocal-rank fusion. The weights were tuned on the project's
 * question sets (tests/eval), see docs/quality.md.
 */
export interface FusionSettings {
  /** How many candidates each ranker contributes. */
  candidates: number;
  rrfK: number;
  lexicalWeight: number;
  /** Dense weight by query language: the default model reads English only. */
  denseWeight: { en: number; vi: number };
  /** When BM25's best score beats its second by this factor, BM25 is trusted more. */
  confidentLexicalRatio: number;
  /** Share of the dense weight kept when BM25 is confident. */
  confidentDenseShare: number;
  /** Added per year of recency (0..1 over the corpus' date range) as a tie-breaker. */
  recencyWeight: number;
  /** Recency weight used instead when the question asks for the latest news. */
  latestRecencyWeight: number;
  /** Passages whose word sets overlap more than this are near-duplicates. */
  duplicateJaccard: number;
  /** Weight of a follow-up's third ranked list: the lexical ranking within the previous answer's articles. */
  followUpWeight: number;
}

export const DEFAULT_FUSION: FusionSettings = {
  candidates: 40,
  rrfK: 5,
  lexicalWeight: 1,
  denseWeight: { en: 0.3, vi: 0 },
  confidentLexicalRatio: 1.6,
  confidentDenseShare: 0,
  recencyWeight: 0.002,
  latestRecencyWeight: 0.03,
  duplicateJaccard: 0.8,
  // Chosen on tests/eval/followup-conversations.jsonl: 0.5, 1 and 2 answer the same share of follow-ups; 0 answers fewer.
  followUpWeight: 1,
};

export interface RankedId {
  id: string;
  rank: number;
}

/** Fused score per id: Σ weight / (rrfK + rank), ranks starting at 1. */
export function fuseRanks(rankings: Array<{ weight: number; ranked: RankedId[] }>, rrfK: number): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { weight, ranked } of rankings) {
    if (weight <= 0) continue;
    for (const { id, rank } of ranked) scores.set(id, (scores.get(id) ?? 0) + weight / (rrfK + rank));
  }
  return scores;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
