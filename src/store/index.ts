/** Public surface of the store: the index on disk, its versions, and the in-memory passage store. */
export { PassageIndex, type PassageStore, type VectorHit, type HnswIndex } from './passage-index.js';
export { loadIndex, loadVersion, loadSkeleton, currentVersion, whyIndexIsNeeded, type ExpectedModel, type IndexSkeleton } from './read-index.js';
export { HNSW_SETTINGS } from './graph-settings.js';
export { updateIndex, primeSkeletonCache, type IngestSummary, type SkeletonCache, type UpdateIndexOptions } from './update-index.js';
export { acquireIngestLock, type IngestLock } from './lock.js';
export { indexPaths } from './layout.js';
export type { Manifest } from './manifest.js';
export { fsyncDir, fsyncFile, replaceFileDurably, renameSynced, writeFileSynced, type FsStep, type FsTrace } from './durable-fs.js';
export type { FailedFile } from './manifest.js';
export { LexicalStore, type LexicalRow, type LexicalMatch } from './lexical-store.js';
export { IndexDatabase, openIndexDatabase } from './index-database.js';
export { cleanTextHash, documentKey, type DocumentInfo } from './document-table.js';
