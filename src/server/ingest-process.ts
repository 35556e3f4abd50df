import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { IngestTimeoutError, NewsdeskError } from '../errors.js';
import type { IngestSummary } from '../store/index.js';

/** What the server asks the ingest process (src/cli/ingest-worker.ts) over IPC. */
export interface IngestRequest {
  type: 'run';
  lockOwner: string;
  /** The only corpus files that may have changed (an upload, a delete); null: scan the corpus. */
  paths: string[] | null;
}

/** What the ingest process reports over IPC. */
export type WorkerMessage =
  | { type: 'progress'; embedded: number; total: number }
  | { type: 'warning'; message: string }
  | { type: 'done'; summary: unknown }
  | { type: 'failed'; code: string; message: string };

export interface IngestRun {
  lockOwner: string;
  paths: string[] | null;
  onProgress(embedded: number, total: number): void;
  onWarning(message: string): void;
}

/** `npm start` runs the JavaScript compiled into dist/; tests and tools run the TypeScript through tsx. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = fileURLToPath(new URL(FROM_SOURCE ? '../cli/ingest-worker.ts' : '../cli/ingest-worker.js', import.meta.url));
/** After the cooperative job time limit, the process gets this long before it is killed. */
const KILL_GRACE_MS = 5_000;

/**
 * The child process that runs the server's ingests, off the server's event loop. It is started once
 * and kept: starting Node, TypeScript and the embedding model took longer than indexing one article.
 * A process that crashes or passes the time limit is killed, and the next ingest starts a new one.
 */
export class IngestProcess {
  private child: ChildProcess | null = null;
  private stderr = '';

  constructor(private readonly config: Config) {}

  /** Starts the process now (when uploads are expected), so that the first one does not wait for it. */
  warmUp(): void {
    this.ensureChild();
  }

  run(request: IngestRun): Promise<IngestSummary> {
    const child = this.ensureChild();
    const c = this.config;
    return new Promise((resolve, reject) => {
      let timedOut = false;
      // The ingest stops itself at the limit between files and batches; a stuck one is killed.
      const killer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, c.ingest.jobTimeoutMs + KILL_GRACE_MS);
      const finish = (settle: () => void) => {
        clearTimeout(killer);
        child.channel?.unref();
        child.off('message', onMessage);
        child.off('exit', onExit);
        settle();
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'progress') request.onProgress(message.embedded, message.total);
        else if (message.type === 'warning') request.onWarning(message.message);
        else if (message.type === 'done') finish(() => resolve(message.summary as IngestSummary));
        else if (message.type === 'failed') finish(() => reject(new NewsdeskError(message.code, message.message, 500)));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        finish(() =>
          reject(
            timedOut
              ? new IngestTimeoutError(c.ingest.jobTimeoutMs, 'running (the ingest process was killed)')
              : new NewsdeskError('INGEST_CRASHED', `The ingest process stopped (${signal ?? `exit code ${code}`}) before finishing. ${this.stderr.trim().split('\n').slice(-3).join(' ')}`, 500),
          ),
        );
      child.channel?.ref(); // the server waits for this ingest
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ type: 'run', lockOwner: request.lockOwner, paths: request.paths } satisfies IngestRequest);
    });
  }

  /** Stops the process (the server is closing); resolves once it has exited, so that it writes nothing after. */
  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    await exited;
    clearTimeout(killer);
  }

  private ensureChild(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null && this.child.connected) return this.child;
    const child = fork(WORKER, [], { env: workerEnv(this.config), execArgv: FROM_SOURCE ? ['--import', 'tsx'] : [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-2000)));
    child.on('error', () => undefined); // reported through 'exit'
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    // An idle worker must not keep the server process alive on its own.
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }
}

/** The server's settings, passed to the process through its environment (it parses them as any command does). */
function workerEnv(c: Config): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CORPUS_DIR: c.corpusDir,
    INDEX_DIR: c.indexDir,
    MODELS_DIR: c.modelsDir,
    EMBEDDING_MODEL: c.embedding.model,
    EMBEDDING_QUANTIZED: c.embedding.quantized,
    ALLOW_REMOTE_MODELS: String(c.embedding.allowRemoteModels),
    EMBED_BATCH_SIZE: String(c.embedding.batchSize),
    MAX_FILE_BYTES: String(c.ingest.maxFileBytes),
    INGEST_FILE_TIMEOUT_MS: String(c.ingest.fileTimeoutMs),
    INGEST_JOB_TIMEOUT_MS: String(c.ingest.jobTimeoutMs),
    HTML_MAX_DEPTH: String(c.ingest.htmlMaxDepth),
    CHUNK_MIN_WORDS: String(c.chunking.minWords),
    CHUNK_TARGET_WORDS: String(c.chunking.targetWords),
    CHUNK_MAX_WORDS: String(c.chunking.maxWords),
    MAX_PASSAGE_CHARS: String(c.chunking.maxChars),
  };
}
