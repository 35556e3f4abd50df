import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.js';
import { NewsdeskError } from '../errors.js';
import { IngestProcess } from './ingest-process.js';
import { replaceFileDurably, type IngestSummary } from '../store/index.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ReindexJob {
  id: string;
  /** What asked for it ("api", "document upload", "corpus watcher", …; coalesced requests are joined). */
  trigger: string;
  status: JobStatus;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: { embedded: number; total: number };
  /** `skipped` lists at most LISTED_PER_JOB files; `skippedTotal` counts them all. */
  summary: (Omit<IngestSummary, 'skipped'> & { skipped: Array<{ path: string; reason: string }>; skippedTotal?: number }) | null;
  warnings: string[];
  error: { code: string; message: string } | null;
  /** True when the job was interrupted by a server stop and re-run at start-up. */
  resumed: boolean;
}

export class IngestBusyError extends NewsdeskError {
  constructor(running: ReindexJob) {
    super('INGEST_RUNNING', `A re-index (job ${running.id}, started ${running.startedAt ?? running.queuedAt}) is already running. Poll GET /admin/reindex/${running.id} and retry when it has finished.`, 409, { jobId: running.id });
  }
}

const JOBS_KEPT = 50;
/**
 * Warnings and skipped files listed per job: an archive with a thousand unusable files would
 * otherwise write megabytes of job history at every job (the manifest and /health list them all).
 */
const LISTED_PER_JOB = 100;

function listWarning(job: ReindexJob, message: string): void {
  if (job.warnings.length < LISTED_PER_JOB) job.warnings.push(message);
  else if (job.warnings.length === LISTED_PER_JOB) job.warnings.push('… further warnings are not listed (GET /health lists every skipped file).');
}

