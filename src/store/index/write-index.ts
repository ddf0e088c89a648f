// The derived index a write opens under the store's lock, in a large store (after-write.ts): one
// refresh that serves the write's view of a customer, names what is uncommitted in place of git
// status, and takes the write's own commit afterwards.
import type { Store } from "../store.js";
import { RECORD_PATHS } from "../git/uncommitted.js";
import { fullStatLimit, RECORD_FOLDERS, trackedFiles } from "./common.js";
import { RecordIndex } from "./record-index.js";

/**
 * The index, up to date, when the store is past the full-stat limit (its refresh asks git) and an
 * index of this format already reflects a commit; else undefined (the write asks git status, and
 * the next read brings the index up to date or builds it, as before).
 */
export async function openForWrite(
  store: Store,
  now: Date,
  locale: string,
  env: NodeJS.ProcessEnv,
  progress?: (counts: { files: number; groups: number }) => void,
): Promise<RecordIndex | undefined> {
  if (env.AFTERCARE_INDEX === "off") return undefined;
  let limit: number;
  try {
    limit = fullStatLimit(env);
  } catch {
    return undefined; // the next read words the setting's problem
  }
  if (trackedFiles(store.root, env) <= limit) return undefined;
  // git is also asked about aftercare.yaml and saved reports: what a write names as uncommitted
  const paths = RECORD_PATHS.filter((p) => !RECORD_FOLDERS.includes(p));
  return RecordIndex.open(store, now, locale, env, { existing: true, paths, progress });
}
