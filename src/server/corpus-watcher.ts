import { watch, type FSWatcher } from 'chokidar';
import { IngestBusyError, type ReindexJobs } from './reindex-jobs.js';

/**
 * WATCH_CORPUS=true: re-index shortly after files in the corpus change.
 * Changes are debounced; a change during a running job triggers one more run after it.
 */
export function watchCorpus(corpusDir: string, jobs: ReindexJobs, debounceMs: number, log: { info(m: string): void }): { close(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let pending = false;
  const trigger = () => {
    timer = null;
    try {
      const { done } = jobs.start('corpus watcher');
      void done.then(() => {
        if (pending) {
          pending = false;
          schedule();
        }
      });
    } catch (error) {
      if (!(error instanceof IngestBusyError)) throw error;
      pending = true;
      void waitAndRetry();
    }
  };
  const waitAndRetry = async () => {
    while (jobs.current) await new Promise((r) => setTimeout(r, 200));
    if (pending) {
      pending = false;
      schedule();
    }
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
