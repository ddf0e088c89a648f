// aftercare sync: bring in what other desks committed, check what this desk is about to send, send
// it, and say what came in. What came in is merged (one `git merge`, the merge driver running once
// per record changed on both sides, never once per local commit as a rebase would); a record
// changed two ways stops the sync with the fields at stake, and `aftercare resolve` settles it.
// Nothing broken leaves the desk: the commits to send are checked first (src/services/outgoing-check.ts).
// A push the server turns away because another desk was first is tried again after a fresh merge.
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import { formatShort } from "../domain/time.js";
import { pending } from "../services/conflicts.js";
import { installGitSupport } from "../services/git-support.js";
import { bringIn, fetch, finish, goneFromServer, sendAll, stashes, startRun, summary } from "../services/sync-run.js";
import { plural } from "../services/sync-words.js";

export async function sync(ctx: Context, opts: { restore?: boolean } = {}): Promise<{ exitCode: number }> {
  const store = await ctx.store();
  const git = await ctx.git();
  const say = await ctx.say();
  const st = await git.state();
  // git missing, refusing the repository, or no repository: one line that says which
  if (!st.repo) {
    await git.requireRepo("sync");
    // (a bare repository answers rev-parse but holds no store to sync)
    throw new UserError(say.t("sy.noWorkTree", { root: store.root }));
  }
  if (st.operation) throw await pending(git, st.operation, say);
  const run = await startRun(ctx);
  // a stash an earlier sync could not put back: this desk's hand edits are in it
  for (const s of await stashes(git)) {
    const [ref, subject, when] = s.split("\x1f");
    // (when: in the company's time zone, as every time aftercare shows)
    if (/(^|: )autostash$/.test(subject ?? ""))
      run.trouble.push(
        say.t("sy.leftStash", { stash: ref!, when: when ? formatShort(new Date(when), store.settings.timezone) : "?" }),
      );
  }
  return ctx.writing(async () => {
    const support = await installGitSupport(store.root, git);
    if (support.written.length)
      await ctx.commit(support.written, "git support: records merge field by field", await ctx.actor());
    await fetch(git, run.link, say);
    if (run.link.upstream && !opts.restore) {
      const gone = await goneFromServer(git, run.link.upstream);
      if (gone)
        throw new UserError(
          say.t("sy.rewritten", {
            remote: run.link.remote,
            branch: run.link.branch,
            n: gone.gone.length,
            s: plural(gone.gone.length),
            list: gone.gone.slice(0, 5).join("; ") + (gone.gone.length > 5 ? "; …" : ""),
            fork: gone.fork.slice(0, 12),
            upstream: `${run.link.remote}/${run.link.branch}`,
          }),
        );
    }
    await bringIn(run);
    try {
      await sendAll(run);
    } catch (e) {
      // nothing was sent, but what came in did: say it before why (the next sync has nothing new to tell)
      if (run.came.commits && !ctx.json) ctx.io.out(`${summary(run)}\n`);
      throw e;
    }
    return finish(run);
  });
}
