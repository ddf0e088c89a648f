// The index rebuilt from nothing (src/store/index/rebuild.ts): the rules engine on the read
// workers, a few customers at a time, the rows loaded before the tables' indexes are made. What it
// keeps must be, row for row, what the same rebuild keeps in one thread, and its duties what the
// rules engine finds over every file; a broken file among the others is kept with its problems.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { FoundDuty } from "../src/domain/duties/index.js";
import { RecordIndex } from "../src/store/record-index.js";
import { Store } from "../src/store/store.js";
import { dutiesFromFiles } from "./duties-from-files.js";
import { tempDir } from "./helpers.js";
import { baseStore, generate, NOW, SETTINGS } from "./index-fixtures.js";

const now = new Date(NOW);
const roots: string[] = [];
afterEach(() => {
  while (roots.length) rmSync(roots.pop()!, { recursive: true, force: true });
});

/** The hand-written records, a dozen generated customers, and one ticket whose file is not YAML. */
function store(): string {
  const root = tempDir();
  roots.push(root);
  for (const [rel, text] of Object.entries({ "aftercare.yaml": SETTINGS, ...baseStore() })) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  generate(root, { customers: 12, tickets: 60, contacts: 200, seed: 3 });
  writeFileSync(join(root, "tickets", "2026", "11", "T-261101-BRKN.yaml"), "id: [unclosed\nstatus: open\n");
  return root;
}

/** Every row of the index's tables, sorted, and the names of its indexes and triggers. */
function tables(root: string): Record<string, string[]> {
  const db = new Database(join(root, ".aftercare", "index.sqlite"), { readonly: true });
  try {
    const out: Record<string, string[]> = {};
    for (const t of ["file", "dir", "grp", "duty", "meta", "watch"])
      out[t] = (db.prepare(`SELECT * FROM ${t}`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    out.schema = db.prepare("SELECT type || ' ' || name FROM sqlite_master ORDER BY name").pluck().all() as string[];
    return out;
  } finally {
    db.close();
  }
}

/** Rebuild the index of `root` from nothing with these settings of the environment; its duties as kept. */
async function rebuild(root: string, env: NodeJS.ProcessEnv): Promise<{ kept: FoundDuty[]; warnings: string[] }> {
  const s = await Store.open(root);
  const idx = (await RecordIndex.open(s, now, { ...process.env, ...env }, { rebuild: true }))!;
  try {
    return { kept: idx.allFound(), warnings: idx.warnings() };
  } finally {
    idx.close();
  }
}

describe("the index rebuilt from nothing", () => {
  it("on the workers, two customers at a time: the same rows as in one thread, the duties the rules engine finds, the broken file kept", async () => {
    const root = store();
    const one = await rebuild(root, { AFTERCARE_REBUILD_MIN_WORKERS: "1000000" });
    const inThread = tables(root);
    const many = await rebuild(root, { AFTERCARE_REBUILD_MIN_WORKERS: "0", AFTERCARE_REBUILD_CHUNK: "2" });
    const onWorkers = tables(root);
    expect(onWorkers).toEqual(inThread);
    expect(many.warnings).toEqual(one.warnings);
    expect(onWorkers.grp!.length).toBeGreaterThan(12);

    // the broken ticket is kept with its problem, and said as the store says it
    const db = new Database(join(root, ".aftercare", "index.sqlite"), { readonly: true });
    const broken = db
      .prepare("SELECT value, problems FROM file WHERE path = ?")
      .get("tickets/2026/11/T-261101-BRKN.yaml") as {
      value: string | null;
      problems: string | null;
    };
    db.close();
    expect(broken.value).toBeNull();
    expect(JSON.parse(broken.problems!)).toHaveLength(1);
    expect(many.warnings).toHaveLength(1);
    expect(many.warnings[0]).toContain("tickets/2026/11/T-261101-BRKN.yaml");

    // every duty as the rules engine finds it over every file that reads
    const s = await Store.open(root);
    const found = await dutiesFromFiles(s, now);
    const byKey = (ds: FoundDuty[]) =>
      new Map(ds.map((d) => [d.key, JSON.parse(JSON.stringify(d)) as FoundDuty] as const));
    expect(found.length).toBeGreaterThan(100);
    expect(byKey(many.kept)).toEqual(byKey(found));
  }, 60_000);

  it("the indexes a rebuild drops while it loads are all made again, as a new index has them", async () => {
    const root = store();
    await rebuild(root, { AFTERCARE_REBUILD_MIN_WORKERS: "0", AFTERCARE_REBUILD_CHUNK: "5" });
    const rebuilt = tables(root).schema!;
    // a new index made table by table (the files read in, then a refresh that finds nothing new)
    rmSync(join(root, ".aftercare"), { recursive: true, force: true });
    const db = new Database(join(root, "fresh.sqlite"));
    const { setUp } = await import("../src/store/index/schema.js");
    setUp(db);
    const made = db.prepare("SELECT type || ' ' || name FROM sqlite_master ORDER BY name").pluck().all() as string[];
    db.close();
    expect(rebuilt).toEqual(made);
    expect(rebuilt.filter((n) => n.startsWith("index "))).toContain("index duty_opens");
    expect(rebuilt.filter((n) => n.startsWith("index "))).toContain("index file_grp");
  }, 60_000);
});
