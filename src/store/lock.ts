import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IngestLockedError } from '../errors.js';

export interface IngestLock {
  release(): Promise<void>;
}

/**
 * An exclusive lock file (O_EXCL) holding the owner's pid. A lock left by a
 * process that no longer exists (crash, kill -9) is taken over.
 */
export async function acquireIngestLock(lockPath: string, owner = `pid ${process.pid}`): Promise<IngestLock> {
  await mkdir(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, owner, since: new Date().toISOString() }));
      await handle.close();
      return { release: () => rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(lockPath);
      if (holder && isAlive(holder.pid)) throw new IngestLockedError(lockPath, holder.owner);
      await rm(lockPath, { force: true }); // stale
    }
  }
  throw new IngestLockedError(lockPath, 'unknown');
}

async function readHolder(lockPath: string): Promise<{ pid: number; owner: string } | null> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as { pid?: unknown; owner?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, owner: String(parsed.owner ?? `pid ${parsed.pid}`) } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
