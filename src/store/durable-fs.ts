/**
 * SQLite's discipline for files that must survive a power cut: write, fsync
 * the file, rename it into place, fsync the folder holding the new name.
 * Every step can be observed (FsTrace) so that a test can check the order.
 */
import { copyFile, link, open, readdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type FsStep = { op: 'fsync' | 'fsyncDir' | 'write'; path: string } | { op: 'rename'; path: string; to: string };
export type FsTrace = (step: FsStep) => void;

/** Flushes a file's data and metadata to the disk. */
export async function fsyncFile(path: string, trace?: FsTrace): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  trace?.({ op: 'fsync', path });
}

/** Flushes a folder's entries (names created, renamed or removed in it). */
export async function fsyncDir(path: string, trace?: FsTrace): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) cannot fsync a folder; the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
  trace?.({ op: 'fsyncDir', path });
}

/** Writes and fsyncs a file (no rename: for files inside a folder that is renamed into place). */
export async function writeFileSynced(path: string, data: string, trace?: FsTrace): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  trace?.({ op: 'write', path });
  trace?.({ op: 'fsync', path });
}

/** Renames, then fsyncs the destination's folder so that the new name survives a crash. */
export async function renameSynced(from: string, to: string, trace?: FsTrace): Promise<void> {
  await rename(from, to);
  trace?.({ op: 'rename', path: from, to });
  await fsyncDir(dirname(to), trace);
}

/** Replaces `path` atomically and durably: temporary file, fsync, rename, fsync the folder. */
export async function replaceFileDurably(path: string, data: string, trace?: FsTrace, temporary = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`): Promise<void> {
  await writeFileSynced(temporary, data, trace);
  await renameSynced(temporary, path, trace);
}

/** fsyncs every file under `dir`, then every folder, deepest first. */
export async function fsyncTree(dir: string, trace?: FsTrace): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await fsyncTree(path, trace);
    else if (entry.isFile()) await fsyncFile(path, trace);
  }
  await fsyncDir(dir, trace);
}

/** Shares a file of an earlier version: a hard link where the file system allows, else a copy. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}
