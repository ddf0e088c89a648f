// aftercare pre-push (the pre-push hook): what a desk is about to send, checked before it leaves
// (services/outgoing-check.ts).
import type { Context } from "../context.js";
import { checkCommits } from "../services/outgoing-check.js";
import type { FileProblem } from "../store/store.js";

/**
 * The pre-push hook: git gives, one line each, `<local ref> <local sha> <remote ref> <remote sha>`
 * on stdin. Each update is checked from what the server has (else from nothing). Exit 1 with the
 * problems when any.
 */
export async function prePush(ctx: Context, remote: string): Promise<{ exitCode: number }> {
  const store = await ctx.store();
  const git = await ctx.git();
  const say = await ctx.say();
  const input = ctx.deps.stdin ? await ctx.deps.stdin() : "";
  const zero = /^0+$/;
  const problems: FileProblem[] = [];
  for (const line of input.split("\n")) {
    const [, local, , known] = line.trim().split(/\s+/);
    if (!local || zero.test(local)) continue;
    const has = known && !zero.test(known) && (await git.run(["cat-file", "-e", `${known}^{commit}`])).code === 0;
    let base = has ? known : undefined;
    if (!base) {
      // a new branch on the server: from where it meets what this desk has of the server
      const mb = await git.run(["merge-base", local, `refs/remotes/${remote}/HEAD`]);
      base = mb.code === 0 ? mb.stdout.trim() : undefined;
    }
    problems.push(...(await checkCommits(git, base, local)));
  }
  if (!problems.length) return { exitCode: 0 };
  ctx.io.err(
    `${say.t("sy.prePush", { root: store.root })}\n${problems.map((p) => `${p.path}:${p.line}:${p.col}: ${p.message}`).join("\n")}\n`,
  );
  return { exitCode: 1 };
}
