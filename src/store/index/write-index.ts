// The derived index a write opens under the store's lock, in a large store (after-write.ts): one
// refresh that serves the write's view of a customer, names what is uncommitted in place of git
// status, and takes the write's own commit afterwards.
import type { Store } from "../store.js";
import { RECORD_PATHS, type UncommittedFile } from "../git/uncommitted.js";
import type { OwnCommit } from "./after-write.js";
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
  return RecordIndex.open(store, now, env, { existing: true, paths, progress });
}

/** The index a write opens under the store's lock, once, when first asked (Context.writeIndex). */
export class WriteIndex {
  private p?: Promise<RecordIndex | undefined>;

  constructor(private readonly opener: () => Promise<RecordIndex | undefined>) {}

  get(): Promise<RecordIndex | undefined> {
    return (this.p ??= this.opener());
  }

  /** What is uncommitted, as its refresh learnt it (from git, or the watcher and git), while HEAD is still `head` (finishEarlierWrites). */
  async uncommitted(head: string | undefined, env: NodeJS.ProcessEnv): Promise<UncommittedFile[] | undefined> {
    return (await this.get())?.uncommitted(head, env);
  }

  /** The write's own commit, handed to the index if the write opened one: the next read has nothing to catch up. */
  async noteCommit(own: OwnCommit, now: Date, env: NodeJS.ProcessEnv): Promise<void> {
    const idx = await this.p?.catch(() => undefined);
    // the index is derived: a failure here leaves it to the next read, which asks git
    await idx?.noteCommit(own, now, env).catch(() => false);
  }

  async close(): Promise<void> {
    const p = this.p;
    this.p = undefined;
    try {
      (await p)?.close();
    } catch {
      // an index that failed to open has nothing to close
    }
  }
}
