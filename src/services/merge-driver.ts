// git's merge driver for records (installed by git-support.ts): merges a record field by field,
// in the order its schema gives the fields.
import { promises as fs } from "node:fs";
import type { RecordKind } from "../domain/ids.js";
import { SCHEMAS, settingsSchema } from "../domain/schema.js";
import type { Git } from "../store/git.js";
import { mergeRecord } from "../store/merge.js";
import { FOLDERS } from "../store/store.js";

/** The fields of the record at `path`, in the order its file holds them. */
export function keyOrder(path: string): readonly string[] {
  if (path.endsWith("aftercare.yaml")) return Object.keys(settingsSchema.shape);
  const kind = (Object.entries(FOLDERS).find(([, f]) => path.split("/").includes(f))?.[0] ?? "customer") as RecordKind;
  return Object.keys((SCHEMAS[kind] as unknown as { shape: object }).shape);
}

/**
 * git's merge driver: %O %A %B %P. Writes the result into %A; exit 0 when clean, 1 with
 * conflict markers around the fields changed both ways. Anything not a record, and anything that
 * goes wrong here: git's line merge, with its markers.
 */
export async function mergeDriver(
  base: string,
  ours: string,
  theirs: string,
  path: string,
  git: Git,
  env: NodeJS.ProcessEnv = {},
): Promise<number> {
  // 'aftercare sync' names the sides in the words its summary uses ("this desk", "the server")
  const labels = { ours: env.AFTERCARE_MERGE_OURS || "ours", theirs: env.AFTERCARE_MERGE_THEIRS || "theirs" };
  const lineMerge = async () => {
    const r = await git.run(["merge-file", "-L", labels.ours, "-L", "base", "-L", labels.theirs, ours, base, theirs]);
    return r.code === 0 ? 0 : 1;
  };
  try {
    const [o, a, b] = await Promise.all([base, ours, theirs].map((f) => fs.readFile(f, "utf8")));
    const r = mergeRecord(o!, a!, b!, keyOrder(path), { labels });
    if (!r) return await lineMerge();
    await fs.writeFile(ours, r.text);
    return r.conflicts.length ? 1 : 0;
  } catch {
    return lineMerge();
  }
}
