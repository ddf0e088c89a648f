// The small files git and aftercare keep beside the records: read quietly, stamped, hashed, written whole.
import { createHash } from "node:crypto";
import { promises as fs, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";

/** A file's text, or undefined when it cannot be read. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** A file's identity and last change ("-" when absent): a different stamp means it may have changed. */
export function stamp(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return "-";
  }
}

/** A folder's stamp: a file added, removed or renamed in it changes it. */
export function dirStamp(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return s.isDirectory() ? `${s.ino}:${s.mtimeNs}:${s.ctimeNs}` : "-";
  } catch {
    return "-";
  }
}

export function hashFile(path: string): string {
  try {
    return createHash("sha1").update(readFileSync(path)).digest("hex");
  } catch {
    return "-";
  }
}

export function hashOf(path: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}

/** A small file written whole or not at all (a temp file renamed over it): a full disk leaves no torn note. */
export async function writeWhole(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export function writeWholeSync(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
