/**
 * One ingest measured in its own process (so peak RSS is its own):
 *   ours      --corpus DIR --index DIR   the project's pipeline (read, clean, chunk, embed, HNSW, write)
 *   langchain --corpus DIR               LangChain baseline over the same passages (embed + HNSWLib.addDocuments)
 * Prints one JSON line: { seconds, passages, maxRssMb }.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { TransformersEmbedder } from '../src/embed/index.js';
import { buildDocument, chunkDocument, readCorpus, type ArticleDocument } from '../src/ingest/index.js';
import { updateIndex } from '../src/store/index.js';
import { langchainEmbeddings, langchainIngest } from './baselines/langchain-ingest.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { corpus: { type: 'string' }, index: { type: 'string' } } });
const config = loadConfig();
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (positionals[0] === 'ours') {
  const embedder = await TransformersEmbedder.load({ modelId: config.embedding.model, modelsDir: config.modelsDir });
  const started = performance.now();
  const summary = await updateIndex({ corpusDir: values.corpus!, indexDir: values.index!, embedder, chunking: config.chunking, maxFileBytes: config.ingest.maxFileBytes });
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, passages: summary.embeddedPassages, maxRssMb: maxRssMb() }));
} else if (positionals[0] === 'langchain') {
  const { files } = await readCorpus(values.corpus!, config.ingest.maxFileBytes);
  const docs = files.map(buildDocument).filter((d): d is ArticleDocument => !('reason' in d));
  const texts = docs.flatMap((d) => chunkDocument(d.docId, d.cleanText, config.chunking, d.lang).map((p) => `${d.title}\n${p.text}`));
  const embeddings = await langchainEmbeddings(config.modelsDir, config.embedding.model);
  const dims = (await embeddings.embedQuery('probe')).length;
  const started = performance.now();
  await langchainIngest(embeddings, texts, dims);
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, passages: texts.length, maxRssMb: maxRssMb() }));
} else {
  console.error('usage: ingest-runner ours|langchain --corpus DIR [--index DIR]');
  process.exitCode = 2;
}
