/**
 * npm run bench:model — measures the static model's design choices on the
 * project's question set: dense recall@1/@5 of each distillation variant vs.
 * the full teacher vs. BM25, and embedding throughput of static vs. teacher,
 * all in the same run; and, for teacher vs. the default static model, how
 * well each finds the answering sentence among all the corpus' sentences
 * (the teacher was trained on sentences), overall and on paraphrases. The
 * answerer's word model (GloVe, npm run build:word-model) is measured alongside.
 * Results: bench/results/model-choices.json.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { embedVocabulary } from '../src/cli/build-model.js';
import { DEFAULT_DISTILL_OPTIONS, describeOptions, distillTable, type DistillOptions } from '../src/cli/build-model/distill.js';
import { writeModelFolder } from '../src/cli/build-model/model-folder.js';
import { loadTeacher, TEACHER, type Teacher } from '../src/cli/build-model/teacher.js';
import { loadConfig } from '../src/config.js';
import { cosine, TransformersEmbedder } from '../src/embed/index.js';
import { buildDocument, chunkDocument, readCorpus, splitSentences, type ArticleDocument, type Passage } from '../src/ingest/index.js';
import { LexicalIndex } from '../src/retrieve/index.js';
import { isAnswerable, loadQaSet, type QaItem } from './eval/dataset.js';
import { containsText } from './eval/metrics.js';

interface Corpus {
  passages: Passage[];
  documents: Map<string, ArticleDocument>;
  sentences: string[];
}

async function loadCorpus(dir: string): Promise<Corpus> {
  const config = loadConfig();
  const { files } = await readCorpus(dir, config.ingest.maxFileBytes);
  const documents = files.map(buildDocument).filter((d): d is ArticleDocument => !('reason' in d));
  const passages = documents.flatMap((d) => chunkDocument(d.docId, d.cleanText, config.chunking, d.lang));
  const sentences = documents.flatMap((d) => splitSentences(d.cleanText, d.lang).map((s) => d.cleanText.slice(s.start, s.end)));
  return { passages, documents: new Map(documents.map((d) => [d.docId, d])), sentences };
}

async function recall(items: QaItem[], corpus: Corpus, rank: (q: string) => Passage[] | Promise<Passage[]>): Promise<{ r1: number; r5: number }> {
  let r1 = 0;
  let r5 = 0;
  for (const item of items) {
    const top = await rank(item.q);
    const i = top.findIndex((p) => containsText(p.text, item.gold ?? ''));
    if (i === 0) r1++;
    if (i >= 0 && i < 5) r5++;
  }
  return { r1: r1 / items.length, r5: r5 / items.length };
}

function denseRanker(corpus: Corpus, passageVectors: Float32Array[], queryVectors: Map<string, Float32Array>) {
  return (q: string) =>
    corpus.passages
      .map((p, i) => ({ p, s: cosine(queryVectors.get(q)!, passageVectors[i]) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 5)
      .map((x) => x.p);
}

interface SentenceRecall {
  name: string;
  questions: number;
  r1: number;
  r5: number;
  paraphraseR1: number;
  paraphraseR5: number;
}

/** English questions only (neither model reads Vietnamese); a hit is a sentence holding the gold text or an accepted answer. */
async function measureSentences(name: string, corpus: Corpus, items: QaItem[], embed: (texts: string[]) => Promise<Float32Array[]>): Promise<SentenceRecall> {
  const english = items.filter((item) => item.kind !== 'vi');
  const sentenceVectors = await embed(corpus.sentences);
  const queryVectors = await embed(english.map((item) => item.q));
  const ranks = english.map((item, qi) =>
    corpus.sentences
      .map((text, si) => ({ text, s: cosine(queryVectors[qi], sentenceVectors[si]) }))
      .sort((a, b) => b.s - a.s)
      .findIndex(({ text }) => [item.gold ?? '', ...item.a].some((fact) => fact !== '' && containsText(text, fact))),
  );
  const share = (kind: string | null, k: number) => {
    const chosen = ranks.filter((_, i) => kind === null || english[i].kind === kind);
    return chosen.filter((r) => r >= 0 && r < k).length / Math.max(1, chosen.length);
  };
  return { name, questions: english.length, r1: share(null, 1), r5: share(null, 5), paraphraseR1: share('paraphrase', 1), paraphraseR5: share('paraphrase', 5) };
}

const passageText = (corpus: Corpus, p: Passage) => `${corpus.documents.get(p.docId)?.title ?? ''}\n${p.text}`;

async function measureEmbedder(name: string, corpus: Corpus, items: QaItem[], embed: (texts: string[]) => Promise<Float32Array[]>) {
  const passageVectors = await embed(corpus.passages.map((p) => passageText(corpus, p)));
  const queries = await embed(items.map((i) => i.q));
  const ranking = denseRanker(corpus, passageVectors, new Map(items.map((item, i) => [item.q, queries[i]])));
  return { name, ...(await recall(items, corpus, ranking)) };
}

async function throughput(embed: (texts: string[]) => Promise<Float32Array[]>, sentences: string[], minSeconds: number): Promise<number> {
  const started = performance.now();
  let done = 0;
  while ((performance.now() - started) / 1000 < minSeconds) {
    await embed(sentences);
    done += sentences.length;
  }
  return done / ((performance.now() - started) / 1000);
}

