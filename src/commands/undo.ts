// aftercare undo | redo: step back through the acting person's own aftercare commits, one at a
// time, each step a new commit that reverts one; redo re-applies what the last undo took back.
// History is never rewritten; a commit that later work builds on is not undone.
//
// Each undo names what it reverts in an `Aftercare-Undoes:` trailer, each redo the undo it reverts
// in `Aftercare-Redoes:`. A second undo skips the commits already undone (and the undos
// themselves), so it takes back the change before; a new change of one's own ends what redo can do.
import { jsonText } from "../format/json.js";
import { UserError } from "../errors.js";
import type { Context } from "../context.js";
import type { Translator } from "../i18n.js";
import { isId } from "../domain/ids.js";
import { firstLine, type Git } from "../store/git.js";
import { idOfPath } from "../store/store.js";

/** One of aftercare's commits, as undo and redo read them. */
interface UndoableCommit {
  sha: string;
  author: string;
  subject: string;
  command: string;
  /** the commit this one undoes (an undo), or the undo it reverts (a redo) */
  undoes?: string;
  redoes?: string;
}

const SEP = "\x1e";
const FIELD = "\x1f";

/** The newest commits (at most 500), with aftercare's trailers. */
async function steps(git: Git, range?: string, paths: string[] = []): Promise<UndoableCommit[]> {
  const format = `--format=${SEP}%H${FIELD}%an${FIELD}%s${FIELD}%(trailers:key=Aftercare-Command,valueonly,separator=%x20)${FIELD}%(trailers:key=Aftercare-Undoes,valueonly,separator=%x20)${FIELD}%(trailers:key=Aftercare-Redoes,valueonly,separator=%x20)${FIELD}%b`;
  const log = await git.run([
    "log",
    "-n",
    "500",
    format,
    ...(range ? [range] : []),
    ...(paths.length ? ["--", ...paths] : []),
  ]);
  return log.stdout
    .split(SEP)
    .filter((c) => c.trim())
    .map((c) => {
      const [sha, author, subject, command, undoes, redoes, body] = c.split(FIELD).map((x) => x.trim());
      // an undo made before the trailers existed: "undo: …" and git's "This reverts commit SHA."
      const reverts = /This reverts commit ([0-9a-f]{40})/.exec(body ?? "")?.[1];
      return {
        sha: sha!,
        author: author!,
        subject: subject!,
        command: command ?? "",
        undoes: undoes || (subject!.startsWith("undo: ") && reverts ? reverts : undefined),
        redoes: redoes || (subject!.startsWith("redo: ") && reverts ? reverts : undefined),
      };
    });
}

/** Commits since `sha` that changed its files, less the pairs that cancel out (a change and its undo, an undo and its redo). */
function standing(later: UndoableCommit[]): UndoableCommit[] {
  let list = later;
  for (;;) {
    const shas = new Set(list.map((s) => s.sha));
    const gone = new Set<string>();
    for (const s of list) {
      const other = s.undoes ?? s.redoes;
      if (other && shas.has(other)) gone.add(s.sha).add(other);
    }
    if (!gone.size) return list;
    list = list.filter((s) => !gone.has(s.sha));
  }
}

async function refuseDirty(git: Git, say: Translator): Promise<void> {
  // a revert that fails is rolled back with the working tree: never with someone's unsaved work in it
  const dirty = (await git.run(["status", "--porcelain", "--untracked-files=all"])).stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => l.slice(3));
  if (dirty.length)
    throw new UserError(
      say.t("undo.dirty", { files: `${dirty.slice(0, 3).join(", ")}${dirty.length > 3 ? ", …" : ""}` }),
    );
}

