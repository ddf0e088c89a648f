// What the index's modules share: its format, the limit past which git names the changed files,
// the groups records fall in, and the moments that bound how long found duties hold.
import { closeSync, openSync, readdirSync, readSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../errors.js";
import type { RecordKind } from "../../domain/ids.js";
import type { Settings } from "../../domain/schema.js";
import { momentOf } from "../../domain/time.js";
import { calendarStamp } from "../calendar-source.js";
import { locateRepo } from "../git.js";
import { FOLDERS } from "../store.js";

/** The code of a better-sqlite3 error (SQLITE_BUSY…), or "" for an error without one. */
export function sqliteCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : "";
}

/** Bump when what is stored changes meaning (schemas, reading rules, the rules engine's output). */
export const FORMAT = "10";
/**
 * Up to this many record files every file's stamp is compared on every read (≈ 2–3 µs a file, and
 * the file table read: ~85 ms of a 235 ms read at 20,000 files, against ~150 ms for a whole read
 * the store's watcher answers at 205,000); past it, the store's watcher or git names the files
 * that changed (GitSignal). AFTERCARE_FULL_STAT_FILES sets another number (the tests take the
 * large store's path on a small store with it).
 */
export const FULL_STAT_FILES = 10_000;
/** watch.why: HEAD does not hold the file, so git cannot vouch for it */
export const UNTRACKED = 1;
/** watch.why: git named it last time, or it changed while git looked: compared once more */
export const RECHECK = 2;
/**
 * A file changed in the seconds around git's look may change again unseen by git, which compares
 * times in whole seconds (and may have looked before the change): it is compared once more at the
 * next read. Two seconds before the look's own, for file systems that keep whole or two seconds.
 */
export const WINDOW_S = 2;

/** The number of record files up to which every stamp is compared: FULL_STAT_FILES, or AFTERCARE_FULL_STAT_FILES. */
export function fullStatLimit(env: NodeJS.ProcessEnv): number {
  const given = env.AFTERCARE_FULL_STAT_FILES?.trim();
  if (!given) return FULL_STAT_FILES;
  if (!/^\d+$/.test(given))
    throw new UsageError(
      `AFTERCARE_FULL_STAT_FILES "${env.AFTERCARE_FULL_STAT_FILES}" must be a whole number of files, such as 30000 (or unset, for ${FULL_STAT_FILES}); nothing was read`,
    );
  return Number(given);
}

/** How many files git's index tracks, from its header (and a split index's shared part); 0 when it cannot tell. */
export function trackedFiles(root: string, env: NodeJS.ProcessEnv): number {
  const loc = locateRepo(root, env);
  if (typeof loc !== "object") return 0;
  const count = (file: string): number => {
    try {
      const fd = openSync(file, "r");
      try {
        const head = Buffer.alloc(12);
        return readSync(fd, head, 0, 12, 0) === 12 && head.toString("latin1", 0, 4) === "DIRC"
          ? head.readUInt32BE(8)
          : 0;
      } finally {
        closeSync(fd);
      }
    } catch {
      return 0;
    }
  };
  let n = count(join(loc.gitDir, "index"));
  try {
    for (const f of readdirSync(loc.gitDir))
      if (f.startsWith("sharedindex.")) n = Math.max(n, count(join(loc.gitDir, f)));
  } catch {
    // no .git to list: the index's own count
  }
  return n;
}

/** Whether a file with this stamp (cache.ts stampOf: size:mtime:ctime:inode) changed within WINDOW_S seconds of moment `t`, or after. */
export function changedNear(stamp: string, t: number): boolean {
  const a = stamp.indexOf(":");
  const b = stamp.indexOf(":", a + 1);
  return Number(stamp.slice(b + 1, stamp.indexOf(":", b + 1))) >= (Math.floor(t / 1000) - WINDOW_S) * 1000;
}
export const KIND_ORDER: RecordKind[] = ["customer", "ticket", "contact", "event", "waiver"];
export const EVENTS = "#event";
export const WAIVERS = "#waiver";

/** The folders of every kind of record, in KIND_ORDER. */
export const RECORD_FOLDERS: string[] = KIND_ORDER.map((k) => FOLDERS[k]);

/** Every moment the records (or settings) name: duties found at one moment hold until the next. */
export function momentsOf(value: unknown, tz: string, out: number[]): void {
  if (typeof value === "string") {
    // most strings are not dates: the dash after the year says which may be
    if (value.length < 10 || value.charCodeAt(4) !== 45) return;
    if (value.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(value)) out.push(momentOf(value, tz));
    else if (value.length >= 19 && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) out.push(t);
    }
  } else if (Array.isArray(value)) for (const v of value) momentsOf(v, tz, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) momentsOf(v, tz, out);
}

/**
 * What the rules engine reads of the settings (absences only move duties between people, later),
 * and the source of the public holidays with its version (calendar-source.ts): updating the
 * dataset finds every duty again. Not the language a read is shown in: found duties are data
 * (domain/duties/topics.ts), worded when shown, so a desk that reads in English beside one that
 * reads in Chinese finds nothing again.
 */
export function basisOf(settings: Settings): string {
  const staff = settings.staff.map(({ absences: _a, ...s }) => s);
  // how the index is kept fresh is no rule's business
  const { index: _i, ...rules } = settings;
  return JSON.stringify([FORMAT, { ...rules, staff }, calendarStamp(settings)]);
}

/** The group a record belongs to: its customer, or every event, or every waiver; null for a record outside any. */
export function groupOf(kind: RecordKind, id: string, value: unknown): string | null {
  switch (kind) {
    case "customer":
      return id;
    case "ticket":
    case "contact":
      return (value as { customer: string }).customer;
    case "event":
      return EVENTS;
    case "waiver":
      return WAIVERS;
  }
}
