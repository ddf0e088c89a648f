// readMany (src/store/fastread.ts): many record files read on worker threads (read-worker.ts,
// started through tsx here, as in development) or in this thread, with the same answers, in the
// order asked, each with its stamp; unchanged files not read; files gone since the listing.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { RecordKind } from "../src/domain/ids.js";
import { stampOf } from "../src/store/cache.js";
import { readMany, type ReadItem } from "../src/store/fastread.js";
import { readRecord } from "../src/store/read-record.js";
import { FOLDERS } from "../src/store/store.js";
import { tempDir } from "./helpers.js";

const SAMPLE = join(import.meta.dirname, "..", "records");
const KIND_OF_FOLDER = new Map(Object.entries(FOLDERS).map(([k, f]) => [f, k as RecordKind]));

/** A store of n copies of the sample records (a few broken), and the items to read. */
function store(copies: number): { root: string; items: ReadItem[] } {
  const root = tempDir();
  const items: ReadItem[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".yaml")) {
        const rel = relative(SAMPLE, full).split("\\").join("/");
        const kind = KIND_OF_FOLDER.get(rel.split("/")[0]!);
        if (!kind) continue;
        const text = readFileSync(full);
        for (let i = 0; i < copies; i++) {
          const path = rel.replace(/\.yaml$/, i ? `-${i}.yaml` : ".yaml");
          mkdirSync(dirname(join(root, path)), { recursive: true });
          // every seventh copy damaged in its own way: GBK, a tab, a comment (the full reader's), a bad field
          const bytes =
            i % 7 === 1
              ? iconv.encode(text.toString(), "gbk")
              : i % 7 === 2
                ? Buffer.from(text.toString().replace(/\n/, "\n\t"))
                : i % 7 === 3
                  ? Buffer.from(`# copy ${i}\n${text.toString()}`)
                  : i % 7 === 4
                    ? Buffer.from(`${text.toString()}bogus: 1\n`)
                    : text;
          writeFileSync(join(root, path), bytes);
          items.push({ kind, path });
        }
      }
    }
  };
  walk(SAMPLE);
  return { root, items };
}

describe("readMany", () => {
  it("on worker threads gives what readRecord gives, in order, with each file's stamp", async () => {
    const { root, items } = store(8);
    expect(items.length).toBeGreaterThan(800);
    const errors: unknown[] = [];
    const progress: number[] = [];
    const viaWorkers = await readMany(items, root, {
      threads: 2,
      minForThreads: 0,
      onWorkerError: (e) => errors.push(e),
      onProgress: (done, total) => (expect(total).toBe(items.length), progress.push(done)),
    });
    expect(errors).toEqual([]);
    expect(progress.at(-1)).toBe(items.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const here = await readMany(items, root, { threads: 0 });
    expect(viaWorkers).toEqual(here);
    let fast = 0;
    viaWorkers.forEach((r, i) => {
      const item = items[i]!;
      expect(r.path).toBe(item.path);
      expect(r.kind).toBe(item.kind);
      expect(r.id).toBe(item.path.slice(item.path.lastIndexOf("/") + 1, -".yaml".length));
      expect(r.stamp).toBe(stampOf(statSync(join(root, item.path))));
      const full = readRecord(item.kind, item.path, readFileSync(join(root, item.path)));
      expect(r.value).toEqual(full.value);
      expect(r.problems).toEqual(full.problems);
      if (r.fast) fast++;
    });
    // the undamaged copies and those with only a bad field (validated fast, then refused by readRecord)
    expect(fast).toBeGreaterThan(items.length / 2);
    expect(viaWorkers.filter((r) => r.problems.length).length).toBeGreaterThan(items.length / 4);
  });

  it("skips a file that still has the stamp given, reads one that changed, and names one that is gone", async () => {
    const { root, items } = store(3);
    const first = await readMany(items, root, { threads: 2, minForThreads: 0 });
    const gone = items[5]!;
    rmSync(join(root, gone.path));
    const changed = items.findIndex((_, i) => i > 10 && first[i]!.value);
    writeFileSync(
      join(root, items[changed]!.path),
      readFileSync(join(root, items[changed]!.path), "utf8").replace(/\n$/, "\n# edited\n"),
    );
    const again = items.map((it, i) => ({ ...it, stamp: first[i]!.stamp }));
    for (const threads of [2, 0]) {
      const second = await readMany(again, root, { threads, minForThreads: 0 });
      second.forEach((r, i) => {
        if (i === 5)
          expect(r).toEqual({ path: gone.path, kind: gone.kind, id: first[5]!.id, problems: [], gone: true });
        else if (i === changed)
          expect(r).toMatchObject({
            value: first[i]!.value,
            fast: false,
            stamp: stampOf(statSync(join(root, items[i]!.path))),
          });
        else
          expect(r).toEqual({
            path: items[i]!.path,
            kind: items[i]!.kind,
            id: first[i]!.id,
            problems: [],
            stamp: first[i]!.stamp,
            unchanged: true,
          });
      });
    }
  });

  it("reads small batches in this thread, and a folder named like a record is a problem, as Store names it", async () => {
    const root = tempDir();
    mkdirSync(join(root, "customers", "C-261101-AAAA.yaml"), { recursive: true });
    const [r] = await readMany([{ kind: "customer", path: "customers/C-261101-AAAA.yaml" }], root);
    expect(r).toMatchObject({
      problems: [
        {
          path: "customers/C-261101-AAAA.yaml",
          line: 1,
          col: 1,
          message: "cannot be read (EISDIR: it is a folder, not a file); move the folder out of the way",
          worded: { key: "pr.cannotReadFolder" },
        },
      ],
    });
    expect(await readMany([], root, { threads: 2, minForThreads: 0 })).toEqual([]);
  });
});
