// Two tiers of tests (issue 15), run together by `npm test` and alone by `npm run test:unit` / `npm run test:e2e`:
//   unit  the domain, formatting, parsing, the merge tables, the regulation tables: code called in process, with
//         no git, no real binary and no terminal. Seconds. test/unit-guard.ts makes any child process a failure.
//   e2e   everything else: the real binary (built once by test/global-setup.ts), real `git init` stores in
//         temp folders, a bare server, tmux. Minutes.
// A new test file is end-to-end until it is listed in UNIT; a file that does both is split, the pure half listed.
// Workers follow the machine (vitest's default, from os.availableParallelism()).
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
  "test/yaml.test.ts",
];

// AFTERCARE_WATCH=off: no store's watcher is started by a test that does not ask for one (test/helpers.ts cleanEnv too)
const shared = { testTimeout: 60_000, hookTimeout: 60_000, env: { AFTERCARE_WATCH: "off" } };

export default defineConfig({
  test: {
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
