/**
 * Model-specific conventions. E5-family models were trained with a
 * "query: " / "passage: " prefix and lose quality without it.
 */
export interface ModelConventions {
  queryPrefix: string;
  passagePrefix: string;
}

const NO_PREFIX: ModelConventions = { queryPrefix: '', passagePrefix: '' };
const E5: ModelConventions = { queryPrefix: 'query: ', passagePrefix: 'passage: ' };

const KNOWN_MODELS: ReadonlyArray<[RegExp, ModelConventions]> = [
  [/(^|\/)(multilingual-)?e5-/i, E5],
  [/(^|\/)bge-.*-en/i, { queryPrefix: 'Represent this sentence for searching relevant passages: ', passagePrefix: '' }],
];

export function conventionsFor(modelId: string): ModelConventions {
  return KNOWN_MODELS.find(([pattern]) => pattern.test(modelId))?.[1] ?? NO_PREFIX;
}

/** The project's own models are exported unquantized; hub models usually ship model_quantized.onnx. */
export function isProjectModel(modelId: string): boolean {
  return modelId.startsWith('newsdesk/');
}
