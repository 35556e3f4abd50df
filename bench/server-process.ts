import { execFileSync, spawn } from 'node:child_process';
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

/** What `npm start` does first: compile src/ into dist/ when a source changed. */
export function compileForStart(): void {
  execFileSync(process.execPath, [join(ROOT, 'src/cli/compile-for-start.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * The server in its own process, on a free loopback port. With `compile`, what `npm start` runs (the
 * compile check, compiling when a source changed, then the server), and that time counts; without,
 * the compiled server alone: dist/ must be fresh (tests compile once before the end-to-end files
 * run, so that two servers never start while dist/ is rewritten).
 */
export async function spawnServer(env: Record<string, string>, options: { compile?: boolean } = {}): Promise<ServerProcess> {
  const started = performance.now();
  const entry = options.compile ? 'src/cli/launch.mjs' : 'dist/cli/start.js';
  const child = spawn(process.execPath, [join(ROOT, entry)], {
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
