import { existsSync, readFileSync } from 'node:fs';
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

/**
 * The vector size a model on disk declares (`hidden_size` of its config.json), read without loading it;
 * null when the model is not on disk or does not say.
 */
export function declaredDimensions({ modelsDir, modelId }: Pick<ModelLocation, 'modelsDir' | 'modelId'>): number | null {
  try {
    const config = JSON.parse(readFileSync(join(modelsDir, modelId, 'config.json'), 'utf8')) as { hidden_size?: unknown };
    return typeof config.hidden_size === 'number' ? config.hidden_size : null;
  } catch {
    return null;
  }
}
