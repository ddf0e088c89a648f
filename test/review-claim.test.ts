// The reviews' kept figures of a past period (src/store/index/review-cache.ts): a process keeps
// what it worked out only under its own claim, so that figures worked out before a record changed
// never land in the row another process claimed after the change. Two connections to one index
// file stand for two desks running `report monthly` at once.
import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimFigures, figuresKept, keepFigures } from "../src/store/index/review-cache.js";
import { setUp } from "../src/store/index/schema.js";
import { tempDir } from "./helpers.js";

const OCTOBER = "monthly 2026-10";
const KEY = '["zh-CN","Asia/Shanghai"]';

function twoDesks() {
  const file = join(tempDir(), "index.sqlite");
  const a = new Database(file);
  setUp(a);
  const b = new Database(file);
  setUp(b);
  return { a, b };
}

/** A ticket's file changed behind the reviews' back (a pull, a hand edit read into the index). */
function ticketChanged(db: Database.Database, n: number): void {
  db.prepare(
    "INSERT INTO file (path, dir, kind, id, grp, stamp, value, problems, placed, ref, lo, hi) VALUES (?, 'tickets/2026/10', 'ticket', ?, 'C-260101-AAAA', ?, '{}', NULL, 1, NULL, ?, ?)",
  ).run(
    `tickets/2026/10/T-261015-000${n}.yaml`,
    `T-261015-000${n}`,
    `stamp-${n}`,
    1_760_000_000_000,
    1_760_000_000_000,
  );
}

describe("a past period's figures kept by the index", () => {
  it("are kept under the claim that worked them out, when nothing changed meanwhile", () => {
    const { a } = twoDesks();
    const claim = claimFigures(a, OCTOBER, KEY, 0, 2e12);
    expect(figuresKept(a, OCTOBER, KEY)).toBeUndefined();
    keepFigures(a, OCTOBER, KEY, claim, { received: 39 }, ["C-260101-AAAA"]);
    expect(figuresKept(a, OCTOBER, KEY)).toEqual({ received: 39 });
    // under another key (another language or settings) they are not the same figures
    expect(figuresKept(a, OCTOBER, '["en","Asia/Shanghai"]')).toBeUndefined();
  });

  it("worked out before a record changed are never kept, even when another desk claimed the period again after the change", () => {
    const { a, b } = twoDesks();
    const first = claimFigures(a, OCTOBER, KEY, 0, 2e12);
    // meanwhile a ticket of October changes: the claim is dropped
    ticketChanged(b, 1);
    // another desk asks for October after the change and claims it again
    const second = claimFigures(b, OCTOBER, KEY, 0, 2e12);
    // the first desk ends with what it read before the change: not kept
    keepFigures(a, OCTOBER, KEY, first, { received: 39 }, []);
    expect(figuresKept(b, OCTOBER, KEY)).toBeUndefined();
    // the second desk's figures, read after the change, are
    keepFigures(b, OCTOBER, KEY, second, { received: 40 }, []);
    expect(figuresKept(a, OCTOBER, KEY)).toEqual({ received: 40 });
  });

  it("claimed by two desks at once: the later claim's figures are kept, the earlier's not", () => {
    const { a, b } = twoDesks();
    const first = claimFigures(a, OCTOBER, KEY, 0, 2e12);
    const second = claimFigures(b, OCTOBER, KEY, 0, 2e12);
    keepFigures(a, OCTOBER, KEY, first, { received: 39, by: "a" }, []);
    expect(figuresKept(a, OCTOBER, KEY)).toBeUndefined();
    keepFigures(b, OCTOBER, KEY, second, { received: 39, by: "b" }, []);
    expect(figuresKept(a, OCTOBER, KEY)).toEqual({ received: 39, by: "b" });
    // a record change after they were kept drops them
    ticketChanged(a, 2);
    expect(figuresKept(b, OCTOBER, KEY)).toBeUndefined();
  });
});
