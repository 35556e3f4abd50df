import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until the server said it is listening. */
  listeningAfterMs: number;
  /** What the server printed on stderr so far. */
  stderr(): string;
  rssBytes(): Promise<number>;
  stop(): Promise<number | null>;
}

/** `npm start` in its own process (as users run it), on a free loopback port. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MODELS_DIR: join(ROOT, 'models'), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /answering at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) resolveUrl(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    pid: child.pid!,
    listeningAfterMs: performance.now() - started,
    stderr: () => stderr,
    rssBytes: async () => Number(/VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    stop: () =>
      new Promise((resolveExit) => {
        child.once('exit', (code) => resolveExit(code));
        child.kill('SIGTERM');
      }),
  };
}
