// The write path. A write costs two git processes (docs/reliability.md, "Git"): `git update-index`
// stages the written files and, in the same pass over the index, names any other record file
// changed by hand (in a large store the derived index has named them already under the lock,
// from the store's watcher or its one `git diff-index`); `git fast-import` makes the commit of exactly those files on
// top of HEAD, without reading or rewriting the index again, and the commit is handed to the
// derived index (`own`, index/after-write.ts). Anything unusual (hooks in aftercare's hooks
// folder, signed commits, a conversion filter, a new branch) goes the long way, through `git commit`.
import { existsSync, promises as fs, readdirSync } from "node:fs";
import { join } from "node:path";
import { gitIndexStamp } from "../git-index-file.js";
import type { OwnCommit } from "../index/after-write.js";
import { SETTINGS_FILE } from "../layout.js";
import { commitTalk, converse, cleanMessage, gitNow, identPart, stagedBlobs, type FastImport } from "./fast-import.js";
import { noteReason, writeJournal, type Author } from "./journal.js";
import { operationIn, readHead, resolveRef, type RepoLocation } from "./locate.js";
import { DISK_FULL, firstLine, repoRefusal } from "./refusal.js";
import { OWN_HOOKS, GitRepo } from "./repo.js";
import { spawnGitPiped, type GitRun } from "./run.js";
import { leaveSnapshot } from "./snapshot.js";
import { changedByHand, othersNote } from "./uncommitted.js";
import { hookReason, reasonOf } from "./reason-words.js";

export interface CommitResult {
  committed: boolean;
  sha?: string;
  /** why nothing was committed, in one line */
  reason?: string;
  /** a hook refused it, or another process held the index lock */
  hook?: boolean;
  lock?: boolean;
  /** the files were already as committed: there was nothing to commit */
  empty?: boolean;
  /** lines the user should see (other record files changed by hand, found while staging) */
  notes?: string[];
  /** a commit made by fast-import: what it holds, for the derived index (index/after-write.ts) */
  own?: OwnCommit;
}

/** The shortest name git gives a commit in messages. */
const short = (oid: string) => oid.slice(0, 7);

const wait = (attempt: number) => new Promise((r) => setTimeout(r, 100 * (attempt + 1)));

/** A staging or commit that git refused for good (not just "nothing to refresh"). */
const stageFailed = (r: GitRun) => r.code !== 0 && (r.code !== 1 || /^(fatal|error):/m.test(r.stderr));

export class GitCommits extends GitRepo {
  /** what this run found before its write: whether other record files may be uncommitted (see finishEarlierWrites) */
  protected scan?: { clean: boolean; dirs?: Record<string, string>; looked?: boolean };

  /**
   * Commit exactly `paths` (relative to cwd), leaving anything else the user staged alone.
   * Waits a little for another git process's index.lock; reports a hook's refusal in one line.
   * In a store (cwd holds aftercare.yaml) the commit is written down first, so that a commit that
   * does not happen — a held index.lock, a kill, a full disk — is finished by the next write or
   * by 'aftercare doctor --fix'.
   */
  async commit(
    paths: string[],
    message: string,
    author: Author,
    opts: { journal?: boolean } = {},
  ): Promise<CommitResult> {
    // git is asked where the repository is only when the files cannot tell (a store outside git…)
    const loc = this.location();
    const probe = typeof loc === "object" ? undefined : (await this.askGit()).run;
    const journal =
      opts.journal !== false && existsSync(join(this.cwd, SETTINGS_FILE))
        ? await writeJournal(this.cwd, paths, message, author).catch(() => undefined)
        : undefined;
    const result = await this.commitNow(paths, message, author, probe);
    if (journal) {
      if (result.committed || (probe && probe.code !== 0 && !probe.missing && !repoRefusal(probe.stderr)))
        await fs.rm(journal, { force: true });
      else await noteReason(journal, result.reason ?? reasonOf("gr.didNot"));
    }
    return result;
  }

