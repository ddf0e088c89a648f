// Two tiers of tests (issue 15), run together by `npm test` and alone by `npm run test:unit` / `npm run test:e2e`:
//   unit  the domain, formatting, parsing, the merge tables, the regulation tables: code called in process, with
//         no git, no real binary and no terminal. Seconds. test/unit-guard.ts makes any child process a failure.
//   e2e   everything else: the real binary (built once by test/global-setup.ts), real `git init` stores in
//         temp folders, a bare server, tmux. Minutes.
// A new test file is end-to-end until it is listed in UNIT; a file that does both is split, the pure half listed.
// Workers: one per core (vitest's own default for `vitest run` is one fewer than the cores: a single
// worker on CI's two cores, which ran the whole suite one file after another). Files start longest
// first (LONG_FIRST, then vitest's order: the last run's durations, else the largest file), so that
// the long poles run side by side from the start instead of one of them at the end.
import { availableParallelism } from "node:os";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/** The fast tier: files whose tests spawn nothing. */
export const UNIT = [
  "test/regulation/**/*.test.ts",
  "test/check-facts.test.ts",
  "test/due-list.test.ts",
  "test/duties.test.ts",
  "test/errors-words.test.ts",
  "test/fastread.test.ts",
  "test/fuzz.test.ts",
  "test/git-words.test.ts",
  "test/ids.test.ts",
  "test/input-read.test.ts",
  "test/merge.test.ts",
  "test/merge-fields.test.ts",
  "test/output-scale.test.ts",
  "test/parse.test.ts",
  "test/shop-money.test.ts",
  "test/tables-width.test.ts",
  "test/text-safety.test.ts",
  "test/time.test.ts",
  "test/time-zones.test.ts",
  "test/help-words.test.ts",
  "test/help-wrap.test.ts",
  "test/unit-guard.test.ts",
  "test/walk-settled.test.ts",
  "test/yaml.test.ts",
];

/**
 * The slowest files, slowest first (minutes each on two cores): they start before everything else.
 * A file missing from the run is skipped; one not listed keeps vitest's order after these.
 */
export const LONG_FIRST = [
  "test/index-fresh.test.ts",
  "test/index-fresh-watch.test.ts",
  "test/sync.test.ts",
  "test/recovery.test.ts",
  "test/zh-render.test.ts",
  "test/reviews-index.test.ts",
];

class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONG_FIRST.findIndex((l) => f.moduleId.endsWith(`/${l}`));
      return i < 0 ? LONG_FIRST.length : i;
    };
    // a stable sort: vitest's order within the rest
    return sorted
      .map((f, i) => ({ f, i, r: rank(f) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.f);
  }
}

// AFTERCARE_WATCH=off: no store's watcher is started by a test that does not ask for one (test/helpers.ts cleanEnv too)
const shared = { testTimeout: 60_000, hookTimeout: 60_000, env: { AFTERCARE_WATCH: "off" } };

export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: LongFirst },
    projects: [
      {
        // worker threads start faster than forked processes: 18 s instead of 20 s on two idle cores
        test: { ...shared, name: "unit", include: UNIT, setupFiles: ["test/unit-guard.ts"], pool: "threads" },
      },
      {
        test: {
          ...shared,
          name: "e2e",
          include: ["test/**/*.test.ts"],
          exclude: UNIT,
          globalSetup: ["test/global-setup.ts"],
        },
      },
    ],
  },
});
