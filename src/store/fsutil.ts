// Atomic, exclusive and serialised writes. A crash leaves the old file or the new one, never half.
// The write lock that serialises them is in lock.ts, the store's own folder in state-dir.ts; both
// are re-exported here, where writers have always found them.
import { randomBytes } from "node:crypto";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { assertLockHeld } from "./lock.js";

export {
  assertLockHeld,
  describeHolder,
  inspectLock,
  lockPath,
  LockLostError,
  withLock,
  type LockHolder,
  type LockOptions,
} from "./lock.js";
export { stateDir } from "./state-dir.js";

// ---------------------------------------------------------------------------------------------
// Temporary files

/**
 * The git-ignore pattern of a write's temporary file: a dot-file beside its target
 * (`.C-261126-B0BC.yaml.aftercare-1234-9f3a0c1e.tmp`), so the final rename stays in one folder.
 * `init` writes it into the store's .gitignore; older stores get it in the clone's
 * `.git/info/exclude` on their next write (ignoreTempFiles).
 */
export const TEMP_IGNORE = ".*.aftercare-*.tmp";

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.aftercare-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** A write's temporary file (a crash may leave one behind), also as older versions named them. */
export function isTempFile(name: string): boolean {
  return /^\..+\.aftercare-\d+-[0-9a-f]{8}\.tmp$/.test(name) || /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}

/**
 * Test seams, to simulate what a test machine cannot do: `write` replaces the writing of a
 * temporary file's bytes (throw ENOSPC from it, after writing part of them, to fill the disk);
 * `beforeRename` runs just before a temporary file takes its target's place.
 */
export const faults: {
  write?: (fh: FileHandle, text: string, target: string) => Promise<void>;
  beforeRename?: (target: string) => void | Promise<void>;
} = {};

/** Write `text` to a new temporary file beside `path`; on any failure the file is removed. */
async function writeTemp(path: string, text: string, mode?: number): Promise<string> {
  await fs.mkdir(dirname(path), { recursive: true });
  const tmp = tempName(path);
  const fh = await fs.open(tmp, "wx", mode ?? 0o644);
  let closed = false;
  try {
    // the mode of the file being replaced, exactly (open's mode is narrowed by the umask)
    if (mode !== undefined) await fh.chmod(mode);
    if (faults.write) await faults.write(fh, text, path);
    else await fh.writeFile(text, "utf8");
    await fh.sync();
    closed = true;
    await fh.close();
  } catch (e) {
    if (!closed) await fh.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  return tmp;
}

/** Make a rename or link in `dir` durable (best effort: not every file system syncs folders). */
async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await fs.open(dir, "r");
    await fh.sync();
  } catch {
    // EISDIR, EINVAL, EPERM on some platforms and file systems: nothing more to do
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/**
 * Replace `path` with `text` atomically (temporary file, fsync, rename, fsync of the folder).
 * The file keeps its mode (a record set to 0600 stays 0600). No temporary file outlives a failure.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  assertLockHeld(path);
  const mode = await fs.stat(path).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  const tmp = await writeTemp(path, text, mode);
  try {
    await faults.beforeRename?.(path);
    assertLockHeld(path);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(path));
}

/**
 * Create `path` with `text`, atomically and only if it does not exist yet: the complete file is
 * hard-linked into place, which fails when another writer got there first. Returns false then.
 */
export async function createExclusive(path: string, text: string): Promise<boolean> {
  assertLockHeld(path);
  const tmp = await writeTemp(path, text);
  try {
    await faults.beforeRename?.(path);
    assertLockHeld(path);
    await fs.link(tmp, path);
    await syncDir(dirname(path));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    if ((e as NodeJS.ErrnoException).code === "EPERM" || (e as NodeJS.ErrnoException).code === "ENOTSUP") {
      // file systems without hard links: exclusive open, then write (not atomic, still exclusive)
      try {
        await fs.writeFile(path, text, { flag: "wx" });
        return true;
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === "EEXIST") return false;
        await fs.rm(path, { force: true }).catch(() => undefined); // a half-written file is no record
        throw e2;
      }
    }
    throw e;
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

/**
 * Older stores' .gitignore does not name the temporary files: ignore them in the clone's own
 * `info/exclude` (never committed, so nothing in the store changes). Best effort.
 */
export async function ignoreTempFiles(gitDir: string | undefined): Promise<void> {
  if (!gitDir) return;
  try {
    let common = gitDir;
    const pointer = join(gitDir, "commondir"); // a worktree: info/ lives in the main .git
    if (existsSync(pointer)) common = resolve(gitDir, readFileSync(pointer, "utf8").trim());
    const file = join(common, "info", "exclude");
    const text = await fs.readFile(file, "utf8").catch(() => "");
    if (text.split(/\r?\n/).includes(TEMP_IGNORE)) return;
    await fs.mkdir(dirname(file), { recursive: true });
    await fs.appendFile(
      file,
      `${text && !text.endsWith("\n") ? "\n" : ""}# aftercare: the temporary file of a write in progress\n${TEMP_IGNORE}\n`,
    );
  } catch {
    // a read-only .git: the files are short-lived and removed on failure anyway
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}
