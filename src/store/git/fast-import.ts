// The fast way to commit: `git fast-import` makes the commit of exactly the staged files on top
// of HEAD, reading only the trees on the way to them and never the index. What it needs: a commit
// message and identity as git would write them, each file's blob, and the conversation itself.
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { OID, type RepoLocation } from "./locate.js";

/** git's stripspace: no trailing blanks, no leading or trailing empty lines, runs of empty lines as one. */
export function cleanMessage(message: string): string {
  const out: string[] = [];
  let empties = 0;
  for (const raw of message.split("\n")) {
    const line = raw.replace(/[ \t\r\n\v\f]+$/, "");
    if (!line) {
      empties++;
      continue;
    }
    if (empties && out.length) out.push("");
    empties = 0;
    out.push(line);
  }
  return out.length ? `${out.join("\n")}\n` : "";
}

/** A name or e-mail as git writes it into a commit: no leading or trailing punctuation, no <, > or newline. */
export function identPart(s: string): string {
  const crud = (c: string) => c.charCodeAt(0) <= 32 || `.,:;<>"\\'`.includes(c);
  const chars = [...s];
  let a = 0;
  let b = chars.length;
  while (a < b && crud(chars[a]!)) a++;
  while (b > a && crud(chars[b - 1]!)) b--;
  return chars
    .slice(a, b)
    .filter((c) => c !== "\n" && c !== "<" && c !== ">")
    .join("");
}

/** "1764120000 +0800": now, in the machine's zone, as git dates a commit. */
export function gitNow(): string {
  const now = new Date();
  const off = -now.getTimezoneOffset();
  const abs = Math.abs(off);
  return `${Math.floor(now.getTime() / 1000)} ${off < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** A path in a fast-import stream, always quoted (C style). */
function fiPath(p: string): string {
  return `"${p.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** A file to commit: its path in the repository, and the blob staged for it (absent when it was deleted). */
export interface StagedFile {
  full: string;
  oid?: string;
}

/**
 * Each file as it is now, and the blob `update-index` wrote for it; undefined when one of them
 * needs `git commit` (not a plain file, executable, a carriage return, a blob git converted).
 */
export function stagedBlobs(cwd: string, loc: RepoLocation, paths: string[], format: string): StagedFile[] | undefined {
  const files: StagedFile[] = [];
  for (const p of paths) {
    const abs = join(cwd, ...p.split("/"));
    const st = lstatSync(abs, { throwIfNoEntry: false });
    const full = `${loc.prefix}${p}`;
    if (!st) {
      files.push({ full });
      continue;
    }
    if (!st.isFile() || st.mode & 0o111) return undefined;
    const bytes = readFileSync(abs);
    if (bytes.includes(13)) return undefined; // a carriage return: line-ending conversion may apply
    const oid = createHash(format).update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    // the blob must be the one update-index has just staged (a loose object): when git converted
    // the file (a clean filter, line endings) it is not there, and neither is it when the file
    // is as it was in an older commit (packed) — `git commit` then, which is right either way
    if (!existsSync(join(loc.commonDir, "objects", oid.slice(0, 2), oid.slice(2)))) return undefined;
    files.push({ full, oid });
  }
  return files;
}

export interface FastImport {
  send: (s: string | Buffer) => void;
  line: () => Promise<string>;
}

/** What the commit's conversation ends with: the new commit, nothing to commit, or "use git commit". */
export type FastOutcome = { commit: string } | "empty" | "porcelain";

/**
 * The conversation that commits `files` on `ref` over `parent`: ask fast-import what each path is
 * now, write the commit of those that changed, and read back its name.
 */
export function commitTalk(
  files: StagedFile[],
  commit: { ref: string; parent: string; ident: string; text: string },
): (fi: FastImport) => Promise<FastOutcome> {
  return async (fi) => {
    fi.send("feature done\n");
    for (const f of files) fi.send(`ls ${commit.parent} ${fiPath(f.full)}\n`);
    const changes: string[] = [];
    for (const f of files) {
      const was = await fi.line();
      const m = /^(\d{6}) (\w+) ([0-9a-f]+)\t/.exec(was);
      if (!f.oid) {
        if (m) changes.push(`D ${fiPath(f.full)}\n`);
        continue;
      }
      if (m && (m[1] !== "100644" || m[2] !== "blob")) return "porcelain";
      if (m?.[3] === f.oid) continue;
      changes.push(`M 100644 ${f.oid} ${fiPath(f.full)}\n`);
    }
    if (!changes.length) return "empty";
    const body = Buffer.from(commit.text, "utf8");
    const { ident } = commit;
    fi.send(`commit ${commit.ref}\nmark :1\nauthor ${ident}\ncommitter ${ident}\ndata ${body.length}\n`);
    fi.send(body);
    fi.send(`\nfrom ${commit.parent}\n${changes.join("")}\nget-mark :1\n`);
    const oid = (await fi.line()).trim();
    return OID.test(oid) ? { commit: oid } : "porcelain";
  };
}

/** A child's stdout read line by line, and its exit (-1 when it could not run). */
function lines(child: ChildProcess): { line: () => Promise<string>; exited: Promise<number | null> } {
  let out = "";
  let closed = false;
  const waiting: (() => void)[] = [];
  const wake = () => waiting.splice(0).forEach((w) => w());
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (d: string) => {
    out += d;
    wake();
  });
  child.stderr!.on("data", () => undefined);
  child.stdin!.on("error", () => undefined);
  const exited = new Promise<number | null>((r) => {
    const end = (code: number | null) => {
      closed = true;
      wake();
      r(code);
    };
    child.on("error", () => end(-1));
    child.on("close", (code) => end(code));
  });
  const line = async (): Promise<string> => {
    for (;;) {
      const nl = out.indexOf("\n");
      if (nl >= 0) {
        const l = out.slice(0, nl);
        out = out.slice(nl + 1);
        return l;
      }
      if (closed) throw new Error("fast-import ended");
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  return { line, exited };
}

/**
 * A conversation with a started `git fast-import`: `talk` sends commands and reads its answers;
 * its result stands when fast-import then ends well. Undefined when fast-import failed (its crash
 * report in `gitDir` is removed: the commit is made the other way).
 */
export async function converse<T>(
  child: ChildProcess | undefined,
  gitDir: string,
  talk: (fi: FastImport) => Promise<T>,
): Promise<T | undefined> {
  if (!child) return undefined;
  const { line, exited } = lines(child);
  let value: T | undefined;
  try {
    value = await talk({ send: (s) => void child.stdin!.write(s), line });
    child.stdin!.end("done\n");
  } catch {
    value = undefined;
    child.kill();
  }
  const code = await exited;
  if (code !== 0 || value === undefined) {
    if (child.pid) rmSync(join(gitDir, `fast_import_crash_${child.pid}`), { force: true });
    return undefined;
  }
  return value;
}
