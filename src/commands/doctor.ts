// aftercare doctor: find what a crash, a full disk or a bad merge can leave in a store — records
// saved but not committed, stale locks, orphan temporary files, duplicate IDs, files in the wrong
// folder, conflict markers, hooks or a merge driver pointing at an aftercare that is gone — and
// say for each, in one line, what to do. --fix repairs what it safely can and commits it; it never
// deletes a record.
import { jsonText } from "../format/json.js";
import { existsSync, promises as fs, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { shownLocale } from "../help/locale.js";
import { translator, wordedText } from "../i18n.js";
import type { Context } from "../context.js";
import { refusal } from "../errors.js";
import { withLock } from "../store/fsutil.js";
import { Git } from "../store/git.js";
import { SETTINGS_FILE } from "../store/store.js";
import { installGitSupport } from "../services/git-support.js";
import { said, setUpForManyFiles, type Said } from "../services/many-files.js";

import { diagnose, type Diagnosis, type Finding } from "../services/diagnosis.js";

async function author(ctx: Context, git: Git): Promise<{ name: string; email: string }> {
  try {
    const a = await ctx.actor();
    return { name: a.name, email: a.email ?? (await git.configValue("user.email")) ?? "" };
  } catch {
    return {
      name: (await git.configValue("user.name")) ?? "aftercare doctor",
      email: (await git.configValue("user.email")) ?? "",
    };
  }
}

/** Repair what is safe, under the store's lock; one line per repair. */
async function repair(ctx: Context, root: string, d: Diagnosis): Promise<Said[]> {
  const done: Said[] = [];
  for (const l of d.locks.filter((l) => /\.stale-/.test(l))) {
    rmSync(l, { recursive: true, force: true });
    done.push(said("doc.removed", { path: relative(root, l) }));
  }
  const staleLock = d.findings.some((f) => f.kind === "lock" && f.path === ".aftercare/write.lock");
  await withLock(
    root,
    async () => {
      if (staleLock) done.push(said("doc.tookLock"));
      const git = new Git(root, ctx.deps.env);
      const fresh = await diagnose(ctx, root, { underLock: true });
      for (const t of fresh.temps) {
        await fs.rm(join(root, ...t.split("/")), { force: true });
        done.push(said("doc.removedTemp", { path: t }));
      }
      const st = await git.state();
      // settings and the commit-graph commit nothing: set up even while a merge waits
      if (fresh.manyFiles && st.repo && !st.refused) done.push(...(await setUpForManyFiles(git, { only: "missing" })));
      if (!st.repo || st.refused || st.operation || st.detached) return;
      // writes whose commit did not happen: committed with their own message and author
      // git's layer words these notes itself, in English (src/store/git/earlier-writes.ts)
      for (const n of await git.finishEarlierWrites({ name: false }))
        done.push(said("lo.as", { text: n.replace(/^note: /, "") }));
      const left = (await diagnose(ctx, root, { underLock: true })).toCommit;
      const who = await author(ctx, git);
      const trailer = `\n\nAftercare-Command: ${ctx.commandLine || "aftercare doctor --fix"}`;
      if (fresh.hooks) {
        const s = await installGitSupport(root, git);
        if (s.written.length) {
          const r = await git.commit(s.written, `aftercare doctor: git support reinstalled${trailer}`, who);
          if (!r.committed)
            done.push(said("doc.couldNotCommit", { files: s.written.join(", "), reason: r.reason ?? "" }));
        }
        done.push(said("doc.reinstalled"));
      }
      const moved = await moveMisplaced(root, git, fresh.toMove, { who, trailer }, done);
      const toCommit = left.filter((p) => !moved.includes(p));
      if (toCommit.length) {
        const n = toCommit.length;
        const message = `aftercare doctor: commit ${n} record file${n > 1 ? "s" : ""} left uncommitted\n\n${toCommit.map((p) => `- ${p}`).join("\n")}\n\nFound changed but not committed (a write killed before its commit, or a hand edit), and valid.${trailer}`;
        const r = await git.commit(toCommit, message, who);
        const files = toCommit.slice(0, 5).join(", ") + (n > 5 ? ", …" : "");
        done.push(
          r.committed
            ? said("doc.committed", { n, sha: r.sha ?? "", files })
            : said("doc.couldNotCommit", { files: toCommit.join(", "), reason: r.reason ?? "" }),
        );
      }
    },
    {
      who: (await author(ctx, new Git(root, ctx.deps.env))).name,
      command: "doctor --fix",
      onWait: (l) => ctx.io.err(`${l}\n`),
    },
  );
  return done;
}

/** Move records to the folder their IDs put them in, and commit the move; the paths it touched. */
async function moveMisplaced(
  root: string,
  git: Git,
  toMove: [string, string][],
  commit: { who: { name: string; email: string }; trailer: string },
  done: Said[],
): Promise<string[]> {
  const moved: string[] = [];
  let records = 0;
  for (const [from, to] of toMove) {
    await fs.mkdir(join(root, ...to.split("/"), ".."), { recursive: true });
    const tracked = (await git.run(["ls-files", "--error-unmatch", "--", from])).code === 0;
    await fs.rename(join(root, ...from.split("/")), join(root, ...to.split("/")));
    moved.push(...(tracked ? [from, to] : [to]));
    done.push(said("doc.moved", { from, to }));
    records++;
  }
  if (moved.length) {
    const r = await git.commit(
      moved,
      `aftercare doctor: ${records > 1 ? `${records} records` : "a record"} moved to the folder ${records > 1 ? "their IDs put them" : "its ID puts it"} in${commit.trailer}`,
      commit.who,
    );
    if (!r.committed) done.push(said("doc.couldNotCommitMove", { reason: r.reason ?? "" }));
  }
  return moved;
}

export async function doctor(
  ctx: Context,
  opts: { fix?: boolean } = {},
): Promise<{ exitCode: number; findings: Finding[]; fixed: string[] }> {
  const root = await ctx.storeRoot();
  if (!existsSync(join(root, SETTINGS_FILE))) throw refusal("rf.noStoreAt", { root, file: SETTINGS_FILE });
  let d = await diagnose(ctx, root);
  let repaired: Said[] = [];
  if (opts.fix && d.findings.some((f) => f.fixable)) {
    repaired = await repair(ctx, root, d);
    d = await diagnose(ctx, root);
  }
  // every finding with the same keys: path null when it is about no one file (docs/json.md)
  const findings = d.findings.map((f) => ({
    kind: f.kind,
    path: f.path ?? null,
    message: f.message,
    fixable: f.fixable,
  }));
  const fixed = repaired.map((r) => r.message);
  if (ctx.json) ctx.io.out(jsonText({ findings, fixed }));
  else {
    const locale = await shownIn(ctx);
    const say = translator(locale);
    for (const f of repaired) ctx.io.out(`${say.t("doc.fixed", { text: wordedText(locale, f.worded) })}\n`);
    for (const f of d.findings) ctx.io.out(`${f.worded ? wordedText(locale, f.worded) : f.message}\n`);
    const watcher = await watcherLine(ctx, root);
    if (watcher) ctx.io.err(`${say.t(watcher.key, watcher.vars)}\n`);
    if (!d.findings.length && !fixed.length) ctx.io.err(`${say.t("doc.sound")}\n`);
    else if (d.findings.some((f) => f.fixable) && !opts.fix) ctx.io.err(`${say.t("doc.fixHint")}\n`);
  }
  return { exitCode: d.findings.length ? 1 : 0, findings: d.findings, fixed };
}

/** The language doctor speaks: the store's, else (its settings do not read) its `locale:` line, as help finds it. */
async function shownIn(ctx: Context): Promise<string> {
  return ctx.locale().catch(() => {
    const records = ctx.globals.records;
    return shownLocale(records ? ["--records", records] : [], ctx.deps.env, ctx.deps.cwd);
  });
}

/**
 * Whether a watcher keeps the index fresh (src/store/watch/): said when one answers, and for a
 * store past the full-stat limit, where reads use one; nothing for a small store, which needs none.
 */
async function watcherLine(
  ctx: Context,
  root: string,
): Promise<
  { key: "doc.watcher.on" | "doc.watcher.off" | "doc.watcher.none"; vars?: Record<string, string | number> } | undefined
> {
  const env = ctx.deps.env;
  const { watcherStatus } = await import("../store/watch/client.js");
  const s = await watcherStatus(root, env);
  if (s) return { key: "doc.watcher.on", vars: { pid: s.pid, folders: s.folders } };
  const { fullStatLimit, trackedFiles } = await import("../store/index/common.js");
  let limit: number;
  try {
    limit = fullStatLimit(env);
  } catch {
    return undefined;
  }
  if (env.AFTERCARE_INDEX === "off" || trackedFiles(root, env) <= limit) return undefined;
  const { watchWanted } = await import("../store/watch/where.js");
  const setting = await ctx.store().then(
    (st) => st.settings.index?.watch,
    () => undefined,
  );
  return { key: watchWanted(env, setting) ? "doc.watcher.off" : "doc.watcher.none" };
}
