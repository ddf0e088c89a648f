// A derived cache of validated records in .aftercare/ (git-ignored, always safe to delete): a file
// whose size, times and inode are unchanged since it was read is not parsed again. Reading a
// large store then costs a stat per file instead of a YAML parse.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from "node:fs";
import { join } from "node:path";
import { stateDir } from "./fsutil.js";

/**
 * Bump when the record schemas or the reading rules change what a cached value looks like or
 * which files read cleanly. 3: files are decoded as strict UTF-8 (a GBK file cached as valid
 * text full of U+FFFD must be read again and refused) and one-line fields refuse control
 * characters, so every entry written by an older aftercare is read again.
 */
const FORMAT = 3;

export interface CacheEntry {
  stamp: string;
  value: unknown;
}

export function stampOf(st: Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

export function statStamp(path: string): string | undefined {
  try {
    return stampOf(statSync(path));
  } catch {
    return undefined;
  }
}

export class RecordCache {
  constructor(private readonly root: string) {}

  private file(kind: string): string {
    return join(this.root, ".aftercare", "cache", `${kind}.json`);
  }

  read(kind: string): Map<string, CacheEntry> {
    try {
      const data = JSON.parse(readFileSync(this.file(kind), "utf8")) as { format: number; entries: Record<string, CacheEntry> };
      if (data.format !== FORMAT) return new Map();
      return new Map(Object.entries(data.entries));
    } catch {
      return new Map();
    }
  }

  /** Best effort: a store on a read-only disk simply goes without. */
  write(kind: string, entries: Map<string, CacheEntry>): void {
    try {
      const file = this.file(kind);
      mkdirSync(join(stateDir(this.root), "cache"), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(entries) }));
      renameSync(tmp, file);
    } catch {
      // the cache only saves time
    }
  }
}