const VARIANTS: Array<Partial<DistillOptions>> = [
  {},
  { weighting: { kind: 'none' } },
  { weighting: { kind: 'sif', a: 1e-5 } },
  { weighting: { kind: 'sif', a: 1e-3 } },
  { weighting: { kind: 'sif', a: 1e-2 } },
  { center: false },
  { center: false, weighting: { kind: 'sif', a: 1e-3 } },
  { dims: 128 },
  { dims: 256 },
  { dims: 384 },
  { quantize: 'float32' },
  { lowercase: false },
];

async function main(): Promise<void> {
  const config = loadConfig();
  const corpus = await loadCorpus(config.corpusDir);
  const items = (await loadQaSet(resolve('tests/eval/seed-qa.jsonl'))).filter(isAnswerable);
  const teacher: Teacher = await loadTeacher();
  const pieces = await embedVocabulary(teacher);
  const modelsDir = await mkdtemp(join(tmpdir(), 'newsdesk-models-'));
  const results: Array<Record<string, unknown>> = [];
  const sentenceLevel: SentenceRecall[] = [];
  try {
    const lexical = LexicalIndex.inMemory(corpus.passages, (id) => corpus.documents.get(id)?.title ?? '');
    results.push({ name: 'BM25 (folded)', ...(await recall(items, corpus, async (q) => (await lexical.query(q, 5)).map((h) => h.passage))) });
    const teacherEmbed = (texts: string[]) => teacher.embedSentences(texts);
    results.push(await measureEmbedder('teacher (USE lite, full)', corpus, items, teacherEmbed));
    sentenceLevel.push(await measureSentences('teacher (USE lite, full)', corpus, items, teacherEmbed));
    const sample = corpus.sentences.slice(0, 256);
    const teacherRate = await throughput(teacherEmbed, sample, 5);
    for (const [i, variant] of VARIANTS.entries()) {
      const options: DistillOptions = { ...DEFAULT_DISTILL_OPTIONS, ...variant };
      const id = `newsdesk/variant-${i}`;
      const rows = distillTable(pieces, teacher.vocabulary, TEACHER.reservedIds, options);
      const info = await writeModelFolder(join(modelsDir, id), rows, teacher.vocabulary, options);
      const embedder = await TransformersEmbedder.load({ modelId: id, modelsDir, quantized: 'false' });
      const embed = (texts: string[]) => embedder.embed(texts, 'passage');
      const measured = await measureEmbedder(`static: ${describeOptions(options)}${i === 0 ? ' (default)' : ''}`, corpus, items, embed);
      if (i === 0) sentenceLevel.push(await measureSentences(measured.name, corpus, items, embed));
      const rate = i === 0 || i === 10 ? await throughput(embed, sample, 3) : null;
      results.push({ ...measured, megabytes: +(info.bytes / 1e6).toFixed(2), sentencesPerSecond: rate && Math.round(rate), speedupOverTeacher: rate && +(rate / teacherRate).toFixed(1) });
      console.error(`${measured.name}: R@1 ${measured.r1.toFixed(3)} R@5 ${measured.r5.toFixed(3)}`);
    }
    const wordModel = await TransformersEmbedder.load({ modelId: config.embedding.sentenceModel, modelsDir: config.modelsDir });
    const wordEmbed = (texts: string[]) => wordModel.embed(texts, 'passage');
    const word = await measureEmbedder(`word model (${wordModel.modelId}, the answerer's sentence model)`, corpus, items, wordEmbed);
    const wordRate = await throughput(wordEmbed, sample, 3);
    results.push({ ...word, sentencesPerSecond: Math.round(wordRate), speedupOverTeacher: +(wordRate / teacherRate).toFixed(1) });
    sentenceLevel.push(await measureSentences(word.name, corpus, items, wordEmbed));
    results.push({ name: 'teacher throughput', sentencesPerSecond: Math.round(teacherRate) });
    console.log('| model | R@1 | R@5 | size MB | sentences/s | × teacher |\n|---|---|---|---|---|---|');
    for (const r of results) {
      if (!('r5' in r)) continue;
      console.log(`| ${r.name} | ${(r.r1 as number).toFixed(3)} | ${(r.r5 as number).toFixed(3)} | ${r.megabytes ?? '-'} | ${r.sentencesPerSecond ?? '-'} | ${r.speedupOverTeacher ?? '-'} |`);
    }
    console.log(`\nTeacher throughput: ${Math.round(teacherRate)} sentences/s. Questions: ${items.length} answerable, passages: ${corpus.passages.length}.`);
    console.log(`\nAnswering sentence among all ${corpus.sentences.length} sentences (English questions):\n| model | S@1 | S@5 | paraphrase S@1 | paraphrase S@5 |\n|---|---|---|---|---|`);
    for (const r of sentenceLevel) console.log(`| ${r.name} | ${r.r1.toFixed(3)} | ${r.r5.toFixed(3)} | ${r.paraphraseR1.toFixed(3)} | ${r.paraphraseR5.toFixed(3)} |`);
    const summary = { at: new Date().toISOString(), questions: items.length, passages: corpus.passages.length, sentences: corpus.sentences.length, results, sentenceLevel };
    await writeFile(resolve('bench/results/model-choices.json'), JSON.stringify(summary, null, 2));
  } finally {
    await rm(modelsDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
