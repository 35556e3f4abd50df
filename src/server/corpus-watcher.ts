import { watch, type FSWatcher } from 'chokidar';
import type { ReindexJobs } from './reindex-jobs.js';

/**
 * WATCH_CORPUS=true: re-index shortly after files in the corpus change.
 * Changes are debounced; a change during a running job is coalesced into the
 * job queued after it.
 */
export function watchCorpus(corpusDir: string, jobs: ReindexJobs, debounceMs: number, log: { info(m: string): void }): { close(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  const trigger = () => {
    timer = null;
    jobs.enqueue('corpus watcher');
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(trigger, debounceMs);
  };
  const watcher: FSWatcher = watch(corpusDir, { ignoreInitial: true, ignored: (path) => /(^|[/\\])\.[^/\\]+$/.test(path), awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 } });
  watcher.on('all', (event, path) => {
    log.info(`Corpus changed (${event} ${path}); re-indexing in ${debounceMs} ms.`);
    schedule();
  });
  return {
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
