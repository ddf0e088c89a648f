// Atomic, exclusive and serialised writes. A crash leaves the old file or the new one, never half.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, promises as fs, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import lockfile from "proper-lockfile";
import { UserError } from "../errors.js";

async function writeTemp(path: string, text: string): Promise<string> {
  await fs.mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fh = await fs.open(tmp, "wx", 0o644);
  try {
    await fh.writeFile(text, "utf8");
    await fh.sync();
  } finally {
    await fh.close();
  }
  return tmp;
}

/** Replace `path` with `text` atomically (temporary file, fsync, rename). */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = await writeTemp(path, text);
  try {
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Create `path` with `text`, atomically and only if it does not exist yet: the complete file is
 * hard-linked into place, which fails when another writer got there first. Returns false then.
 */
export async function createExclusive(path: string, text: string): Promise<boolean> {
  const tmp = await writeTemp(path, text);
  try {
    await fs.link(tmp, path);
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
        throw e2;
      }
    }
    throw e;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/**
 * The store's own folder for locks and caches. It ignores itself in git, so it never shows up as
 * untracked even in a store whose .gitignore does not name it.
 */
export function stateDir(root: string): string {
  const dir = join(root, ".aftercare");
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, ".gitignore");
  if (!existsSync(ignore)) writeFileSync(ignore, "# aftercare's locks and caches: derived, never committed\n*\n");
  return dir;
}

/** Run `fn` holding the store's write lock, so a cron job and a person writing at once both land. */
export async function withLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const dir = stateDir(root);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(root, {
      lockfilePath: join(dir, "write.lock"),
      realpath: false,
      stale: 20_000,
      retries: { retries: 60, factor: 1.3, minTimeout: 30, maxTimeout: 500 },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ELOCKED")
      throw new UserError(`another aftercare command is writing to this store and did not finish in time; try again (lock: ${join(dir, "write.lock")}); nothing was written`);
    throw e;
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
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
