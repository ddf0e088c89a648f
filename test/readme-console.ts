// The README's ```console blocks as steps a test can replay: each `$ ` line a command, the lines
// after it until the next `$ ` its output (stdout and stderr, in the order written). The conventions, which the README
// keeps (and says so in its "Development" section):
//   - `<!-- now: 2026-11-26 09:08 -->` on a line before a block pins the clock for the block's commands;
//   - `~/desk` in a command is the store's folder, `/home/wf/desk` in an output stands for it;
//   - record IDs (C-/T-/K-/E-/W-…) are random: an ID the README shows stands for the ID printed in
//     its place the first time, and the same README ID means that ID from then on (also as a prefix
//     in a command, `T-261126-W`);
//   - an output whose last line is `…` only has to start with the lines above it;
//   - `# …` after a command is a remark; `$ cd …` is the store's folder already;
//     `$ export NAME=VALUE` sets an environment variable for the commands after it.
// Other fenced blocks (```sh, ```text) are illustrations and are not run.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BIN, cleanEnv } from "./helpers.js";

/** The home folder the README's outputs show (`~` in its commands). */
export const HOME = "/home/wf";

export interface Step {
  /** the command as the README shows it (without its remark) */
  line: string;
  args: string[];
  expected: string;
  /** the pinned clock, from the last `<!-- now: … -->` before its block */
  now: string;
}

const NOW = /^<!--\s*now:\s*(.+?)\s*-->$/;

/** Every command of every ```console block, in order. */
export function consoleSteps(markdown: string): Step[] {
  const steps: Step[] = [];
  let now = "";
  let inBlock = false;
  let current: Step | undefined;
  for (const line of markdown.split("\n")) {
    const pin = NOW.exec(line.trim());
    if (!inBlock && pin) now = pin[1]!;
    else if (!inBlock && line.trim() === "```console") inBlock = true;
    else if (inBlock && line.trim() === "```") {
      inBlock = false;
      current = undefined;
    } else if (inBlock && line.startsWith("$ ")) {
      const args = shellWords(line.slice(2));
      current = { line: line.slice(2), args, expected: "", now };
      steps.push(current);
    } else if (inBlock && current) current.expected += `${line}\n`;
  }
  return steps;
}

/** Split a command line as a POSIX shell would for the simple forms the README uses: quotes, and a `#` remark. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= "";
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "#" && word === undefined) break;
    else word = (word ?? "") + c;
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

export const ID = /\b[A-Z]-\d{6}-[0-9A-Z]{4}\b/g;
const ID_PREFIX = /^[A-Z]-\d{6}-[0-9A-Z]{1,3}$/;

/** README IDs and the IDs a replay printed in their place. */
export class IdMap {
  private readonly real = new Map<string, string>();

  /** A command's words with the README's IDs (and ID prefixes) turned into the printed ones. */
  args(words: string[]): string[] {
    return words.map((w) => {
      if (ID_PREFIX.test(w)) {
        const whole = [...this.real.keys()].find((k) => k.startsWith(w));
        return whole ? this.real.get(whole)!.slice(0, w.length) : w;
      }
      return w.replace(ID, (id) => this.real.get(id) ?? id);
    });
  }

  /**
   * The actual output in the README's terms: an ID the README shows where one was printed is
   * bound to it the first time; afterwards each printed ID reads as its README ID. The expected
   * text's IDs are matched in order of appearance, so both must show the same IDs in the same places.
   */
  read(expected: string, actual: string): string {
    const want = expected.match(ID) ?? [];
    const got = actual.match(ID) ?? [];
    want.forEach((id, i) => {
      const printed = got[i];
      if (printed && !this.real.has(id) && ![...this.real.values()].includes(printed)) this.real.set(id, printed);
    });
    const back = new Map([...this.real].map(([k, v]) => [v, k]));
    return actual.replace(ID, (id) => back.get(id) ?? id);
  }
}

/** Whether the output matches: exactly, or, for an expectation ending in a `…` line, by its start. */
export function expectedOf(expected: string, actual: string): string {
  const lines = expected.split("\n");
  if (lines.at(-2) !== "…") return expected;
  const head = lines.slice(0, -2).join("\n") + "\n";
  return actual.startsWith(head) ? actual : `${head}…\n`;
}

interface Duty {
  key: string;
  state: string;
  assignee: string | null;
}

/** One README session: a home folder, the folder commands run in, the environment `export` sets. */
export class Session {
  cwd: string;
  readonly env: Record<string, string> = {};
  readonly ids = new IdMap();
  constructor(readonly home: string) {
    this.cwd = home;
  }

  private path(w: string): string {
    return w === "~" || w.startsWith("~/") ? this.home + w.slice(1) : w;
  }

  /** Run a step; what it printed, in the README's terms. */
  run(step: Step): string {
    const [cmd, ...rest] = step.args;
    if (cmd === "cd") {
      this.cwd = resolve(this.cwd, this.path(rest[0] ?? "~"));
      return "";
    }
    if (cmd === "export") {
      const [name, value] = rest[0]!.split("=", 2);
      this.env[name!] = value!;
      return "";
    }
    const args = this.ids.args(rest).map((w) => this.path(w));
    const env = cleanEnv({ AFTERCARE_NOW: step.now, ...this.env });
    delete env.AFTERCARE_LOCALE; // the store's language, as at the desk
    // stdout and stderr into one file, as a terminal shows them: in the order they were written
    const file = join(this.home, "..", "printed.txt");
    const fd = openSync(file, "w");
    try {
      const [exe, argv] = cmd === "aftercare" ? [process.execPath, [BIN, ...args]] : [cmd!, args];
      spawnSync(exe, argv, { cwd: this.cwd, env, stdio: ["ignore", fd, fd] });
    } finally {
      closeSync(fd);
    }
    const printed = readFileSync(file, "utf8").replaceAll(this.home, HOME);
    return this.ids.read(step.expected, printed);
  }

  duties(now: string, within = 400): Duty[] {
    const env = cleanEnv({ AFTERCARE_NOW: now, ...this.env });
    const r = spawnSync(process.execPath, [BIN, "due", "--json", "--within", String(within)], {
      cwd: this.cwd,
      env,
      encoding: "utf8",
    });
    return JSON.parse(r.stdout) as Duty[];
  }
}
