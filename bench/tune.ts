/**
 * npm run tune — the measurements behind DEFAULT_FUSION: grid over dense weight
 * per language, RRF k and the BM25-confidence rule on tests/eval/seed-qa.jsonl,
 * against BM25 alone per language. (Answer selection and abstention are trained:
 * npm run train:answerer.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.js';
import { TransformersEmbedder } from '../src/embed/index.js';
import { DEFAULT_FUSION, HybridRetriever, type FusionSettings } from '../src/retrieve/index.js';
import { loadIndex, updateIndex, type PassageStore } from '../src/store/index.js';
import { isAnswerable, loadQaSet, type QaItem } from './eval/dataset.js';
import { containsText } from './eval/metrics.js';

interface RetrievalScore {
  r1: number;
  r5: number;
}

async function retrievalScores(store: PassageStore, embedder: TransformersEmbedder, fusion: FusionSettings, items: QaItem[]): Promise<Record<string, RetrievalScore>> {
  const retriever = new HybridRetriever(store, embedder, fusion);
  const groups: Record<string, { r1: number; r5: number; n: number }> = {};
  for (const item of items) {
    const { passages, lang } = await retriever.retrieve({ question: item.q, k: 5 });
    const i = passages.findIndex((p) => containsText(p.passage.text, item.gold ?? ''));
    for (const key of ['all', lang, item.kind]) {
      const g = (groups[key] ??= { r1: 0, r5: 0, n: 0 });
      g.n++;
      if (i === 0) g.r1++;
      if (i >= 0) g.r5++;
    }
  }
  return Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, { r1: g.r1 / g.n, r5: g.r5 / g.n }]));
}

function* fusionGrid(): Generator<FusionSettings> {
  for (const en of [0, 0.15, 0.3, 0.5, 0.8])
    for (const vi of [0, 0.15, 0.3])
      for (const rrfK of [5, 20, 60])
        for (const confidentDenseShare of [0, 0.5, 1]) yield { ...DEFAULT_FUSION, denseWeight: { en, vi }, rrfK, confidentDenseShare };
}

async function tuneFusion(store: PassageStore, embedder: TransformersEmbedder, items: QaItem[]): Promise<FusionSettings> {
  const bm25 = await retrievalScores(store, embedder, { ...DEFAULT_FUSION, denseWeight: { en: 0, vi: 0 } }, items);
  console.log('BM25 only:', JSON.stringify(bm25));
  let best: { fusion: FusionSettings; s: Record<string, RetrievalScore>; objective: number } | null = null;
  for (const fusion of fusionGrid()) {
    const s = await retrievalScores(store, embedder, fusion, items);
    const safe = ['en', 'vi'].every((l) => !bm25[l] || (s[l].r5 >= bm25[l].r5 && s[l].r1 >= bm25[l].r1));
    const objective = s.all.r1 + s.all.r5 + (s.paraphrase?.r5 ?? 0) * 0.5;
    if (safe && (!best || objective > best.objective + 1e-9)) best = { fusion, s, objective };
  }
  if (!best) throw new Error('no fusion setting matched BM25 in both languages');
  console.log('Best fusion:', JSON.stringify({ denseWeight: best.fusion.denseWeight, rrfK: best.fusion.rrfK, confidentDenseShare: best.fusion.confidentDenseShare }), JSON.stringify(best.s));
  return best.fusion;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const indexDir = await mkdtemp(join(tmpdir(), 'newsdesk-tune-'));
  try {
    const embedder = await TransformersEmbedder.load({ modelId: config.embedding.model, modelsDir: config.modelsDir });
    await updateIndex({ corpusDir: config.corpusDir, indexDir, embedder, chunking: config.chunking, maxFileBytes: config.ingest.maxFileBytes });
    const store = await loadIndex(indexDir);
    const seed = (await loadQaSet(resolve('tests/eval/seed-qa.jsonl'))).filter(isAnswerable);
    const fusion = await tuneFusion(store, embedder, seed);
    console.log('DEFAULT_FUSION now:', JSON.stringify({ denseWeight: DEFAULT_FUSION.denseWeight, rrfK: DEFAULT_FUSION.rrfK, confidentDenseShare: DEFAULT_FUSION.confidentDenseShare }), 'chosen:', JSON.stringify(fusion.denseWeight));
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
