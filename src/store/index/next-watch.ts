// What a refresh leaves for the next one to look at (sync-files.ts; docs/performance.md
// "Freshness"): table `watch` (files git cannot vouch for, files to compare once more) and the
// commit and git index the index reflects.
import { RECHECK, RECORD_FOLDERS, UNTRACKED } from "./common.js";
import { dropMeta, meta, setMeta, type DB } from "./schema.js";
import type { FileSignal, Found, GitView } from "./sync-files.js";

/** A record file's path (a record folder's .yaml or .yml, not a dot-file such as a write's temporary file). */
export const isRecordPath = (p: string): boolean =>
  RECORD_FOLDERS.some((f) => p.startsWith(`${f}/`)) &&
  /\.ya?ml$/.test(p) &&
  !p.slice(p.lastIndexOf("/") + 1).startsWith(".");

/**
 * What to look at next time (table `watch`): the files that differ from HEAD, those git may have
 * seen before their change, and those HEAD does not hold (git vouches only for files in its
 * commit); and the commit and git index the index now reflects (meta `head`, `gitIndex`).
 *
 * After a read the watcher answered (`git.told`), the files it saw change are kept (RECHECK)
 * with those kept before, until git's sweep runs again: a read that falls back to git (the
 * watcher gone, or unable to vouch) must compare every file the index took from the watcher, since
 * git names only files that differ from HEAD, and one of them may have been put back unseen.
 * git's index as the last sweep saw it is kept too (its same-second guard, meta `gitIndex`).
 */
export async function nextWatch(
  db: DB,
  signal: FileSignal | undefined,
  git: GitView | undefined,
  o: { sweep: boolean; watched: Map<string, number>; found: Found[]; recent: Set<string> },
): Promise<string | undefined> {
  const next = new Map<string, number>();
  let head: string | undefined;
  if (signal && git) {
    const outside = await outsideHead(db, signal, git, o);
    // when git could not say which files HEAD holds, every stamp is compared next time
    if (outside) {
      head = git.head;
      const indexed = db.prepare("SELECT 1 FROM file WHERE path = ?").pluck();
      for (const p of outside) if (indexed.get(p)) next.set(p, UNTRACKED);
      // with the watcher's answer, the files a move of HEAD changed are kept too (they may differ from
      // the new HEAD with no event: `git reset --soft`): `watch` then holds every file that may differ
      // from HEAD, which a write asks git about instead of sweeping (after-write.ts uncommittedTold)
      const again = git.told
        ? [
            ...git.told,
            ...[...o.watched].filter(([, w]) => w & RECHECK).map(([p]) => p),
            ...(git.changed?.keys() ?? []),
          ]
        : [];
      // a record file deleted (git says so, or the watcher told of it and no row holds it) is kept
      // as well: HEAD may hold it
      const gone = (p: string) => git.dirty.get(p) === "D" || (!!git.told && isRecordPath(p));
      for (const p of [...git.dirty.keys(), ...o.recent, ...again])
        if (next.has(p) || indexed.get(p) || gone(p)) next.set(p, (next.get(p) ?? 0) | RECHECK);
    }
  }
  // written only when it changed: a read that finds nothing new writes nothing
  if (next.size !== o.watched.size || [...next].some(([p, w]) => o.watched.get(p) !== w)) {
    db.exec("DELETE FROM watch");
    const putWatch = db.prepare("INSERT INTO watch (path, why) VALUES (?, ?)");
    for (const [p, w] of next) putWatch.run(p, w);
  }
  const kept = head === undefined ? {} : { head, gitIndex: git!.told ? meta(db, "gitIndex") : signal!.indexStamp };
  for (const k of ["head", "gitIndex"] as const) {
    const v = kept[k];
    if (v === undefined) {
      if (meta(db, k) !== undefined) dropMeta(db, k);
    } else if (meta(db, k) !== v) setMeta(db, k, v);
  }
  return head;
}

/** The indexed files HEAD does not hold; undefined when git cannot say. */
async function outsideHead(
  db: DB,
  signal: FileSignal,
  git: GitView,
  o: { sweep: boolean; watched: Map<string, number>; found: Found[] },
): Promise<Set<string> | undefined> {
  if (o.sweep) {
    const held = await signal.inHead(RECORD_FOLDERS);
    if (!held) return undefined;
    return new Set((db.prepare("SELECT path FROM file").pluck().all() as string[]).filter((p) => !held.has(p)));
  }
  const outside = new Set<string>();
  for (const [p, why] of o.watched) if (why & UNTRACKED) outside.add(p);
  for (const [p, status] of git.changed!) {
    if (status === "D") outside.add(p);
    else outside.delete(p);
  }
  // new files no commit brought: HEAD may hold them (restored by hand) or not
  const fresh = o.found.filter((f) => !git.changed!.has(f.path));
  if (fresh.length) {
    const held = await signal.inHead([...new Set(fresh.map((f) => f.dir))]);
    for (const f of fresh) if (!held?.has(f.path)) outside.add(f.path);
  }
  return outside;
}
