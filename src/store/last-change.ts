// When each of some record files last changed, from git's history: one `git log --name-only`
// pass over the record folders, newest commit first, stopped as soon as every file asked for has
// been seen (open duties stem from recent records, so the walk is short even in a store of ten
// years). A file git has never committed falls back to its modification time. And the store's own
// ID when aftercare.yaml has none: from the repository's first commit, the same in every clone.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { cleanEnv, gitSpawns } from "./git.js";

/** Seconds since the epoch of the last commit that touched each path (relative to the store's root). */
export async function lastChanges(
  root: string,
  env: NodeJS.ProcessEnv,
  paths: Iterable<string>,
  folders: string[],
): Promise<Map<string, number>> {
  const wanted = new Set(paths);
  const found = new Map<string, number>();
  if (wanted.size) {
    gitSpawns.count++;
    const args = [
      "-c",
      "core.quotePath=false",
      "log",
      "--format=%x00%ct",
      "--name-only",
      "--relative",
      "--no-renames",
      "--",
      ...folders,
    ];
    gitSpawns.args.push(args);
    await new Promise<void>((done) => {
      const child = spawn("git", args, { cwd: root, env: cleanEnv(env), stdio: ["ignore", "pipe", "ignore"] });
      let at = 0;
      let rest = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith("\0")) at = Number(line.slice(1));
          else if (line && wanted.has(line) && !found.has(line)) found.set(line, at);
        }
        if (found.size === wanted.size) child.kill();
      });
      child.on("error", () => done()); // no git: the files' own times below
      child.on("close", () => done());
    });
  }
  for (const p of wanted) {
    if (found.has(p)) continue;
    try {
      found.set(p, Math.floor((await fs.stat(join(root, p))).mtimeMs / 1000));
    } catch {
      // gone: nothing to date it by
    }
  }
  return found;
}

/** A store's ID for one made before `storeId:` existed: the repository's first commit (every clone shares it), else its company's name. */
export async function derivedStoreId(root: string, env: NodeJS.ProcessEnv, company: string): Promise<string> {
  const first = await new Promise<string>((done) => {
    gitSpawns.count++;
    const args = ["rev-list", "--max-parents=0", "HEAD"];
    gitSpawns.args.push(args);
    const child = spawn("git", args, { cwd: root, env: cleanEnv(env), stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c: string) => (out += c));
    child.on("error", () => done(""));
    child.on("close", (code) => done(code === 0 ? (out.split("\n").filter(Boolean).sort()[0] ?? "") : ""));
  });
  return createHash("sha256")
    .update(first ? `git:${first}` : `company:${company}`)
    .digest("hex")
    .slice(0, 16);
}
