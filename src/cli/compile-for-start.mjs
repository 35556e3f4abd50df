/**
 * `npm start`'s first step (its prestart script): compiles src/ into dist/ with esbuild, unless dist/
 * was compiled after every source file and folder last changed. A restart with unchanged code then
 * skips half a second of compiling. Plain JavaScript, because it runs before anything is compiled.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

const { files, latest } = sourcesOf(SOURCES);
const upToDate = existsSync(STAMP) && statSync(STAMP).mtimeMs > latest;
if (!upToDate) {
  const { build } = await import('esbuild');
  await build({ entryPoints: files, outdir: OUT, outbase: SOURCES, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
