// aftercare undo: take back the acting person's last aftercare commit with a new commit that
// reverts it. History is never rewritten; a commit that later work builds on is not undone.
import { UserError } from "../errors.js";
import type { Context } from "../context.js";
import { firstLine } from "../store/git.js";

export async function undo(ctx: Context) {
  const actor = await ctx.actor();
  const git = await ctx.git();
  await git.requireRepo("no history to undo");
  return ctx.writing(async () => {
    // a revert that fails is rolled back with the working tree: never with someone's unsaved work in it
    const dirty = (await git.run(["status", "--porcelain", "--untracked-files=all"])).stdout.split("\n").filter(Boolean).map((l) => l.slice(3));
    if (dirty.length)
      throw new UserError(`the store has changes not yet committed (${dirty.slice(0, 3).join(", ")}${dirty.length > 3 ? ", …" : ""}); commit them first ('aftercare doctor --fix', or git), then undo; nothing was changed`);
    const log = await git.run(["log", "-n", "500", "--format=%x1e%H%x1f%an%x1f%s%x1f%(trailers:key=Aftercare-Command,valueonly,separator=%x20)"]);
    const mine = log.stdout
      .split("\x1e")
      .filter((c) => c.trim())
      .map((c) => c.split("\x1f").map((x) => x.trim()) as [string, string, string, string])
      .find(([, author, , command]) => author === actor.name && command);
    if (!mine) throw new UserError(`${actor.name} has made no aftercare commit in this store's recent history; nothing was changed`);
    const [sha, , subject, command] = mine;
    if (/^aftercare init\b/.test(command)) throw new UserError(`your last aftercare commit created the store ("${subject}"); that cannot be undone; nothing was changed`);
    const files = (await git.run(["show", "--name-only", "--format=", sha])).stdout.split("\n").filter(Boolean);
    const later = (await git.run(["log", "--format=%h %an: %s", `${sha}..HEAD`, "--", ...files.map((f) => `:(top)${f}`)])).stdout.trim();
    if (later)
      throw new UserError(`cannot undo "${subject}": later commits changed the same records:\n${later.split("\n").map((l) => `  ${l}`).join("\n")}\nundo or correct those first; nothing was changed`);
    const email = actor.email ?? (await git.configValue("user.email")) ?? "";
    const ident = { GIT_AUTHOR_NAME: actor.name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: actor.name, GIT_COMMITTER_EMAIL: email, AFTERCARE_COMMITTING: "1" };
    const rv = await git.run(["revert", "--no-commit", sha], ident);
    if (rv.code !== 0) {
      await git.run(["revert", "--abort"]);
      throw new UserError(`git could not revert "${subject}" (${firstLine(rv.stderr)}); nothing was changed`);
    }
    const message = `undo: ${subject}\n\nThis reverts commit ${sha}.\n\nAftercare-Command: ${ctx.commandLine || "aftercare undo"}`;
    const c = await git.run(["commit", "--quiet", "-m", message], ident);
    if (c.code !== 0) {
      await git.run(["revert", "--abort"]);
      throw new UserError(`git refused the undo commit (${firstLine(c.stderr || c.stdout)}); nothing was changed`);
    }
    const ids = files.map((f) => f.split("/").pop()!.replace(/\.ya?ml$/, "")).filter((n) => /^[CTKEW]-\d{6}-/.test(n));
    const head = (await git.run(["rev-parse", "--short", "HEAD"])).stdout.trim();
    if (ctx.json) ctx.io.out(JSON.stringify({ undone: sha.slice(0, 8), subject, commit: head, records: ids, files }, null, 2) + "\n");
    else {
      ctx.io.out(ids.length ? ids.join("\n") + "\n" : files.join("\n") + "\n");
      ctx.io.err(`undid "${subject}" (${sha.slice(0, 7)}) with a new commit ${head}\n`);
    }
    return { undone: sha, commit: head };
  });
}
