// A repository set up for many files: ten years of records are some 200,000 files, and git's
// defaults read and rewrite its whole index (14 MB then) on every write.
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { wordedText, type MessageKey, type Worded } from "../i18n.js";
import type { Git } from "../store/git.js";

/** The settings `aftercare init` gives a store's repository: what each buys, what its lack costs (`mf.why.*`, `mf.lacking.*` in the catalogue), how to tell it is on. */
export const MANY_FILES: readonly {
  key: string;
  /** its words in the catalogue: mf.why.NAME, mf.lacking.NAME */
  name: "manyFiles" | "splitIndex" | "untrackedCache" | "fetchGraph" | "gcGraph";
  on: (v: (k: string) => Promise<boolean | undefined>) => Promise<boolean>;
}[] = [
  { key: "feature.manyFiles", name: "manyFiles", on: async (v) => (await v("feature.manyFiles")) === true },
  { key: "core.splitIndex", name: "splitIndex", on: async (v) => (await v("core.splitIndex")) === true },
  {
    key: "core.untrackedCache",
    name: "untrackedCache",
    // feature.manyFiles turns it on unless it is set off
    on: async (v) => (await v("core.untrackedCache")) ?? (await v("feature.manyFiles")) === true,
  },
  { key: "fetch.writeCommitGraph", name: "fetchGraph", on: async (v) => (await v("fetch.writeCommitGraph")) === true },
  // on by default since git 2.24
  { key: "gc.writeCommitGraph", name: "gcGraph", on: async (v) => (await v("gc.writeCommitGraph")) !== false },
];

/** A line of doctor's or init's: English (for --json), and its words for the reader's language. */
export type Said = { message: string; worded: Worded };
export const said = (key: MessageKey, params: Worded["params"] = {}): Said => {
  const worded: Worded = { key, params };
  return { message: wordedText("en", worded), worded };
};

/** The chunks of a commit-graph file (git's format: "CGPH", version, hash, chunk count, then the chunk table). */
function graphChunks(file: string): Set<string> | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const head = Buffer.alloc(8);
    if (readSync(fd, head, 0, 8, 0) !== 8 || head.toString("latin1", 0, 4) !== "CGPH") return undefined;
    const count = head[6]!;
    const table = Buffer.alloc((count + 1) * 12);
    readSync(fd, table, 0, table.length, 8);
    const out = new Set<string>();
    for (let i = 0; i < count; i++) out.add(table.toString("latin1", i * 12, i * 12 + 4));
    return out;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * True when the repository has a commit-graph whose newest layer holds changed-path Bloom
 * filters (BIDX and BDAT): `git log -- PATH`, which 'aftercare history' runs, then skips the
 * commits that did not touch the file without reading their trees.
 */
export function hasBloomCommitGraph(commonDir: string): boolean {
  const info = join(commonDir, "objects", "info");
  let file = join(info, "commit-graph");
  const chain = join(info, "commit-graphs", "commit-graph-chain");
  if (existsSync(chain)) {
    const layers = readFileSync(chain, "utf8").split("\n").filter(Boolean);
    if (layers.length) file = join(info, "commit-graphs", `graph-${layers[layers.length - 1]}.graph`);
  }
  const chunks = graphChunks(file);
  return chunks !== undefined && chunks.has("BIDX") && chunks.has("BDAT");
}

/** What the store's repository lacks for many files, one line each in doctor's words; empty when set up. */
export async function manyFilesProblems(git: Git): Promise<Said[]> {
  const out: Said[] = [];
  const value = (k: string) => git.configBool(k);
  for (const s of MANY_FILES)
    if (!(await s.on(value))) out.push(said("mf.off", { key: s.key, lacking: { key: `mf.lacking.${s.name}` } }));
  const common = await git.commonDir();
  if (common && git.headCommit() && !hasBloomCommitGraph(common)) out.push(said("mf.noGraph"));
  return out;
}

/**
 * Set the repository up for many files: the settings above (in the repository's own config), and
 * a commit-graph with changed-path Bloom filters once there is a commit. Returns one line per
 * thing done; `only` limits it to what is missing (doctor), else everything is set (init).
 */
export async function setUpForManyFiles(git: Git, opts: { only?: "missing" } = {}): Promise<Said[]> {
  const done: Said[] = [];
  const value = (k: string) => git.configBool(k);
  // what is missing is decided before anything is set (feature.manyFiles implies the untracked cache)
  const todo: (typeof MANY_FILES)[number][] = [];
  for (const s of MANY_FILES) if (opts.only !== "missing" || !(await s.on(value))) todo.push(s);
  for (const s of todo) {
    const r = await git.run(["config", s.key, "true"]);
    if (r.code === 0) done.push(said("mf.turnedOn", { key: s.key, why: { key: `mf.why.${s.name}` } }));
  }
  const common = await git.commonDir();
  if (common && git.headCommit() && !(opts.only === "missing" && hasBloomCommitGraph(common))) {
    const r = await git.run(["commit-graph", "write", "--reachable", "--changed-paths"]);
    if (r.code === 0) done.push(said("mf.wroteGraph"));
  }
  return done;
}
