// What a failed run left in the store: the files git shows as changed that were touched since the
// run began (the write lock's folder .aftercare/ aside), for the error's last line.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import type { Written } from "../errors.js";
import type { Git } from "./git.js";

/** The store's files changed since `started` (ms), as the error of a run that stopped says them. */
export async function writtenSince(git: Git, started: number): Promise<Written> {
  const st = await git.run([
    "status",
    "--porcelain=v1",
    "-z",
    "--untracked-files=all",
    "--ignored=matching",
    "--",
    ".",
  ]);
  if (st.code !== 0) return { state: "unknown" };
  const files: string[] = [];
  const entries = st.stdout.split("\0");
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.length < 4) continue;
    if (e[0] === "R" || e[0] === "C") i++; // a rename's source follows
    const file = e.slice(3);
    if (file.startsWith(".aftercare/")) continue;
    const stat = await fs.stat(join(git.cwd, file)).catch(() => undefined);
    if (stat && stat.mtimeMs >= started - 1000) files.push(file);
  }
  return files.length ? { state: "left", files } : { state: "nothing" };
}
