/**
 * Typed errors, one class per concern. Every error has a stable `code` that
 * clients can switch on, an HTTP `status` for the server, and a message that
 * tells the user what to do next.
 */
export class NewsdeskError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: string, message: string, status = 500, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export class ConfigError extends NewsdeskError {
  constructor(message: string, details?: unknown) {
    super('INVALID_CONFIG', message, 500, details);
  }
}

export class ModelNotFoundError extends NewsdeskError {
  constructor(modelId: string, searched: string[]) {
    super(
      'MODEL_NOT_FOUND',
      `Embedding model "${modelId}" was not found. Searched: ${searched.join(', ')}. ` +
        'Fix: place the transformers.js model files (config.json, tokenizer.json, onnx/model.onnx) in one of those folders, ' +
        'set EMBEDDING_MODEL to a model under MODELS_DIR, or set ALLOW_REMOTE_MODELS=true where a model hub is reachable.',
      500,
      { modelId, searched },
    );
  }
}

export class IndexNotReadyError extends NewsdeskError {
  constructor(indexDir: string) {
    super(
      'INDEX_NOT_READY',
      `No index has been built yet in ${indexDir}. Run \`npm run ingest\` to build it.`,
      503,
    );
  }
}

export class IndexCorruptError extends NewsdeskError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('INDEX_CORRUPT', `The index at ${path} cannot be read (${reason}). Run \`npm run ingest\` to rebuild it.`, 503);
  }
}

export class ModelMismatchError extends NewsdeskError {
  constructor(indexModel: string, indexDims: number, model: string, dims: number) {
    super(
      'MODEL_MISMATCH',
      `The index was built with model "${indexModel}" (${indexDims} dimensions) but the configured model is "${model}" ` +
        `(${dims} dimensions). Run \`npm run ingest\` to rebuild the index with the configured model.`,
      503,
      { indexModel, indexDims, model, dims },
    );
  }
}

export class IngestLockedError extends NewsdeskError {
  constructor(lockPath: string, holder: string) {
    super(
      'INGEST_RUNNING',
      `Another ingest is already running (${holder}; lock file ${lockPath}). Wait for it to finish, ` +
        'or delete the lock file if that process no longer exists.',
      409,
      { lockPath, holder },
    );
  }
}

export class NothingIndexedError extends NewsdeskError {
  constructor(corpusDir: string, reason: string) {
    super('NOTHING_INDEXED', `Nothing could be indexed from ${corpusDir}: ${reason}`, 422);
  }
}

export class InvalidRequestError extends NewsdeskError {
  constructor(message: string, details?: unknown) {
    super('INVALID_REQUEST', message, 400, details);
  }
}

export class GenerativeDisabledError extends NewsdeskError {
  constructor() {
    super(
      'GENERATIVE_DISABLED',
      'This server has no generative answerer: "mode": "generative" needs LLM_BASE_URL and LLM_MODEL set on the server. Ask with "mode": "extractive" or leave "mode" out.',
      400,
    );
  }
}

export class FileTimeoutError extends NewsdeskError {
  constructor(
    readonly path: string,
    readonly timeoutMs: number,
    readonly stage: string,
  ) {
    super('FILE_TIMEOUT', `${path} took longer than INGEST_FILE_TIMEOUT_MS (${timeoutMs} ms) by the end of ${stage}; it was skipped. Split the article or raise the limit.`, 422);
  }
}

export class IngestTimeoutError extends NewsdeskError {
  constructor(timeoutMs: number, stage: string) {
    super('INGEST_TIMEOUT', `The ingest was stopped after INGEST_JOB_TIMEOUT_MS (${timeoutMs} ms) while ${stage}; the served index is unchanged. Raise the limit or ingest fewer files at a time.`, 504);
  }
}

export class UploadRejectedError extends NewsdeskError {
  constructor(reason: string) {
    super('NO_ARTICLE_TEXT', `The upload holds no article that could be indexed: ${reason}.`, 422);
  }
}

export class PortInUseError extends NewsdeskError {
  constructor(host: string, port: number) {
    super('PORT_IN_USE', `Port ${port} on ${host} is already in use (another newsdesk-qa, or another program). Stop it, or set PORT to a free port.`, 500, { host, port });
  }
}

export class OverloadedError extends NewsdeskError {
  constructor(maxInFlight: number) {
    super('OVERLOADED', `The server is answering ${maxInFlight} questions already (ASK_MAX_IN_FLIGHT). Retry after the number of seconds in the Retry-After header.`, 503);
  }
}
