// The store between rows, and the simulated pull (scripts/bench.ts).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Manifest } from "../gen-store.js";
import { PULL_BRANCH } from "./settings.js";

// ---------------------------------------------------------------------------------------------
// The store: restore it to the generated commit between writes; the simulated pull

export function gitIn(dir: string, env: NodeJS.ProcessEnv) {
  return (args: string[], input?: string, extra: NodeJS.ProcessEnv = {}) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...env, ...extra },
      encoding: "utf8",
      input,
      maxBuffer: 1 << 26,
      stdio: ["pipe", "pipe", "pipe"],
    }).trim();
}

/** A field value changed on its line, keeping the record valid (plain or double-quoted scalar). */
export function amendSummary(text: string, add: string): string {
  const m = /^summary: (.*)$/m.exec(text);
  if (!m) return text + `summary: ${add}\n`;
  const v = m[1]!;
  const next = v.startsWith('"') && v.endsWith('"') ? `${v.slice(0, -1)}${add}"` : `${v}${add}`;
  return text.replace(m[0], `summary: ${next}`);
}

/** The branch a colleague pushed: one commit, made with plain git, that changes 100 contact files. */
export function ensurePullBranch(m: Manifest, git: ReturnType<typeof gitIn>): void {
  try {
    git(["rev-parse", "-q", "--verify", `refs/heads/${PULL_BRANCH}`]);
    return;
  } catch {
    /* not made yet */
  }
  const index = join(dirname(m.store), "pull.index");
  rmSync(index, { force: true });
  const ix = { GIT_INDEX_FILE: index };
  git(["read-tree", m.commit], undefined, ix);
  const lines: string[] = [];
  for (const p of m.sample.pullFiles) {
    const text = git(["show", `${m.commit}:${p}`]) + "\n";
    const sha = git(["hash-object", "-w", "--stdin", "--path", p], amendSummary(text, "（已复核）"));
    lines.push(`100644 ${sha}\t${p}`);
  }
  git(["update-index", "--index-info"], lines.join("\n") + "\n", ix);
  const tree = git(["write-tree"], undefined, ix);
  const when = {
    GIT_AUTHOR_DATE: "2026-11-27T08:30:00+08:00",
    GIT_COMMITTER_DATE: "2026-11-27T08:30:00+08:00",
    GIT_AUTHOR_NAME: "陈静",
    GIT_AUTHOR_EMAIL: "chenjing@mingyuan.example",
    GIT_COMMITTER_NAME: "陈静",
    GIT_COMMITTER_EMAIL: "chenjing@mingyuan.example",
  };
  const commit = git(["commit-tree", tree, "-p", m.commit, "-m", "reviewed 100 calls (another desk)"], undefined, when);
  git(["update-ref", `refs/heads/${PULL_BRANCH}`, commit]);
  rmSync(index, { force: true });
}
