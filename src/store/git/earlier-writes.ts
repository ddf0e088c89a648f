// Finishing what earlier writes left: each write whose commit did not happen (journal.ts) is
// committed before a new write, when its files are still as it wrote them; anything else
// uncommitted in the record folders is named.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { GitCommits } from "./commit.js";
import { t } from "../../i18n.js";
import { hashOf } from "./files.js";
import { commitReasonText, reasonOf } from "./reason-words.js";
import { noteReason, readJournal, subjectOf, withBody, type PendingCommit } from "./journal.js";
import { recordDirs, snapshotHolds } from "./snapshot.js";
import { othersNote, type UncommittedFile } from "./uncommitted.js";

type Pending = PendingCommit & { file: string };

/** For each uncommitted path, the newest pending write that still matches it: the one that commits it. */
function claims(cwd: string, pending: Pending[], dirty: Map<string, UncommittedFile>): Map<string, number> {
  const claim = new Map<string, number>();
  pending.forEach((p, i) => {
    for (const f of p.files) if (dirty.has(f.path) && hashOf(join(cwd, f.path)) === f.sha256) claim.set(f.path, i);
  });
  return claim;
}

function changedSinceNote(p: Pending, changedSince: string[], locale: string): string {
  const n = changedSince.length;
  return t(locale, "gn.changedSince", { n, files: changedSince.join(", "), subject: subjectOf(p.message) });
}

/** The note of an earlier write committed now (with `before` older ones its commit carries). */
function committedNote(p: Pending, before: number, sha: string, locale: string): string {
  return t(locale, "gn.committedEarlier", {
    why: p.reason ? t(locale, "gn.committedWhy", { reason: commitReasonText(locale, p.reason) }) : "",
    subject: subjectOf(p.message),
    before: before ? t(locale, "gn.committedBefore", { n: before }) : "",
    sha,
  });
}

/** A pending write's message, naming the earlier writes whose files go with its commit. */
function carriedMessage(p: Pending, carried: Pending[]): string {
  return carried.length
    ? withBody(
        p.message,
        `Also committed here, saved earlier but not committed then:\n${carried.map((c) => `- ${subjectOf(c.message)}`).join("\n")}`,
      )
    : p.message;
}

export class Git extends GitCommits {
  /** The writes whose commit did not happen, oldest first. */
  async pendingCommits(): Promise<Pending[]> {
    return readJournal(this.cwd);
  }

  /**
   * Finish what earlier writes left, before a new write (under the store's lock): each write
   * whose commit did not happen is committed now, with its own message and author, when its
   * files are still as it wrote them; anything else uncommitted in the record folders is named.
   * Returns one line for each thing the user should know.
   *
   * When nothing is pending and the store is as the last aftercare commit left it (the snapshot
   * holds), there is nothing to finish and git is not asked: a record file edited by hand in place
   * is named when this write stages its own files (the same pass over the index). Before both,
   * when nothing is pending and `view` can say what is uncommitted (the derived index of a large
   * store, just brought up to date from git under the same lock: index/after-write.ts), git is not
   * asked at all: the staging need not look at other files, and the index takes this write's
   * commit in place of a snapshot.
   */
  async finishEarlierWrites(
    opts: { name?: boolean; view?: () => Promise<UncommittedFile[] | undefined> } = {},
  ): Promise<string[]> {
    const notes: string[] = [];
    const pending = await this.pendingCommits();
    const known = !pending.length && opts.view ? await opts.view().catch(() => undefined) : undefined;
    if (known) {
      this.scan = { clean: false, looked: true };
      if (opts.name !== false && known.length) notes.push(othersNote(known, this.locale));
      return notes;
    }
    const loc = this.location();
    if (!pending.length && opts.name !== false && typeof loc === "object") {
      const dirs = snapshotHolds(this.cwd, loc);
      if (dirs) {
        this.scan = { clean: true, dirs };
        return notes;
      }
    }
    this.scan = { clean: false };
    // the folders as they are before this write, for the snapshot its commit leaves
    const dirs = opts.name !== false && typeof loc === "object" ? recordDirs(this.cwd) : undefined;
    const st = await this.uncommitted();
    if (!st) return notes;
    this.scan = { clean: false, looked: true };
    const done = await this.commitPending(pending, new Map(st.map((f) => [f.path, f])), notes);
    if (!done) return notes;
    const others = st.filter((f) => !done.mine.has(f.path));
    if (opts.name !== false && others.length) notes.push(othersNote(others, this.locale));
    // nothing left uncommitted: this write's commit can leave a snapshot for the next one
    const clean = opts.name !== false && !others.length && !done.unfinished && !done.carried;
    this.scan = { clean, dirs, looked: true };
    return notes;
  }

  /**
   * Commit each pending write's files that are still as it left them, oldest first, adding a note
   * for each to `notes`. Undefined when one could not be committed (the rest wait for the next write).
   */
  private async commitPending(
    pending: Pending[],
    dirty: Map<string, UncommittedFile>,
    notes: string[],
  ): Promise<{ mine: Set<string>; unfinished: boolean; carried: boolean } | undefined> {
    const mine = new Set<string>();
    const claim = claims(this.cwd, pending, dirty);
    let carried: Pending[] = [];
    let unfinished = false;
    for (const [i, p] of pending.entries()) {
      for (const f of p.files) mine.add(f.path);
      const paths = p.files.map((f) => f.path).filter((f) => claim.get(f) === i);
      const changedSince = p.files
        .filter((f) => dirty.has(f.path) && claim.get(f.path) === undefined)
        .map((f) => f.path);
      if (changedSince.length) {
        unfinished = true;
        notes.push(changedSinceNote(p, changedSince, this.locale));
      }
      if (!paths.length) {
        // its files go with a later write's commit, or were committed meanwhile (by hand), or changed since
        if (p.files.some((f) => claim.get(f.path) !== undefined)) carried.push(p);
        else await fs.rm(p.file, { force: true });
        continue;
      }
      const r = await this.commitNow(paths, carriedMessage(p, carried), p.author);
      if (!r.committed) {
        await noteReason(p.file, r.reason ?? reasonOf("gr.didNot"));
        const reason = commitReasonText(this.locale, r.reason ?? reasonOf("gr.didNot"));
        notes.push(
          t(this.locale, "gn.stillPending", { reason, subject: subjectOf(p.message), files: paths.join(", ") }),
        );
        this.scan = { clean: false, looked: true };
        return undefined;
      }
      for (const c of [...carried, p]) await fs.rm(c.file, { force: true });
      notes.push(committedNote(p, carried.length, r.sha ?? "", this.locale));
      carried = [];
    }
    return { mine, unfinished, carried: carried.length > 0 };
  }
}
