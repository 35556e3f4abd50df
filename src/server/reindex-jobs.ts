import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { WorkerMessage } from '../cli/ingest-worker.js';
import type { Config } from '../config.js';
import { NewsdeskError } from '../errors.js';
import type { IngestSummary } from '../store/index.js';

export type JobStatus = 'running' | 'succeeded' | 'failed';

export interface ReindexJob {
  id: string;
  trigger: string;
  status: JobStatus;
  startedAt: string;
  finishedAt: string | null;
  progress: { embedded: number; total: number };
  summary: Omit<IngestSummary, 'skipped'> & { skipped: Array<{ path: string; reason: string }> } | null;
  warnings: string[];
  error: { code: string; message: string } | null;
}

export class IngestBusyError extends NewsdeskError {
  constructor(running: ReindexJob) {
    super('INGEST_RUNNING', `A re-index (job ${running.id}, started ${running.startedAt}) is already running. Poll GET /admin/reindex/${running.id} and retry when it has finished.`, 409, { jobId: running.id });
  }
}

const JOBS_KEPT = 50;

const WORKER = fileURLToPath(new URL('../cli/ingest-worker.ts', import.meta.url));

/**
 * Runs incremental ingests for the server, one at a time, each in a child
 * process so that embedding and graph building never block the requests
 * being answered. A job ends by asking the holder to load the new version; a
 * failed job (bad input, crash, unwritable disk) leaves the served index
 * untouched and keeps its error for GET /admin/reindex/:id.
 */
export class ReindexJobs {
  private readonly jobs = new Map<string, ReindexJob>();
  private running: ReindexJob | null = null;

  constructor(
    private readonly config: Config,
    private readonly onIndexChanged: () => Promise<void>,
    private readonly log: { info(m: string): void; error(m: string): void },
  ) {}

  get current(): ReindexJob | null {
    return this.running;
  }

  get(id: string): ReindexJob | undefined {
    return this.jobs.get(id);
  }

  /** Starts a job now, or throws IngestBusyError naming the running one. */
  start(trigger: string): { job: ReindexJob; done: Promise<ReindexJob> } {
    if (this.running) throw new IngestBusyError(this.running);
    const job: ReindexJob = { id: randomUUID(), trigger, status: 'running', startedAt: new Date().toISOString(), finishedAt: null, progress: { embedded: 0, total: 0 }, summary: null, warnings: [], error: null };
    this.remember(job);
    this.running = job;
    return { job, done: this.run(job) };
  }

  private async run(job: ReindexJob): Promise<ReindexJob> {
    try {
      const summary = await this.runWorker(job);
      await this.onIndexChanged(); // the job reports success once the new version is being served
      job.summary = summary;
      job.status = 'succeeded';
      this.log.info(`Re-index job ${job.id} (${job.trigger}) finished: version ${summary.version}, ${summary.added} added, ${summary.changed} changed, ${summary.removed} removed.`);
    } catch (error) {
      job.status = 'failed';
      job.error = error instanceof NewsdeskError ? { code: error.code, message: error.message } : { code: 'INGEST_FAILED', message: error instanceof Error ? error.message : String(error) };
      this.log.error(`Re-index job ${job.id} (${job.trigger}) failed: ${job.error.message}. The served index is unchanged.`);
    } finally {
      job.finishedAt = new Date().toISOString();
      this.running = null;
    }
    return job;
  }

  private runWorker(job: ReindexJob): Promise<NonNullable<ReindexJob['summary']>> {
    const c = this.config;
    const env = {
      ...process.env,
      CORPUS_DIR: c.corpusDir,
      INDEX_DIR: c.indexDir,
      MODELS_DIR: c.modelsDir,
      EMBEDDING_MODEL: c.embedding.model,
      EMBEDDING_QUANTIZED: c.embedding.quantized,
      ALLOW_REMOTE_MODELS: String(c.embedding.allowRemoteModels),
      EMBED_BATCH_SIZE: String(c.embedding.batchSize),
      MAX_FILE_BYTES: String(c.ingest.maxFileBytes),
      CHUNK_MIN_WORDS: String(c.chunking.minWords),
      CHUNK_TARGET_WORDS: String(c.chunking.targetWords),
      CHUNK_MAX_WORDS: String(c.chunking.maxWords),
      NEWSDESK_LOCK_OWNER: `server pid ${process.pid}, job ${job.id}`,
    };
    return new Promise((resolve, reject) => {
      const child = fork(WORKER, [], { env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let outcome: WorkerMessage | null = null;
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') job.progress = { embedded: message.embedded, total: message.total };
        else if (message.type === 'warning') job.warnings.push(message.message);
        else outcome = message;
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        const result = outcome as WorkerMessage | null;
        if (result?.type === 'done') resolve(result.summary as NonNullable<ReindexJob['summary']>);
        else if (result?.type === 'failed') reject(new NewsdeskError(result.code, result.message, 500));
        else reject(new NewsdeskError('INGEST_CRASHED', `The ingest process stopped (${signal ?? `exit code ${code}`}) before finishing. ${stderr.trim().split('\n').slice(-3).join(' ')}`, 500));
      });
    });
  }

  private remember(job: ReindexJob): void {
    this.jobs.set(job.id, job);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - JOBS_KEPT))) this.jobs.delete(id);
  }
}