const StoredJobsSchema = z.object({
  jobs: z.array(
    z.object({
      id: z.string(),
      trigger: z.string(),
      status: z.enum(['queued', 'running', 'succeeded', 'failed']),
      queuedAt: z.string(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      progress: z.object({ embedded: z.number(), total: z.number() }),
      summary: z.unknown(),
      warnings: z.array(z.string()),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      resumed: z.boolean().default(false),
    }),
  ),
});

interface Waiter {
  promise: Promise<ReindexJob>;
  resolve: (job: ReindexJob) => void;
}

/**
 * Runs incremental ingests for the server, one at a time, in a child
 * process (IngestProcess) so that embedding and graph building never block
 * the requests being answered. Requests arriving while a job runs are coalesced into one
 * queued job that starts when it ends. Jobs are recorded in index/jobs.json:
 * a job cut short by a server stop or crash is re-run at the next start-up.
 * A failed job (bad input, crash, time limit, unwritable disk) leaves the
 * served index untouched and keeps its error for GET /admin/reindex/:id.
 */
export class ReindexJobs {
  private readonly jobs = new Map<string, ReindexJob>();
  private readonly waiters = new Map<string, Waiter>();
  /** The jobs the running ingest will complete (several after a resume). */
  private running: ReindexJob[] | null = null;
  private queued: ReindexJob | null = null;
  private saving: Promise<void> = Promise.resolve();
  private readonly jobsFile: string;
  private readonly ingest: IngestProcess;
  /** Per job, the only corpus files it must look at; null: the whole corpus (a resumed job has none recorded). */
  private readonly scopes = new Map<string, Set<string> | null>();

  constructor(
    private readonly config: Config,
    private readonly onIndexChanged: () => Promise<void>,
    private readonly log: { info(m: string): void; error(m: string): void },
  ) {
    this.jobsFile = join(config.indexDir, 'jobs.json');
    this.ingest = new IngestProcess(config);
  }

  get current(): ReindexJob | null {
    return this.running?.[0] ?? null;
  }

  get(id: string): ReindexJob | undefined {
    return this.jobs.get(id);
  }

  /** The recent jobs, newest first. */
  list(): ReindexJob[] {
    return [...this.jobs.values()].reverse();
  }

  /** Resolves when the job has finished (succeeded or failed). */
  finished(id: string): Promise<ReindexJob> {
    const job = this.jobs.get(id);
    if (job && (job.status === 'succeeded' || job.status === 'failed')) return Promise.resolve(job);
    return this.waiter(id).promise;
  }

  /**
   * Starts a job now, or throws IngestBusyError naming the running one. `paths`: the only corpus
   * files that changed (an upload, a delete), so the job need not scan the corpus.
   */
  start(trigger: string, paths?: readonly string[]): { job: ReindexJob; done: Promise<ReindexJob> } {
    if (this.running) throw new IngestBusyError(this.running[0]);
    const job = this.newJob(trigger, paths);
    this.launch([job]);
    return { job, done: this.finished(job.id) };
  }

  /**
   * Starts a job now or, when one is running, returns the queued job that
   * will run after it (creating it if needed): never refuses.
   */
  enqueue(trigger: string, paths?: readonly string[]): { job: ReindexJob; done: Promise<ReindexJob> } {
    if (!this.running) return this.start(trigger, paths);
    if (this.queued) {
      if (!this.queued.trigger.split(', ').includes(trigger)) this.queued.trigger += `, ${trigger}`;
      const scope = this.scopes.get(this.queued.id);
      this.scopes.set(this.queued.id, scope && paths ? new Set([...scope, ...paths]) : null);
    } else {
      this.queued = this.newJob(trigger, paths);
      this.persist();
    }
    return { job: this.queued, done: this.finished(this.queued.id) };
  }

  /** Reads index/jobs.json and re-runs the jobs a previous server left running or queued. */
  async resume(): Promise<ReindexJob[]> {
    let stored: z.infer<typeof StoredJobsSchema>;
    try {
      stored = StoredJobsSchema.parse(JSON.parse(await readFile(this.jobsFile, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log.error(`The job history ${this.jobsFile} could not be read (${String(error)}); starting without it.`);
      return [];
    }
    const interrupted: ReindexJob[] = [];
    for (const s of stored.jobs) {
      if (this.jobs.has(s.id)) continue;
      const job: ReindexJob = { ...s, summary: (s.summary ?? null) as ReindexJob['summary'] };
      if (job.status === 'running' || job.status === 'queued') {
        job.warnings.push(`Interrupted (${job.status}) by a server stop; re-run at start-up.`);
        Object.assign(job, { status: 'queued', resumed: true, startedAt: null, progress: { embedded: 0, total: 0 } });
        interrupted.push(job);
      }
      this.jobs.set(job.id, job);
    }
    if (interrupted.length > 0) {
      this.log.info(`Re-running ${interrupted.length} re-index job(s) interrupted by the last stop: ${interrupted.map((j) => j.id).join(', ')}.`);
      if (this.running) {
        for (const job of interrupted) this.enqueue(job.trigger);
      } else {
        this.launch(interrupted);
      }
    }
    return interrupted;
  }

  /** Resolves once the job history has been written. */
  async flushed(): Promise<void> {
    await this.saving;
  }

  private newJob(trigger: string, paths?: readonly string[]): ReindexJob {
    const job: ReindexJob = {
      id: randomUUID(),
      trigger,
      status: 'queued',
      queuedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      progress: { embedded: 0, total: 0 },
      summary: null,
      warnings: [],
      error: null,
      resumed: false,
    };
    this.remember(job);
    this.scopes.set(job.id, paths ? new Set(paths) : null);
    return job;
  }

  private launch(batch: ReindexJob[]): void {
    const startedAt = new Date().toISOString();
    for (const job of batch) Object.assign(job, { status: 'running', startedAt });
    this.running = batch;
    this.persist();
    void this.run(batch);
  }

  private async run(batch: ReindexJob[]): Promise<void> {
    const [job] = batch;
    try {
      const summary = await this.runWorker(batch);
      await this.onIndexChanged(); // the job reports success once the new version is being served
      const skippedTotal = summary.skipped.length;
      for (const j of batch) Object.assign(j, { summary: { ...summary, skipped: summary.skipped.slice(0, LISTED_PER_JOB), skippedTotal }, status: 'succeeded' });
      this.log.info(`Re-index job ${job.id} (${job.trigger}) finished: version ${summary.version}, ${summary.added} added, ${summary.changed} changed, ${summary.removed} removed, ${skippedTotal} skipped.`);
    } catch (error) {
      const reported = error instanceof NewsdeskError ? { code: error.code, message: error.message } : { code: 'INGEST_FAILED', message: error instanceof Error ? error.message : String(error) };
      for (const j of batch) Object.assign(j, { status: 'failed', error: reported });
      this.log.error(`Re-index job ${job.id} (${job.trigger}) failed: ${reported.message}. The served index is unchanged.`);
    } finally {
      const finishedAt = new Date().toISOString();
      for (const j of batch) j.finishedAt = finishedAt;
      this.running = null;
      const next = this.queued;
      this.queued = null;
      if (next) this.launch([next]);
      else this.persist();
      for (const j of batch) {
        this.waiters.get(j.id)?.resolve(j);
        this.waiters.delete(j.id);
      }
    }
  }

  private async runWorker(batch: ReindexJob[]): Promise<NonNullable<ReindexJob['summary']>> {
    const scopes = batch.map((j) => this.scopes.get(j.id) ?? null);
    for (const j of batch) this.scopes.delete(j.id);
    const summary = await this.ingest.run({
      lockOwner: `server pid ${process.pid}, job ${batch[0].id}`,
      paths: scopes.every((scope) => scope !== null) ? [...new Set(scopes.flatMap((scope) => [...scope!]))] : null,
      onProgress: (embedded, total) => {
        for (const j of batch) j.progress = { embedded, total };
      },
      onWarning: (message) => {
        for (const j of batch) listWarning(j, message);
      },
    });
    return summary as NonNullable<ReindexJob['summary']>;
  }

  /** Starts the ingest process ahead of the first job. */
  warmUp(): void {
    this.ingest.warmUp();
  }

  /** Stops the ingest process. */
  close(): Promise<void> {
    return this.ingest.close();
  }

  private waiter(id: string): Waiter {
    let waiter = this.waiters.get(id);
    if (!waiter) {
      let resolve: (job: ReindexJob) => void = () => undefined;
      const promise = new Promise<ReindexJob>((r) => (resolve = r));
      waiter = { promise, resolve };
      this.waiters.set(id, waiter);
    }
    return waiter;
  }

  private remember(job: ReindexJob): void {
    this.jobs.set(job.id, job);
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= JOBS_KEPT) break;
      if (old.status === 'succeeded' || old.status === 'failed') this.jobs.delete(id);
    }
  }

  /** Writes the job history (serialized, durable); a failure is logged, never thrown. */
  private persist(): void {
    const snapshot = JSON.stringify({ jobs: [...this.jobs.values()] });
    this.saving = this.saving
      .then(async () => {
        await mkdir(this.config.indexDir, { recursive: true });
        await replaceFileDurably(this.jobsFile, snapshot);
      })
      .catch((error: unknown) => this.log.error(`The job history could not be written to ${this.jobsFile}: ${String(error)}.`));
  }
}
