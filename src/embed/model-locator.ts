import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ModelNotFoundError } from '../errors.js';

export interface ModelLocation {
  modelsDir: string;
  modelId: string;
  allowRemoteModels: boolean;
}

/**
 * Fails early, with one clear message, when a model is neither on disk nor
 * allowed to be downloaded, instead of letting transformers.js try the network.
 */
export function assertModelAvailable({ modelsDir, modelId, allowRemoteModels }: ModelLocation): void {
  const folder = join(modelsDir, modelId);
  if (existsSync(join(folder, 'config.json')) || allowRemoteModels) return;
  throw new ModelNotFoundError(modelId, [folder]);
}
