import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat-completions request the stub received. */
export interface StubRequest {
  model: string;
  stream: boolean;
  messages: Array<{ role: string; content: string }>;
  /** The user message: numbered passages, then the question. */
  prompt: string;
  authorization: string | undefined;
}

/** What the stub answers: text (sent whole, or in `chunks` when streaming), after an optional delay. */
export interface StubReply {
  text: string;
  /** Milliseconds before the first byte. */
  delayMs?: number;
  /** Streaming: pieces to send (default: the text split after each space), `chunkDelayMs` apart. */
  chunks?: string[];
  chunkDelayMs?: number;
  /** An HTTP error instead of a completion. */
  status?: number;
}

export interface LlmStub {
  /** The base URL to configure (…/v1). */
  baseUrl: string;
  requests: StubRequest[];
  /** Sets what the next requests get. */
  reply(fn: (request: StubRequest) => StubReply): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 and a free port, answering what the
 * test wrote (stands in for Ollama, llama.cpp server or vLLM, which cannot run here).
 */
export async function startLlmStub(): Promise<LlmStub> {
  const requests: StubRequest[] = [];
  let replyFor: (request: StubRequest) => StubReply = () => ({ text: 'NOT_IN_ARTICLES' });
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => (timers.delete(t), resolve()), ms);
    timers.add(t);
  });

  const server: Server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = JSON.parse(raw) as { model: string; stream?: boolean; messages: Array<{ role: string; content: string }> };
    const request: StubRequest = {
      model: body.model,
      stream: body.stream === true,
      messages: body.messages,
      prompt: body.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n'),
      authorization: req.headers.authorization,
    };
    requests.push(request);
    const reply = replyFor(request);
    if (reply.delayMs) await wait(reply.delayMs);
    if (res.destroyed) return;
    if (reply.status) {
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'stub error', type: 'server_error' } }));
      return;
    }
    const base = { id: 'chatcmpl-stub', created: Math.floor(Date.now() / 1000), model: body.model };
    if (!request.stream) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunks = reply.chunks ?? reply.text.split(/(?<= )/);
    const event = (delta: Record<string, string>, finish: string | null) => `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.write(event({ role: 'assistant', content: '' }, null));
    for (const piece of chunks) {
      if (reply.chunkDelayMs) await wait(reply.chunkDelayMs);
      if (res.destroyed) return;
      res.write(event({ content: piece }, null));
    }
    res.write(event({}, 'stop'));
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (fn) => {
      replyFor = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The text of passage `n` in a prompt built by `promptFor`. */
export function passageOf(prompt: string, n: number): string {
  const match = new RegExp(`\\[${n}\\] [^\\n]*\\n([\\s\\S]*?)(?=\\n\\n\\[\\d+\\] |\\n\\nEarlier questions|\\n\\nQuestion: )`).exec(prompt);
  return match ? match[1] : '';
}
