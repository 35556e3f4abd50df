import { QaEngine, type EngineModels } from '../answer/index.js';
import { IndexNotReadyError, ModelMismatchError, NewsdeskError } from '../errors.js';
import { currentVersion, loadVersion, type PassageIndex } from '../store/index.js';

export interface HolderLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * Holds the QA engine of the index version being served. It polls
 * index/CURRENT and, when a new version appears, loads it completely before
 * swapping the reference: requests in flight keep the engine they started
 * with, new requests get the new one, and no request ever sees a half-loaded index.
 */
export class IndexHolder {
  private engine: QaEngine | null = null;
  private index: PassageIndex | null = null;
  private problem: NewsdeskError | null = null;
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;

  private readonly models: Promise<EngineModels>;

  constructor(
    private readonly indexDir: string,
    models: EngineModels | Promise<EngineModels>,
    private readonly log: HolderLog,
  ) {
    this.models = Promise.resolve(models);
    this.models.catch(() => undefined); // the caller of refresh() gets the failure
  }

  /** The engine to answer with, or the error saying why there is none. */
  current(): QaEngine {
    if (this.engine) return this.engine;
    throw this.problem ?? new IndexNotReadyError(this.indexDir);
  }

  get loaded(): QaEngine | null {
    return this.engine;
  }

  /** Loads the version CURRENT points at if it is not the one served. Safe to call concurrently. */
  refresh(): Promise<void> {
    this.refreshing ??= this.loadIfChanged().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  startPolling(intervalMs: number): void {
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async loadIfChanged(): Promise<void> {
    let reading: Promise<PassageIndex>;
    try {
      const version = await currentVersion(this.indexDir);
      if (version === null || version === this.engine?.store.manifest.version) return;
      reading = loadVersion(this.indexDir, version, this.index);
      reading.catch(() => undefined); // handled below, once the models are there
    } catch (error) {
      this.failed(error);
      return;
    }
    // At start-up the index is read while the models load. Models that cannot load fail the start, not the index.
    const models = await this.models;
    try {
      const store = await reading;
      const { model, dimensions, version } = store.manifest;
      const { embedder } = models;
      if (model !== embedder.modelId || dimensions !== embedder.dimensions) {
        throw new ModelMismatchError(model, dimensions, embedder.modelId, embedder.dimensions);
      }
      this.engine = QaEngine.create(store, models);
      this.index = store;
      this.problem = null;
      this.log.info(`Serving index version ${version} (${store.passageCount} passages, model ${model}).`);
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    const problem = error instanceof NewsdeskError ? error : new NewsdeskError('INDEX_LOAD_FAILED', `The index could not be loaded: ${String(error)}`, 503);
    if (!this.engine) this.problem = problem;
    this.log.error(`${problem.message}${this.engine ? ' Still serving the previous version.' : ''}`);
  }
}
