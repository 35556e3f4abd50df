import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessageLike } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import type { LlmSettings } from '../config.js';
import { articleSource, splitSentences, type ArticleDocument } from '../ingest/index.js';
import type { ChatTurn, RetrievalResult, RetrievedPassage } from '../retrieve/index.js';
import { stem, words } from '../analysis/index.js';
import type { AnswerResult, Citation, CitationCheckSummary, Fallback, FallbackCode } from './answer-result.js';
import type { AnswerOptions, Answerer } from './answerer.js';
import { checkCitations, DEFAULT_SUPPORT, stripMarkers, type CitationCheck, type SupportProblem, type SupportSettings } from './citation-check.js';
import { notAnsweredText } from './messages.js';
import { citedDocument } from './cited-document.js';

export interface GenerativeSettings {
  /** The whole generation; past it the fallback answers. */
  timeoutMs: number;
  /** Passages numbered in the prompt. */
  maxPassages: number;
  support: SupportSettings;
}

export const DEFAULT_GENERATIVE: GenerativeSettings = { timeoutMs: 10_000, maxPassages: 5, support: DEFAULT_SUPPORT };

const MAX_EARLIER_QUESTIONS = 3;

/** What the model is told to reply when the passages do not answer. */
export const NOT_IN_ARTICLES = 'NOT_IN_ARTICLES';

/**
 * A chat model on any OpenAI-compatible server (OpenAI, Ollama, llama.cpp server, vLLM). The client
 * library is loaded only when one is configured: it adds half a second to every start-up otherwise.
 */
export async function openAiCompatibleChat(llm: LlmSettings): Promise<ChatOpenAI> {
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: llm.model,
    // The client insists on a key; local servers ignore it.
    apiKey: llm.apiKey || 'not-needed',
    temperature: llm.temperature,
    maxTokens: llm.maxTokens,
    timeout: llm.timeoutMs,
    maxRetries: 0,
    streamUsage: false,
    configuration: { baseURL: llm.baseUrl },
  });
}

/**
 * Answers with a chat model over the numbered passages, then checks the
 * answer: markers must name given passages and each sentence must be
 * supported by the passages it cites (`checkCitations`). Unsupported
 * sentences are removed; when the model is unreachable, too slow, or none of
 * its sentences survives, the fallback (extractive) answer is returned with
 * the reason.
 */
export class GenerativeAnswerer implements Answerer {
  private readonly settings: GenerativeSettings;

  constructor(
    private readonly chat: BaseChatModel,
    private readonly fallback: Answerer,
    readonly modelName: string,
    settings: Partial<GenerativeSettings> = {},
  ) {
    this.settings = { ...DEFAULT_GENERATIVE, ...settings };
  }

  async answer(question: string, retrieval: RetrievalResult, options: AnswerOptions = {}): Promise<AnswerResult> {
    const passages = retrieval.passages.slice(0, this.settings.maxPassages);
    if (passages.length === 0) return this.fallBack(question, retrieval, options, 'NO_PASSAGES', 'No passage matched the question, so there was nothing to generate from.');
    let text: string;
    try {
      text = await this.generate(promptFor(question, retrieval.lang, passages, options.history), options);
    } catch (error) {
      const { code, message } = describeFailure(error, this.settings.timeoutMs);
      return this.fallBack(question, retrieval, options, code, message);
    }
    if (text.includes(NOT_IN_ARTICLES)) return notAnswered(retrieval, passages, this.modelName);
    const check = checkCitations(text, passages.map((p, i) => ({ n: i + 1, text: p.passage.text, title: p.document.title })), this.settings.support);
    const summary = summarize(check);
    if (check.supported === 0) {
      const why = check.sentences.length === 0 ? 'The model returned no answer text.' : `None of the ${check.sentences.length} generated sentence(s) was supported by the passage it cites.`;
      return { ...(await this.fallBack(question, retrieval, options, 'CITATIONS_UNSUPPORTED', why)), check: summary };
    }
    return { ...compose(check, passages), answered: true, evidence: check.supported / check.sentences.length, answerer: 'generative', llmModel: this.modelName, check: summary };
  }

  private async generate(messages: BaseMessageLike[], options: AnswerOptions): Promise<string> {
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    if (!options.onToken) {
      const message = await this.chat.invoke(messages, { signal });
      return message.text;
    }
    let text = '';
    for await (const chunk of await this.chat.stream(messages, { signal })) {
      const piece = chunk.text;
      if (piece) {
        text += piece;
        options.onToken(piece);
      }
    }
    return text;
  }

  private async fallBack(question: string, retrieval: RetrievalResult, options: AnswerOptions, code: FallbackCode, message: string): Promise<AnswerResult> {
    const result = await this.fallback.answer(question, retrieval, { signal: options.signal });
    const fallback: Fallback = { code, message };
    return { ...result, answerer: 'extractive', fallback };
  }
}

