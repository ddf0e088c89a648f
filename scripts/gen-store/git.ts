// The store's one commit, with an isolated git configuration and fixed dates, its objects in a
// pack as in a store years old (loose objects by the hundred thousand would also set off git's
// automatic gc in the middle of the bench's writes).
//   fast-import (default): the commit is streamed into one pack, then the index is read from it
//     and refreshed against the files: 8 s at 205k on 2 quiet cores;
//   GEN_GIT=add: git add -A (feature.manyFiles), commit, and gc to pack the loose objects: the
//     same commit, 36 s at 205k (6 minutes on a busy machine: pruning 205k loose objects).
import { execFileSync } from "node:child_process";
import type { StoreFiles } from "./files.js";

/** The environment git runs in for the generated stores: no system or user configuration. */
export function isolatedGitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith("GIT_")) env[k] = v;
  return { ...env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
}
const GIT_IDENTITY = ["-c", "user.name=aftercare bench", "-c", "user.email=bench@aftercare.invalid"];
const DATE = "2026-11-27T08:00:00+08:00";

/** Commits every file written (the fast-import stream is emptied): the commit's hash. */
export function commitStore(files: StoreFiles, message: string): string {
  const env = { ...isolatedGitEnv(), GIT_AUTHOR_DATE: DATE, GIT_COMMITTER_DATE: DATE };
  const git = (args: string[], input?: Buffer) =>
    execFileSync("git", args, {
      cwd: files.root,
      env,
      encoding: "utf8",
      input,
      maxBuffer: 1 << 26,
      stdio: ["pipe", "pipe", "pipe"],
    }).trim();
  git(["init", "-q", "-b", "main"]);
  if (files.method === "fast-import") {
    const who = `aftercare bench <bench@aftercare.invalid> ${Date.parse("2026-11-27T00:00:00Z") / 1000} +0800`;
    const msg = Buffer.from(message + "\n");
    const head = Buffer.from(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${msg.length}\n`);
    git(["fast-import", "--quiet", "--done"], Buffer.concat([head, msg, ...files.stream, Buffer.from("\ndone\n")]));
    files.stream.length = 0;
    git(["-c", "feature.manyFiles=true", "reset", "-q"]);
  } else {
    git(["-c", "feature.manyFiles=true", "add", "-A"]);
    git([...GIT_IDENTITY, "-c", "gc.auto=0", "commit", "-q", "--no-verify", "-m", message]);
    git(["gc", "-q", "--prune=now"]);
  }
  const dirty = git(["status", "--porcelain", "--untracked-files=all"]);
  if (dirty) throw new Error(`the generated store is not all committed: ${dirty.split("\n").slice(0, 3).join("; ")}`);
  return git(["rev-parse", "HEAD"]);
}
