// The README's console blocks ("一天的工作", from `init` to the monthly review), replayed in order
// through the real binary on a fresh store with the clock pinned as the README pins it: every
// printed output must be the one the README shows (the conventions are in readme-console.ts).
// When the review is saved every duty has an owner and none is overdue, then or a week later.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, tempDir } from "./helpers.js";
import { consoleSteps, expectedOf, Session } from "./readme-console.js";

const README = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
describe("the README's day at the desk, on a fresh store", () => {
  const steps = consoleSteps(README);

  it("has the walkthrough from init to the monthly review", () => {
    expect(steps[0]?.line).toMatch(/^aftercare init ~\/desk /);
    expect(steps.some((s) => s.line.startsWith("aftercare report monthly 2026-11 --save"))).toBe(true);
    for (const s of steps) expect(s.now, s.line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it("prints what the README shows, command by command", () => {
    const home = join(tempDir(), "wf");
    mkdirSync(home);
    const session = new Session(home);
    const review = steps.findIndex((s) => s.line.startsWith("aftercare report monthly 2026-11 --save --as 周敏"));
    steps.forEach((step, i) => {
      const got = session.run(step);
      expect(got, `$ ${step.line}   (at ${step.now})`).toBe(expectedOf(step.expected, got));
      // the day at the desk ends with the review saved: every duty has an owner, and nothing is
      // overdue, then or a week later (the reception desk's ticket comes after)
      if (i === review)
        for (const now of [step.now, "2026-12-14 09:00"]) {
          const list = session.duties(now);
          expect(list.filter((d) => !d.assignee).map((d) => d.key)).toEqual([]);
          expect(list.filter((d) => d.state === "overdue").map((d) => d.key)).toEqual([]);
        }
    });
    expect(review).toBeGreaterThan(0);
    expect(session.duties(steps.at(-1)!.now).filter((d) => !d.assignee)).toEqual([]);
    // every step was one commit, and the tree is clean
    expect(git(session.cwd, "status", "--porcelain")).toBe("");
  });
});