/** The prompt: instructions, then the numbered passages and the question. */
export function promptFor(question: string, lang: 'en' | 'vi', passages: readonly RetrievedPassage[], history: readonly ChatTurn[] = []): BaseMessageLike[] {
  const language = lang === 'vi' ? 'Vietnamese' : 'English';
  const system = [
    'You answer questions about news articles using only the numbered passages you are given.',
    'End every sentence with the number of the passage that states it, in square brackets, like [1] or [2][3]. Cite only passages that state the fact.',
    'Use only facts stated in the passages. Copy numbers, dates and names exactly as the passage writes them. Add nothing from your own knowledge.',
    `Answer in ${language}, the language of the question, in one to three sentences.`,
    `If the passages do not answer the question, reply with exactly ${NOT_IN_ARTICLES} and nothing else.`,
  ].join('\n');
  const numbered = passages
    .map((p, i) => `[${i + 1}] ${p.document.title}${describeArticle(p.document)}\n${p.passage.text}`)
    .join('\n\n');
  // A follow-up ("When was it signed?") needs the earlier questions to be understood; earlier answers are left out (their markers numbered other passages).
  const earlier = history.filter((t) => t.role === 'user').slice(-MAX_EARLIER_QUESTIONS).map((t) => `- ${t.content}`);
  const context = earlier.length > 0 ? `Earlier questions in this conversation:\n${earlier.join('\n')}\n\n` : '';
  // Role and text pairs: the chat model makes its messages (loading LangChain's message classes only when an LLM is configured).
  return [
    ['system', system],
    ['human', `Passages:\n\n${numbered}\n\n${context}Question: ${question}`],
  ];
}

function describeFailure(error: unknown, timeoutMs: number): { code: FallbackCode; message: string } {
  const e = error as { name?: string; message?: string; cause?: unknown };
  const name = e?.name ?? '';
  const text = `${name} ${e?.message ?? String(error)}`;
  if (/timeout|timed out|abort/i.test(text)) return { code: 'LLM_TIMEOUT', message: `The language model did not finish within ${timeoutMs} ms.` };
  if (/APIConnectionError|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|fetch failed|Connection error/i.test(text)) {
    return { code: 'LLM_UNREACHABLE', message: 'The language model server could not be reached.' };
  }
  return { code: 'LLM_FAILED', message: `The language model failed: ${(e?.message ?? String(error)).slice(0, 300)}` };
}

function summarize(check: CitationCheck): CitationCheckSummary {
  const removed = check.sentences.filter((s) => !s.supported);
  return {
    sentences: check.sentences.length,
    supported: check.supported,
    removed: removed.length,
    missingCitations: check.missingCitations,
    removedSentences: removed.map((s) => ({ text: s.text, problems: s.problems.map(describeProblem) })),
  };
}

export function describeProblem(p: SupportProblem): string {
  switch (p.kind) {
    case 'no-citation':
      return 'cites no passage';
    case 'missing-passage':
      return `cites [${p.n}], which was not given`;
    case 'number':
      return `the number ${p.value} is not in the cited passage`;
    case 'name':
      return `the name "${p.value}" is not in the cited passage`;
    case 'content':
      return `only ${Math.round(p.coverage * 100)} % of its words are in the cited passage (missing: ${p.missing.slice(0, 5).join(', ')})`;
  }
}

/** The supported sentences, their markers renumbered 1..m in order of first use, and one citation per cited passage. */
function compose(check: CitationCheck, passages: readonly RetrievedPassage[]): { answer: string; citations: Citation[] } {
  const kept = check.sentences.filter((s) => s.supported);
  const renumber = new Map<number, number>();
  for (const s of kept) for (const n of s.citations) if (!renumber.has(n)) renumber.set(n, renumber.size + 1);
  const answer = kept.map((s) => `${stripMarkers(s.text)} ${s.citations.map((n) => `[${renumber.get(n)}]`).join('')}`).join(' ');
  const citations = [...renumber].map(([given, n]): Citation => {
    const { passage, document, score } = passages[given - 1];
    const citing = kept.filter((s) => s.citations.includes(given)).map((s) => stripMarkers(s.text));
    return { n, ...citedDocument(document), chunkId: passage.chunkId, text: passage.text, quote: closestSentence(passage.text, document.lang, citing.join(' ')), start: passage.start, end: passage.end, score };
  });
  return { answer, citations };
}

/** " (VNA, 2025-02-05)": the source and date the article states, as far as it states them. */
function describeArticle(document: ArticleDocument): string {
  const known = [articleSource(document), document.published].filter((part) => part !== null);
  return known.length > 0 ? ` (${known.join(', ')})` : '';
}

/** The passage sentence sharing the most words with what the answer says it states. */
function closestSentence(text: string, lang: string, claim: string): string {
  const wanted = new Set(words(claim).map(stem));
  let best = { overlap: -1, quote: text };
  for (const span of splitSentences(text, lang)) {
    const sentence = text.slice(span.start, span.end);
    const overlap = new Set(words(sentence).map(stem).filter((w) => wanted.has(w))).size;
    if (overlap > best.overlap) best = { overlap, quote: sentence };
  }
  return best.quote;
}

/** The model found no answer in the passages: say so, in the question's language, and show the closest two. */
function notAnswered(retrieval: RetrievalResult, passages: readonly RetrievedPassage[], modelName: string): AnswerResult {
  const shown = passages.slice(0, 2);
  const citations = shown.map(({ passage, document, score }, i): Citation => {
    const first = splitSentences(passage.text, document.lang)[0];
    const quote = first ? passage.text.slice(first.start, first.end) : passage.text;
    return { n: i + 1, ...citedDocument(document), chunkId: passage.chunkId, text: passage.text, quote, start: passage.start, end: passage.end, score };
  });
  const markers = citations.map((c) => `[${c.n}]`).join(retrieval.lang === 'vi' ? ', ' : ' and ');
  return { answer: notAnsweredText(retrieval.lang, markers), answered: false, citations, evidence: 0, answerer: 'generative', llmModel: modelName };
}
