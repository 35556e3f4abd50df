import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded when first used. The server imports this stage for its sentence splitter and
 * article metadata, and should not pay at every start for the packages only reading a new article
 * needs (HTML and YAML parsers: about 0.1 s of a 2.4 s start on the 72k-passage archive).
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
