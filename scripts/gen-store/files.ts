// The store's files: where a record sits, and the writer that puts each file on disk and, for
// the commit, into a git fast-import stream of the same bytes (GEN_GIT=add: git add -A instead).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where the store keeps a record (as src/store/store.ts pathOf does). */
export function pathOf(id: string): string {
  const folder = { C: "customers", T: "tickets", K: "contacts", E: "events", W: "waivers" }[id[0] as "C"];
  if (id[0] === "C" || id[0] === "E") return `${folder}/${id}.yaml`;
  return `${folder}/20${id.slice(2, 4)}/${id.slice(4, 6)}/${id}.yaml`;
}

export type GitMethod = "fast-import" | "add";
const LF = Buffer.from("\n");

export class StoreFiles {
  readonly method: GitMethod = process.env.GEN_GIT === "add" ? "add" : "fast-import";
  /** the fast-import commands of every file written (fast-import only) */
  readonly stream: Buffer[] = [];
  count = 0;
  private readonly dirs = new Set<string>();

  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  /** Write `text` at `rel` (a path inside the store, with slashes). */
  write(rel: string, text: string): void {
    const slash = rel.lastIndexOf("/");
    const dir = slash > 0 ? rel.slice(0, slash) : "";
    if (dir && !this.dirs.has(dir)) {
      mkdirSync(join(this.root, dir), { recursive: true });
      this.dirs.add(dir);
    }
    const bytes = Buffer.from(text, "utf8");
    writeFileSync(join(this.root, rel), bytes);
    if (this.method === "fast-import")
      this.stream.push(Buffer.from(`M 100644 inline ${rel}\ndata ${bytes.length}\n`), bytes, LF);
    this.count++;
  }
}
