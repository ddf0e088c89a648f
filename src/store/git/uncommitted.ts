// Record files that differ from the last commit: read from `git status` or from what
// `update-index --refresh` says while a write stages its own, and the note that names them.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { FOLDERS, SETTINGS_FILE } from "../layout.js";

/** The files and folders that hold records: what "uncommitted records" looks at. */
export const RECORD_PATHS: readonly string[] = [SETTINGS_FILE, ...Object.values(FOLDERS), "reports"];

export interface UncommittedFile {
  /** relative to the store */
  path: string;
  status: "changed" | "new" | "deleted" | "conflicted";
}

/** `git status --porcelain=v1 -z` for the store at `prefix`; dot-files (temporary files) are left out. */
export function parseStatus(stdout: string, prefix: string): UncommittedFile[] {
  const out: UncommittedFile[] = [];
  for (const e of stdout.split("\0")) {
    if (e.length < 4) continue;
    const xy = e.slice(0, 2);
    const full = e.slice(3);
    if (!full.startsWith(prefix)) continue;
    const path = full.slice(prefix.length);
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (name.startsWith(".")) continue;
    const status =
      xy === "??"
        ? "new"
        : /U|AA|DD/.test(xy)
          ? "conflicted"
          : xy.includes("D")
            ? "deleted"
            : xy[0] === "A"
              ? "new"
              : "changed";
    out.push({ path, status });
  }
  return out;
}

/** Record files (other than `ours`) that `update-index --refresh` found changed or deleted. */
export function changedByHand(stdout: string, ours: string[], cwd: string, prefix: string): UncommittedFile[] {
  const mine = new Set(ours);
  const out: UncommittedFile[] = [];
  for (const line of stdout.split("\n")) {
    const m = /^(.+): needs (update|merge)$/.exec(line);
    if (!m || !m[1]!.startsWith(prefix)) continue;
    const path = m[1]!.slice(prefix.length);
    if (mine.has(path) || !RECORD_PATHS.some((r) => path === r || path.startsWith(`${r}/`))) continue;
    if (path.slice(path.lastIndexOf("/") + 1).startsWith(".")) continue;
    out.push({
      path,
      status: m[2] === "merge" ? "conflicted" : existsSync(join(cwd, ...path.split("/"))) ? "changed" : "deleted",
    });
  }
  return out;
}

/** The line every write shows while record files are changed and not committed by no write on record. */
export function othersNote(others: UncommittedFile[]): string {
  return `note: ${others.length} record file${others.length > 1 ? "s are" : " is"} changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): ${others
    .slice(0, 5)
    .map((f) => `${f.path}${f.status === "changed" ? "" : ` (${f.status})`}`)
    .join(
      ", ",
    )}${others.length > 5 ? ", …" : ""}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid`;
}
