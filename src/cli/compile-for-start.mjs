/**
 * `npm start`'s first step (see launch.mjs): compiles src/ into dist/ with esbuild, unless dist/ was
 * compiled after every source file and folder last changed. A restart with unchanged code then skips
 * half a second of compiling. Plain JavaScript, because it runs before anything is compiled. Run
 * directly (`node src/cli/compile-for-start.mjs`), it only compiles.
 */
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = join(ROOT, 'src');
const OUT = join(ROOT, 'dist');
/** Written after a successful compile; its time is what the sources are compared with. */
const STAMP = join(OUT, '.compiled');

/** The .ts files under `dir` and the latest change time of those files and of the folders (a removed or renamed file changes its folder's). */
function sourcesOf(dir) {
  const files = [];
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, statSync(path).mtimeMs);
    else if (entry.name.endsWith('.ts')) {
      files.push(path);
      latest = Math.max(latest, statSync(path).mtimeMs);
    }
  }
  return { files, latest };
}

/** Compiles src/ into dist/ when a source file or folder changed since the last compile. */
export async function compileIfStale() {
  const { files, latest } = sourcesOf(SOURCES);
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs > latest) return;
  const { build } = await import('esbuild');
  await build({ entryPoints: files, outdir: OUT, outbase: SOURCES, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

// Run directly (not imported by launch.mjs): compile only. Real paths, as the project may sit behind a symbolic link.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await compileIfStale();