  protected async commitNow(paths: string[], message: string, author: Author, probe?: GitRun): Promise<CommitResult> {
    if (probe?.missing) return { committed: false, reason: reasonOf("gr.noGit") };
    if (probe && probe.code !== 0)
      return {
        committed: false,
        reason: repoRefusal(probe.stderr, this.locale) ?? reasonOf("gr.noRepo"),
      };
    const clean = this.scan?.clean === true;
    // git's index as it was before this write staged anything (the derived index is told, after-write.ts)
    const indexBefore = gitIndexStamp(this.cwd, this.env);
    // 1. stage the files; the same pass over the index names what else changed by hand — unless
    // git status (or the derived index, from git) has just looked at every record file
    // (finishEarlierWrites): a second pass over every file would find nothing it did not, and
    // costs as much as the commit itself
    const refreshed = this.scan?.looked !== true;
    const staged = await this.stage(paths, refreshed);
    if (stageFailed(staged)) return this.failure(staged, false);
    const loc = this.location();
    const prefix = typeof loc === "object" ? loc.prefix : "";
    const others = changedByHand(staged.stdout, paths, this.cwd, prefix);
    const notes = clean && others.length ? [othersNote(others, this.locale)] : [];
    // 2. the commit: fast-import when nothing needs `git commit` itself, else `git commit`
    const fast = await this.fastCommit(paths, message, author);
    let result = fast ?? (await this.porcelainCommit(paths, message, author));
    if (fast?.own) result = { ...result, own: { ...fast.own, indexBefore, refreshed } };
    if (notes.length) result = { ...result, notes };
    if (result.committed && clean && !others.length) this.snapshotAfter(paths);
    else this.scan = { clean: false };
    return result;
  }