/** Revert `target` with one commit authored by the actor; returns the new commit and the records it touched. */
async function revert(
  ctx: Context,
  git: Git,
  say: Translator,
  target: UndoableCommit,
  subject: string,
  trailer: string,
) {
  const actor = await ctx.actor();
  const files = (await git.run(["show", "--name-only", "--format=", target.sha])).stdout.split("\n").filter(Boolean);
  const later = standing(
    await steps(
      git,
      `${target.sha}..HEAD`,
      files.map((f) => `:(top)${f}`),
    ),
  );
  if (later.length)
    throw new UserError(
      say.t("undo.later", {
        subject: target.subject,
        list: later.map((l) => `  ${l.sha.slice(0, 7)} ${l.author}: ${l.subject}`).join("\n"),
      }),
    );
  const email = actor.email ?? (await git.configValue("user.email")) ?? "";
  const ident = {
    GIT_AUTHOR_NAME: actor.name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: actor.name,
    GIT_COMMITTER_EMAIL: email,
    AFTERCARE_COMMITTING: "1",
  };
  const rv = await git.run(["revert", "--no-commit", target.sha], ident);
  if (rv.code !== 0) {
    await git.run(["revert", "--abort"]);
    throw new UserError(say.t("undo.gitFailed", { subject: target.subject, why: firstLine(rv.stderr) }));
  }
  const message = `${subject}\n\nThis reverts commit ${target.sha}.\n\n${trailer}: ${target.sha}\nAftercare-Command: ${ctx.commandLine || "aftercare undo"}`;
  const c = await git.run(["commit", "--quiet", "-m", message], ident);
  if (c.code !== 0) {
    await git.run(["revert", "--abort"]);
    throw new UserError(say.t("undo.gitRefused", { why: firstLine(c.stderr || c.stdout) }));
  }
  const ids = files.map(idOfPath).filter(isId);
  const head = (await git.run(["rev-parse", "--short", "HEAD"])).stdout.trim();
  return { files, ids, head };
}

/** Take back the acting person's last aftercare change that is not undone yet. */
export async function undo(ctx: Context) {
  const actor = await ctx.actor();
  const git = await ctx.git();
  const say = await ctx.say();
  await git.requireRepo("undo");
  return ctx.writing(async () => {
    await refuseDirty(git, say);
    const all = await steps(git);
    const undone = new Set(all.flatMap((s) => (s.undoes ? [s.undoes] : [])));
    const target = all.find((s) => s.author === actor.name && s.command && !s.undoes && !undone.has(s.sha));
    if (!target) throw new UserError(say.t("undo.none", { name: actor.name }));
    if (/^aftercare init\b/.test(target.command)) throw new UserError(say.t("undo.init", { subject: target.subject }));
    const { files, ids, head } = await revert(ctx, git, say, target, `undo: ${target.subject}`, "Aftercare-Undoes");
    if (ctx.json)
      ctx.io.out(
        JSON.stringify(
          { undone: target.sha.slice(0, 8), subject: target.subject, commit: head, records: ids, files },
          null,
          2,
        ) + "\n",
      );
    else {
      ctx.io.out(ids.length ? ids.join("\n") + "\n" : files.join("\n") + "\n");
      ctx.io.err(say.t("undo.done", { subject: target.subject, sha: target.sha.slice(0, 7), head }) + "\n");
    }
    return { undone: target.sha, commit: head };
  });
}

/** Re-apply what the acting person's last undo took back, while nothing of theirs came after it. */
export async function redo(ctx: Context) {
  const actor = await ctx.actor();
  const git = await ctx.git();
  const say = await ctx.say();
  await git.requireRepo("redo");
  return ctx.writing(async () => {
    await refuseDirty(git, say);
    const redone = new Set<string>();
    let target: UndoableCommit | undefined;
    for (const s of await steps(git)) {
      if (s.author !== actor.name || !s.command) continue;
      if (s.redoes) redone.add(s.redoes);
      else if (s.undoes && !redone.has(s.sha)) {
        target = s;
        break;
      } else if (!s.undoes) break;
    }
    if (!target) throw new UserError(say.t("redo.none", { name: actor.name }));
    const subject = target.subject.replace(/^undo: /, "");
    const { files, ids, head } = await revert(ctx, git, say, target, `redo: ${subject}`, "Aftercare-Redoes");
    if (ctx.json) ctx.io.out(jsonText({ redone: target.sha.slice(0, 8), subject, commit: head, records: ids, files }));
    else {
      ctx.io.out(ids.length ? ids.join("\n") + "\n" : files.join("\n") + "\n");
      ctx.io.err(say.t("redo.done", { subject, head }) + "\n");
    }
    return { redone: target.sha, commit: head };
  });
}
