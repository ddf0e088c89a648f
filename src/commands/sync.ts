// aftercare sync: bring in what other desks committed, send ours, and say what came in. A rebase
// that conflicts stops with the record and the fields at stake; nothing of either side is lost.
import { promises as fs } from "node:fs";
import { UserError } from "../errors.js";
import type { Context } from "../context.js";
import { KINDS, type KindLetter } from "../domain/ids.js";
import type { Git } from "../store/git.js";
import { firstLine } from "../store/git.js";
import { Store } from "../store/store.js";
import { checkStore } from "./check.js";
import { installGitSupport } from "./git-setup.js";

interface Incoming {
  commits: number;
  authors: string[];
  /** per kind of record: added, changed */
  files: { path: string; status: "A" | "M" | "D" }[];
}

const KIND_WORDS: Record<string, [string, string]> = { customer: ["customer", "customers"], ticket: ["ticket", "tickets"], contact: ["call or letter", "calls and letters"], event: ["event", "events"], waiver: ["waiver", "waivers"] };

/** "2 new tickets, 3 new calls and letters, 1 customer changed" from the files a pull brought. */
export function describeIncoming(files: Incoming["files"]): string {
  const tally = new Map<string, number>();
  for (const f of files) {
    const name = f.path.split("/").pop()!;
    const kind = KINDS[name[0] as KindLetter];
    const what = kind && /^[CTKE]-\d{6}-/.test(name) ? kind : f.path === "aftercare.yaml" ? "settings" : f.path.startsWith("reports/") ? "report" : "other";
    const key = `${what}:${f.status}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const parts: string[] = [];
  for (const [key, n] of tally) {
    const [what, st] = key.split(":") as [string, string];
    const verb = st === "A" ? "new" : st === "D" ? "removed" : "changed";
    if (what === "settings") parts.push("the settings changed");
    else if (what === "report") parts.push(`${n} ${verb} review${n > 1 ? "s" : ""}`);
    else if (what === "other") parts.push(`${n} other file${n > 1 ? "s" : ""} ${verb}`);
    else {
      const w = KIND_WORDS[what]![n > 1 ? 1 : 0];
      parts.push(st === "A" ? `${n} new ${w}` : `${n} ${w} ${verb}`);
    }
  }
  return parts.join(", ");
}

async function incoming(git: Git, range: string): Promise<Incoming> {
  const log = await git.run(["log", "--no-renames", "--name-status", "--format=%x1e%an", range]);
  const commits = log.stdout.split("\x1e").filter((c) => c.trim());
  const authors = [...new Set(commits.map((c) => c.split("\n")[0]!.trim()))];
  const seen = new Map<string, "A" | "M" | "D">();
  for (const c of commits.reverse())
    for (const line of c.split("\n").slice(1)) {
      const m = /^([AMD])\t(.+)$/.exec(line);
      if (m) seen.set(m[2]!, seen.get(m[2]!) === "A" && m[1] === "M" ? "A" : (m[1] as "A" | "M" | "D"));
    }
  return { commits: commits.length, authors, files: [...seen].map(([path, status]) => ({ path, status })) };
}

/** For each conflicted record, the fields both sides changed and their two values. */
export async function explainConflicts(git: Git, root: string): Promise<string> {
  const files = (await git.run(["diff", "--name-only", "--diff-filter=U", "--relative"])).stdout.split("\n").filter(Boolean);
  const lines: string[] = [];
  for (const f of files) {
    const text = await fs.readFile(`${root}/${f}`, "utf8").catch(() => "");
    const name = f.split("/").pop()!.replace(/\.ya?ml$/, "");
    const kind = KINDS[name[0] as KindLetter];
    const fields: string[] = [];
    for (const m of text.matchAll(/^<{7}[^\n]*\n([\s\S]*?)^={7}\n([\s\S]*?)^>{7}[^\n]*\n/gm)) {
      const side = (s: string) => new Map([...s.matchAll(/^([\w-]+):\s?(.*)$/gm)].map((x) => [x[1]!, x[2]!.trim() || "(a block)"]));
      const [a, b] = [side(m[1]!), side(m[2]!)];
      for (const k of new Set([...a.keys(), ...b.keys()])) fields.push(`${k}: ${b.get(k) ?? "(removed)"} here, ${a.get(k) ?? "(removed)"} there`);
    }
    lines.push(`  ${f}${kind ? ` (${kind} ${name})` : ""}${fields.length ? `: ${fields.join("; ")}` : ": changed on both sides"}`);
  }
  return lines.join("\n");
}

export async function sync(ctx: Context) {
  const store = await ctx.store();
  const git = await ctx.git();
  const st = await git.state();
  // git missing, refusing the repository, or no repository: one line that says which
  if (!st.repo) {
    await git.requireRepo("nothing to sync");
    // (a bare repository answers rev-parse but holds no store to sync)
    throw new UserError(`the store at ${store.root} is not in a git work tree, so there is nothing to sync; see 'git init' and 'git remote add'`);
  }
  if (st.operation === "rebase" && (await git.run(["diff", "--name-only", "--diff-filter=U"])).stdout.trim())
    throw new UserError(`a sync stopped on a conflict and is still waiting:\n${await explainConflicts(git, store.root)}\n${HOW_TO_RESOLVE}`);
  await ctx.writing(async () => undefined);
  const actor = await ctx.actor();
  const ident = { GIT_COMMITTER_NAME: actor.name, GIT_COMMITTER_EMAIL: actor.email ?? (await git.configValue("user.email")) ?? "", AFTERCARE_COMMITTING: "1" };
  const remotes = (await git.run(["remote"])).stdout.split("\n").filter(Boolean);
  if (!remotes.length) throw new UserError("the store's repository has no remote to sync with; add the company's one first: git remote add origin URL");
  const support = await installGitSupport(store.root, git);
  if (support.written.length) await ctx.commit(support.written, "git support: records merge field by field", actor);

  return ctx.writing(async () => {
    let upstream = (await git.run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])).stdout.trim();
    const remote = upstream ? upstream.split("/")[0]! : remotes.includes("origin") ? "origin" : remotes[0]!;
    let report = { in: { commits: 0, authors: [] as string[], files: [] as Incoming["files"] }, out: 0 };
    for (let attempt = 0; attempt < 3; attempt++) {
      const fetch = await git.run(["fetch", "--quiet", remote]);
      if (fetch.code !== 0) throw new UserError(`could not reach the remote ${remote}: ${firstLine(fetch.stderr)}; nothing was changed`);
      if (!upstream) {
        const candidate = `${remote}/${st.branch}`;
        if ((await git.run(["rev-parse", "--verify", "--quiet", candidate])).code === 0) {
          await git.run(["branch", "--set-upstream-to", candidate]);
          upstream = candidate;
        }
      }
      if (upstream) {
        const came = await incoming(git, "HEAD..@{u}");
        if (came.commits) {
          const rb = await git.run(["rebase", "--autostash", "@{u}"], ident);
          if (rb.code !== 0) {
            const conflicts = await explainConflicts(git, store.root);
            if (conflicts) throw new UserError(`sync stopped: these records were changed here and on another desk:\n${conflicts}\n${HOW_TO_RESOLVE}`);
            throw new UserError(`sync stopped: git could not bring the changes in (${firstLine(rb.stderr)}); 'git status' shows where it stands`);
          }
          report = { ...report, in: { commits: report.in.commits + came.commits, authors: [...new Set([...report.in.authors, ...came.authors])], files: [...report.in.files, ...came.files] } };
        }
      }
      const ahead = upstream ? Number((await git.run(["rev-list", "--count", "@{u}..HEAD"])).stdout.trim()) : Number((await git.run(["rev-list", "--count", "HEAD"])).stdout.trim());
      if (!ahead) break;
      const push = await git.run(upstream ? ["push", "--quiet", remote, `HEAD:${upstream.slice(remote.length + 1)}`] : ["push", "--quiet", "--set-upstream", remote, "HEAD"]);
      if (push.code === 0) {
        report.out = ahead;
        upstream ||= `${remote}/${st.branch}`;
        break;
      }
      if (!/rejected|fetch first|non-fast-forward/.test(push.stderr) || attempt === 2) throw new UserError(`could not send the changes to ${remote}: ${firstLine(push.stderr)}; they are kept here and go with the next sync`);
    }
    const said: string[] = [];
    if (report.in.commits) said.push(`brought in ${report.in.commits} change${report.in.commits > 1 ? "s" : ""} from ${report.in.authors.join(", ")}: ${describeIncoming(report.in.files) || "no record changed"}`);
    if (report.out) said.push(`sent ${report.out} change${report.out > 1 ? "s" : ""} to ${remote}`);
    if (!said.length) said.push(`already in step with ${remote}`);
    if (ctx.json) ctx.io.out(JSON.stringify({ remote, incoming: report.in, sent: report.out }, null, 2) + "\n");
    else ctx.io.out(said.join("; ") + "\n");
    // the sync itself is done; what came in may still be broken (aftercare.yaml included): say so, never throw
    let problems: { length: number } = [];
    try {
      problems = await checkStore(await Store.open(store.root));
    } catch (e) {
      ctx.io.err(`note: the store's settings as they now are cannot be read (${firstLine(e instanceof Error ? e.message : String(e))}); fix aftercare.yaml, see 'aftercare check'\n`);
    }
    if (problems.length) ctx.io.err(`note: the store now has ${problems.length} problem${problems.length > 1 ? "s" : ""}; see 'aftercare check'\n`);
    return report;
  });
}

const HOW_TO_RESOLVE = `Each file holds both versions between <<<<<<< and >>>>>>> lines. Keep the right value, delete the marker lines, then:
  git add FILE… && git rebase --continue && aftercare sync
or give up this sync, keeping your changes as they were: git rebase --abort`;
