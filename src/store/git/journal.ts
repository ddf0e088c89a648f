// The journal of commits not yet made: .aftercare/uncommitted/*.json, one per write, written
// before its commit and removed after it, so that a commit that did not happen can be finished.
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { stateDir } from "../state-dir.js";
import { hashOf, writeWhole } from "./files.js";

export interface Author {
  name: string;
  email: string;
}

/** A write whose commit has not happened yet (.aftercare/uncommitted/*.json). */
export interface PendingCommit {
  at: string;
  pid: number;
  message: string;
  author: Author;
  /** each file as the write left it (sha256 of its bytes; null when it was deleted) */
  files: { path: string; sha256: string | null }[];
  /** why git did not commit it */
  reason?: string;
}

export function subjectOf(message: string): string {
  return message.split("\n")[0]!;
}

/** Put a paragraph before a message's trailers (Aftercare-Command:), or at its end. */
export function withBody(message: string, para: string): string {
  const parts = message.split("\n\n");
  if (parts.length > 1 && /^[\w-]+: /.test(parts[parts.length - 1]!))
    return [...parts.slice(0, -1), para, parts[parts.length - 1]].join("\n\n");
  return `${message}\n\n${para}`;
}

/** Write down a commit about to be made; returns the journal entry's file. */
export async function writeJournal(cwd: string, paths: string[], message: string, author: Author): Promise<string> {
  const dir = join(stateDir(cwd), "uncommitted");
  await fs.mkdir(dir, { recursive: true });
  const entry: PendingCommit = {
    at: new Date().toISOString(),
    pid: process.pid,
    message,
    author,
    files: paths.map((path) => ({ path, sha256: hashOf(join(cwd, path)) })),
  };
  const file = join(
    dir,
    `${Date.now().toString().padStart(15, "0")}-${process.pid}-${randomBytes(3).toString("hex")}.json`,
  );
  await writeWhole(file, JSON.stringify(entry, null, 2) + "\n");
  return file;
}

/** Add why git did not commit to a journal entry. */
export async function noteReason(file: string, reason: string): Promise<void> {
  try {
    const entry = JSON.parse(await fs.readFile(file, "utf8")) as PendingCommit;
    await writeWhole(file, JSON.stringify({ ...entry, reason }, null, 2) + "\n");
  } catch {
    // the entry stays as it is: it still names the files
  }
}

/** The writes whose commit did not happen, oldest first; a torn entry is removed. */
export async function readJournal(cwd: string): Promise<(PendingCommit & { file: string })[]> {
  const dir = join(cwd, ".aftercare", "uncommitted");
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  const out: (PendingCommit & { file: string })[] = [];
  for (const n of names) {
    try {
      const e = JSON.parse(await fs.readFile(join(dir, n), "utf8")) as PendingCommit;
      if (Array.isArray(e.files) && typeof e.message === "string") out.push({ ...e, file: join(dir, n) });
    } catch {
      // a torn entry (a crash while it was written): nothing to finish
      await fs.rm(join(dir, n), { force: true });
    }
  }
  return out;
}
