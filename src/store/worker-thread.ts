/**
 * Starts one of the store's worker threads (graph-worker, lexical-search-worker). `npm start` runs the
 * JavaScript compiled into dist/; tests and tools run the TypeScript through tsx, which a worker does
 * not inherit, so it is registered in the worker before its module is imported.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function startWorker(name: string, from: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData, resourceLimits });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL(`./${name}.ts`, from).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true, workerData, resourceLimits });
}
