import cliProgress from 'cli-progress';
import type { Logger } from 'pino';

export interface Progress {
  tick(done: number): void;
  stop(): void;
}

/**
 * A progress bar on a terminal, log lines (every 10 %) otherwise, so
 * that CI logs stay readable.
 */
export function startProgress(label: string, total: number, logger: Logger, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration}s`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let lastDecile = -1;
  return {
    tick(done) {
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile === lastDecile) return;
      lastDecile = decile;
      logger.info({ done, total }, `${label}: ${done}/${total} (${decile * 10}%)`);
    },
    stop() {},
  };
}