  /** `git update-index` of `paths`, waiting a little for another process's index.lock. */
  private async stage(paths: string[], refresh: boolean): Promise<GitRun> {
    let staged: GitRun | undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      staged = await this.run(["update-index", "--add", "--remove", ...(refresh ? ["--refresh"] : []), "--", ...paths]);
      if (!stageFailed(staged)) break;
      if (!/index\.lock/.test(staged.stderr) || DISK_FULL.test(staged.stderr)) return staged;
      await wait(attempt);
    }
    return staged!;
  }

  /** Why a git command that should have staged or committed did not, in one line. */
  private async failure(last: GitRun, committing: boolean): Promise<CommitResult> {
    const text = `${last.stderr}\n${last.stdout}`;
    // a full disk first: git then also names the index.lock it could not write
    if (DISK_FULL.test(text)) return { committed: false, reason: reasonOf("gr.diskFull") };
    if (
      /index\.lock': File exists|Unable to create '.*index\.lock'/.test(text) ||
      (/index\.lock/.test(text) && !/write error/i.test(text))
    )
      return { committed: false, reason: reasonOf("gr.indexLock"), lock: true };
    if (last.missing) return { committed: false, reason: reasonOf("gr.noGit") };
    const refusal = repoRefusal(text, this.locale);
    if (refusal) return { committed: false, reason: refusal };
    const hook =
      committing &&
      (/hook/i.test(text) || (await this.hookExists("pre-commit")) || (await this.hookExists("commit-msg")));
    return {
      committed: false,
      reason: hook ? hookReason(firstLine(text)) : firstLine(text),
      hook,
    };
  }

  /** `git commit` of the staged paths (hooks, signing and all): the way for anything the fast way does not cover. */
  private async porcelainCommit(paths: string[], message: string, author: Author): Promise<CommitResult> {
    const ident = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      // our own pre-commit hook skips what aftercare has just validated itself
      AFTERCARE_COMMITTING: "1",
    };
    let last: GitRun | undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      last = await this.run(["commit", "--quiet", "--no-edit", "-F", "-", "--", ...paths], ident, { input: message });
      if (last.code === 0) {
        const head = this.headCommit() ?? (await this.run(["rev-parse", "HEAD"])).stdout.trim();
        return { committed: true, sha: short(head) };
      }
      if (/^(nothing to commit|no changes added to commit)/m.test(last.stdout)) return { committed: true, empty: true };
      if (!/index\.lock/.test(last.stderr) || DISK_FULL.test(last.stderr)) break;
      await wait(attempt);
    }
    return this.failure(last!, true);
  }

  /**
   * Where the fast way may commit: HEAD on a branch with a commit, no operation under way, no hook
   * in aftercare's hooks folder, no signing, a UTF-8 message cleaned git's default way, an object
   * format fast-import writes. Undefined when `git commit` must.
   */
  private async fastWay(): Promise<{ loc: RepoLocation; ref: string; parent: string; format: string } | undefined> {
    const loc = this.location();
    if (typeof loc !== "object") return undefined;
    const head = readHead(loc.gitDir);
    if (!head?.ref?.startsWith("refs/heads/") || operationIn(loc.gitDir)) return undefined;
    const parent = resolveRef(loc, head.ref);
    if (!parent) return undefined;
    const hooks = join(loc.gitDir, OWN_HOOKS);
    if (existsSync(hooks) && readdirSync(hooks).length) return undefined;
    if (await this.configBool("commit.gpgSign")) return undefined;
    const encoding = await this.configValue("i18n.commitEncoding");
    if (encoding && !/^utf-?8$/i.test(encoding)) return undefined;
    const cleanup = await this.configValue("commit.cleanup");
    if (cleanup && !/^(default|whitespace)$/i.test(cleanup)) return undefined;
    const format = (await this.configValue("extensions.objectFormat"))?.toLowerCase() ?? "sha1";
    if ((format !== "sha1" && format !== "sha256") || (await this.configValue("extensions.refStorage")))
      return undefined;
    return { loc, ref: head.ref, parent, format };
  }

  /**
   * The commit of `paths`, as staged, on top of HEAD, by `git fast-import` (see fast-import.ts).
   * Undefined when this repository or these files need `git commit` (see fastWay, stagedBlobs) —
   * or when fast-import failed: `git commit` then.
   */
  private async fastCommit(paths: string[], message: string, author: Author): Promise<CommitResult | undefined> {
    const way = await this.fastWay();
    if (!way) return undefined;
    const name = identPart(author.name);
    const email = identPart(author.email);
    const text = cleanMessage(message);
    if (!name || !text) return undefined;
    const files = stagedBlobs(this.cwd, way.loc, paths, way.format);
    if (!files) return undefined;
    // git's own line: "author 王芳 <wangfang@example.com> 1764120000 +0800"
    const ident = `${name} <${email}> ${gitNow()}`;
    const r = await this.fastImport(way.loc, commitTalk(files, { ref: way.ref, parent: way.parent, ident, text }));
    if (r === "empty") return { committed: true, empty: true };
    if (r === undefined || r === "porcelain") return undefined;
    await this.autoMaintenance(way.loc);
    const own = { parent: way.parent, commit: r.commit, paths, indexBefore: undefined, refreshed: true };
    return { committed: true, sha: short(r.commit), own };
  }

  /** `git fast-import` with the store's settings, and a conversation with it (see converse). */
  private async fastImport<T>(loc: RepoLocation, talk: (fi: FastImport) => Promise<T>): Promise<T | undefined> {
    const child = spawnGitPiped(this.cwd, this.env, [...(await this.settings()), "fast-import", "--quiet"]);
    return converse(child, loc.gitDir, talk);
  }

  /**
   * `git commit` runs `git maintenance run --auto` after each commit, which packs loose objects
   * once there are many; a commit made with fast-import does the same, but only when git's own
   * measure (loose objects in .git/objects/17) says it is due, so it costs no process otherwise.
   */
  private async autoMaintenance(loc: RepoLocation): Promise<void> {
    try {
      const limit = Number((await this.configValue("gc.auto")) ?? 6700);
      if (!(limit > 0) || (await this.configBool("maintenance.auto")) === false) return;
      const loose = readdirSync(join(loc.commonDir, "objects", "17")).filter((n) =>
        /^[0-9a-f]{38}([0-9a-f]{24})?$/.test(n),
      ).length;
      if (loose <= Math.ceil(limit / 256)) return;
      await this.run(["maintenance", "run", "--auto", "--quiet"]);
    } catch {
      // no loose objects there yet
    }
  }

  /** aftercare's own hooks (see OWN_HOOKS): the only ones that run on aftercare's commits. */
  private async hookExists(name: string): Promise<boolean> {
    const dir = await this.ownGitDir();
    return dir !== undefined && existsSync(join(dir, OWN_HOOKS, name));
  }

  /** After a commit that left no record file uncommitted: the snapshot the next write compares with (snapshot.ts). */
  private snapshotAfter(paths: string[]): void {
    const loc = this.location();
    const dirs = this.scan?.dirs;
    if (typeof loc !== "object" || !dirs) return;
    const next = leaveSnapshot(this.cwd, loc, dirs, paths);
    if (next) this.scan = { clean: true, dirs: next };
  }
}
