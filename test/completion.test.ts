// Shell completion for real: the scripts `aftercare completion bash|zsh|fish` print, loaded in
// bash, zsh and fish, calling the built aftercare on PATH. bash is on every machine (CI too); zsh
// and fish are skipped with a note where they are not installed (apt-get install zsh fish).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";
import { BIN, cleanEnv, tempDir, testStore } from "./helpers.js";

const OTHER_TICKET = "T-261125-ZZZZ";

function setUp() {
  const root = testStore(RECORDS);
  const other = testStore({
    ...RECORDS,
    [`tickets/2026/11/${OTHER_TICKET}.yaml`]: RECORDS[`tickets/2026/11/${TICKET}.yaml`]!,
  });
  writeFileSync(join(root, "客户名单.csv"), "客户名称\n甲\n");
  mkdirSync(join(root, "exports"));
  const dir = tempDir();
  mkdirSync(join(dir, "bin"));
  symlinkSync(BIN, join(dir, "bin", "aftercare"));
  const env = cleanEnv({
    PATH: `${dir}/bin:${process.env.PATH}`,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, ".config"),
    AFTERCARE_NOW: "2026-11-26T10:00:00+08:00",
    LANG: "C.UTF-8",
  });
  const script = (shell: string) => {
    const file = join(dir, `aftercare.${shell}`);
    writeFileSync(file, execFileSync(process.execPath, [BIN, "completion", shell], { encoding: "utf8" }));
    return file;
  };
  return { root, other, env, script };
}

const has = (shell: string) => spawnSync(shell, ["-c", "exit 0"]).status === 0;
const lines = (s: string) => s.split("\n").filter(Boolean);

/** What each shell offers for the same lines (the last word is the one being completed). */
const CASES = (other: string): [string[], string[]][] => [
  [["tic"], ["ticket"]],
  [["ticket", "dis"], ["dispatch"]],
  [["ticket", "show", "T-2611"], [TICKET]],
  [["ticket", "dispatch", TICKET, "--tech"], ["--technician"]],
  [["ticket", "dispatch", TICKET, "--technician", "李"], ["李强"]],
  // only the technicians are offered for a job (王芳 is a clerk, 赵工 engineering); anyone may be an assignee
  [["ticket", "dispatch", TICKET, "--technician", ""], ["李强"]],
  [["ticket", "open", "--assignee", "赵"], ["赵工"]],
  [
    ["ticket", "open", "--customer", "C-2611"],
    [MINGYUAN, "C-261102-BBBB"],
  ],
  [["ticket", "list", "--status", "open,cl"], ["open,closed"]],
  [
    ["export", "--format", ""],
    ["csv", "json", "xlsx"],
  ],
  [
    ["export", "c"],
    ["customers", "contacts"],
  ],
  [
    ["report", "monthly", "2026-1"],
    ["2026-11", "2026-10"],
  ],
  [["history", "K-"], [CALL]],
  [
    ["completion", ""],
    ["bash", "zsh", "fish"],
  ],
  [
    ["--records", other, "ticket", "show", "T-26112"],
    [TICKET, OTHER_TICKET],
  ],
  [["import", "customers", "客户"], ["客户名单.csv"]],
  [["export", "customers", "--output", "ex"], ["exports/"]],
];

describe("completion in bash", () => {
  it("completes commands, flags, flag values, record IDs of the right kind, months and file names; honours --records", () => {
    const { root, other, env, script } = setUp();
    const file = script("bash");
    const complete = (words: string[]) =>
      lines(
        execFileSync(
          "bash",
          [
            "-c",
            `source "$1"; COMP_WORDS=(aftercare "\${@:2}"); COMP_CWORD=$(( $# - 1 )); _aftercare; printf '%s\\n' "\${COMPREPLY[@]}"`,
            "bash",
            file,
            ...words,
          ],
          { cwd: root, env, encoding: "utf8" },
        ),
      ).sort();
    for (const [words, want] of CASES(other))
      expect(complete(words), words.join(" ")).toEqual([...want].map((w) => w.replace(/\/$/, "")).sort());
    // a staff name with a space comes back quoted for the shell
    expect(complete(["due", "--for", "Ann"])).toEqual(["Anna\\ Schmidt"]);
    // bash splits --records=DIR at the =; the store is honoured all the same
    expect(complete(["--records", "=", other, "ticket", "show", "T-261125"])).toEqual([OTHER_TICKET]);
  });
});

describe("completion in zsh", () => {
  it("the same, through the zsh function (compadd and _files stand in for the widget)", (t) => {
    if (!has("zsh")) return t.skip("zsh is not installed (apt-get install zsh); bash above runs the same completer");
    const { root, other, env, script } = setUp();
    const file = script("zsh");
    // outside a completion widget compadd and _files do not exist: stand-ins print what they were given
    const complete = (words: string[]) =>
      lines(
        execFileSync(
          "zsh",
          [
            "-f",
            "-c",
            `compadd() { [[ $1 == -a ]] && print -rl -- "\${(@P)2}" }; _files() { print -r -- ":files $*"; }; source "$1"; words=(aftercare "\${@:2}"); CURRENT=$#; _aftercare`,
            "zsh",
            file,
            ...words,
          ],
          { cwd: root, env, encoding: "utf8" },
        ),
      ).sort();
    for (const [words, want] of CASES(other)) {
      // where a file is expected zsh's own _files lists them
      const files =
        (words[0] === "import" && words[1] === "customers") || words.includes("--output") ? [":files "] : undefined;
      expect(complete(words), words.join(" ")).toEqual(files ?? [...want].sort());
    }
    expect(complete(["due", "--for", "Ann"])).toEqual(["Anna Schmidt"]);
    // loaded by `source` at the prompt, it registers itself with compdef, and PATH is left alone
    const loaded = execFileSync(
      "zsh",
      [
        "-f",
        "-c",
        `autoload -U compinit && compinit -u -d "$HOME/.zcompdump" && source "$1" && print -r -- "\${_comps[aftercare]}" && whence aftercare`,
        "zsh",
        file,
      ],
      { cwd: root, env, encoding: "utf8" },
    );
    expect(lines(loaded)).toEqual(["_aftercare", expect.stringMatching(/\/bin\/aftercare$/)]);
  });
});

describe("completion in fish", () => {
  it("the same, through fish's own completion engine (complete -C)", (t) => {
    if (!has("fish")) return t.skip("fish is not installed (apt-get install fish); bash above runs the same completer");
    const { root, other, env, script } = setUp();
    const file = script("fish");
    const complete = (words: string[]) =>
      lines(
        execFileSync(
          "fish",
          [
            "--no-config",
            "-c",
            `source $argv[1]; complete -C "aftercare $argv[2..-1]"`,
            file,
            ...words.map((w) => (w === "" ? "" : w)),
          ],
          { cwd: root, env, encoding: "utf8" },
        ),
      )
        .map((l) => l.split("\t")[0]!)
        .sort();
    for (const [words, want] of CASES(other)) {
      // complete -C takes the line as typed: an empty last word is the space after the one before
      const line = words[words.length - 1] === "" ? [...words.slice(0, -1), ""] : words;
      expect(complete(line), words.join(" ")).toEqual([...want].sort());
    }
    expect(complete(["due", "--for", "Ann"])).toEqual(["Anna Schmidt"]);
  });
});
