// A derived cache of validated records in .aftercare/ (git-ignored, always safe to delete): a file
// whose size, times and inode are unchanged since it was read is not parsed again. Reading a
// large store then costs a stat per file instead of a YAML parse.
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from "node:fs";
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
      const data = JSON.parse(readFileSync(this.file(kind), "utf8")) as {
        format: number;
        entries: Record<string, CacheEntry>;
      };
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

// --- what `aftercare check` found sound, to check only what changed next time -------------------

/** Bump when what a check memo holds changes meaning (its facts, or which files it counts as sound). */
export const CHECK_FORMAT = 2;

/**
 * The files the last check found sound, as three parallel lists in the order it listed them: each
 * file's path, its stamp then, and what the rules across records need of it (opaque here).
 */
export interface CheckMemoFiles {
  paths: string[];
  stamps: string[];
  facts: string[];
}

/** CheckMemoFiles as a check keeps them (compactly), each file's parts given as they are written. */
export interface CheckMemoSource {
  length: number;
  path(k: number): string;
  stamp(k: number): string;
  facts(k: number): string;
  /** called after each 4,096 files written (to collect the garbage the writing leaves) */
  written?: () => void;
}

/**
 * .aftercare/check.json: what the last check found sound (CheckMemoFiles). Valid only for the
 * same `basis` (a digest of the settings as validated, aftercare's version and the code that
 * checked), and never the source of truth: a file whose stamp differs is read again; a missing or
 * damaged memo is rebuilt. Lists of strings, which hold no object per file; check reads them a
 * piece at a time (services/check-memo-read.ts readMemo).
 */
export class CheckMemo {
  constructor(private readonly root: string) {}

  private file(): string {
    return join(this.root, ".aftercare", "check.json");
  }

  /**
   * Best effort, like the record cache: a store on a read-only disk simply checks everything each
   * time. Text outside ASCII is written as JSON escapes, so the file reads as Latin-1 (fastest).
   */
  write(basis: string, files: CheckMemoFiles | CheckMemoSource): void {
    let fd: number | undefined;
    try {
      const dir = stateDir(this.root);
      const tmp = join(dir, `check.json.${process.pid}.tmp`);
      fd = openSync(tmp, "w");
      // in pieces, so that no string of the whole memo is ever made
      const put = (text: string) =>
        writeSync(
          fd!,
          /[^\u0000-\u007f]/.test(text)
            ? text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
            : text,
          null,
          "latin1",
        );
      put(`{"format":${CHECK_FORMAT},"basis":${JSON.stringify(basis)}`);
      const source: CheckMemoSource =
        "paths" in files
          ? {
              length: files.paths.length,
              path: (k) => files.paths[k]!,
              stamp: (k) => files.stamps[k]!,
              facts: (k) => files.facts[k]!,
            }
          : files;
      for (const key of ["path", "stamp", "facts"] as const) {
        put(`,"${key === "facts" ? key : `${key}s`}":[`);
        for (let i = 0; i < source.length; i += 4096) {
          const part: string[] = [];
          for (let k = i; k < Math.min(i + 4096, source.length); k++) part.push(source[key](k));
          put((i ? "," : "") + JSON.stringify(part).slice(1, -1));
          source.written?.();
        }
        put("]");
      }
      put("}");
      closeSync(fd);
      fd = undefined;
      renameSync(tmp, this.file());
    } catch {
      // the memo only saves time
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** The validated settings of aftercare.yaml, as of the file's stamp (and this format). */
export function readSettingsCache(root: string, stamp: string): unknown {
  try {
    const data = JSON.parse(readFileSync(join(root, ".aftercare", "cache", "settings.json"), "utf8")) as {
      format: number;
      stamp: string;
      settings: unknown;
    };
    return data.format === FORMAT && data.stamp === stamp ? data.settings : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort, like the record cache. */
export function writeSettingsCache(root: string, stamp: string, settings: unknown): void {
  try {
    const dir = join(stateDir(root), "cache");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "settings.json");
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, stamp, settings }));
    renameSync(tmp, file);
  } catch {
    // the cache only saves time
  }
}
