// What every command gets: io, the clock, the store, git, and who is acting. Built once per run.
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { UsageError, UserError } from "./errors.js";
import type { IO } from "./io.js";
import { inquirer, type Prompter } from "./prompt.js";
import { translator, type Translator } from "./i18n.js";
import type { Staff } from "./domain/schema.js";
import { DATETIME_HELP, parseDateTime } from "./domain/time.js";
import { Git, type CommitResult } from "./store/git.js";
import { Store } from "./store/store.js";

export interface Globals {
  records?: string;
  locale?: string;
  as?: string;
  now?: string;
  json?: boolean;
  input?: boolean;
  debug?: boolean;
}

export interface Deps {
  io: IO;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** the real clock; --now / AFTERCARE_NOW override it */
  clock: () => Date;
  random?: (n: number) => Uint8Array;
  /** standard input, read whole (JSON given to a command) */
  stdin?: () => Promise<string>;
  /** who answers questions at the terminal (default: @inquirer/prompts) */
  prompter?: Prompter;
}

export class Context {
  private storeP?: Promise<Store>;
  readonly io: IO;
  readonly random: (n: number) => Uint8Array;
  /** the command as typed, recorded in each commit's Aftercare-Command trailer */
  commandLine = "";

  constructor(
    readonly globals: Globals,
    readonly deps: Deps,
  ) {
    this.io = deps.io;
    this.random = deps.random ?? randomBytes;
  }

  /** The language of what is shown: --locale, else AFTERCARE_LOCALE, else the store's. */
  async locale(): Promise<string> {
    const l = this.globals.locale ?? this.deps.env.AFTERCARE_LOCALE;
    if (l === "zh-CN" || l === "en") return l;
    return (await this.store()).settings.locale;
  }

  async say(): Promise<Translator> {
    return translator(await this.locale());
  }

  /** A person can be asked: a terminal, and neither --no-input nor --json. */
  get canPrompt(): boolean {
    return this.globals.input !== false && !this.json && (this.io.interactive || Boolean(this.deps.prompter));
  }

  get prompter(): Prompter {
    return this.deps.prompter ?? inquirer;
  }

  get json(): boolean {
    return Boolean(this.globals.json);
  }

  /** The store's folder: --records, else AFTERCARE_RECORDS, else the nearest one upward. */
  async storeRoot(): Promise<string> {
    const given = this.globals.records ?? this.deps.env.AFTERCARE_RECORDS;
    if (given) return resolve(this.deps.cwd, given);
    const found = await Store.find(this.deps.cwd);
    if (!found)
      throw new UserError(`no aftercare store here: no aftercare.yaml in ${this.deps.cwd} or any folder above it; run 'aftercare init', or give --records DIR (or set AFTERCARE_RECORDS)`);
    return found;
  }

  store(): Promise<Store> {
    this.storeP ??= this.storeRoot().then((root) => Store.open(root));
    return this.storeP;
  }

  async git(): Promise<Git> {
    return new Git((await this.store()).root, this.deps.env);
  }

  /** "Now": --now, else AFTERCARE_NOW, else the clock. A time without offset is the store's. */
  async now(): Promise<Date> {
    const given = this.globals.now ?? this.deps.env.AFTERCARE_NOW;
    if (!given) return this.deps.clock();
    const tz = await this.store().then((s) => s.settings.timezone, () => "UTC");
    const d = parseDateTime(given, tz, this.deps.clock());
    if (!d) throw new UsageError(`--now "${given}" is not a date-time: use ${DATETIME_HELP}`);
    return d;
  }

  /** Who is acting: --as, else AFTERCARE_USER, else git's user.name; must be on the staff list. */
  async actor(): Promise<Staff> {
    const store = await this.store();
    let name = this.globals.as ?? this.deps.env.AFTERCARE_USER;
    let source = name === this.globals.as ? "--as" : "AFTERCARE_USER";
    if (!name) {
      name = await (await this.git()).configValue("user.name");
      source = "git's user.name";
    }
    if (!name)
      throw new UserError("who is doing this? Give --as NAME or set AFTERCARE_USER to a name on the staff list (cron jobs too); nothing was written");
    const staff = store.settings.staff.find((s) => s.name === name.trim());
    if (staff) return staff;
    const known = store.settings.staff.map((s) => s.name);
    throw new UserError(
      `"${name}" (from ${source}) is not on the staff list${known.length ? ` (${known.join(", ")})` : ""}; ` +
        `add them with 'aftercare staff add "${name}" --role clerk' or act as someone who is; nothing was written`,
    );
  }

  /** The staff member a flag names, or a clear error listing who exists. */
  async staffNamed(name: string, flag: string): Promise<Staff> {
    const store = await this.store();
    const s = store.settings.staff.find((x) => x.name === name.trim());
    if (s) return s;
    const known = store.settings.staff.map((x) => x.name);
    throw new UserError(`${flag} "${name}" is not on the staff list${known.length ? ` (${known.join(", ")})` : ""}; add them with 'aftercare staff add'; nothing was written`);
  }

  /**
   * Commit the files a command wrote, authored by the acting person. A store outside git, or a
   * commit git refuses, still keeps the record: the user is told once what was not committed.
   */
  async commit(paths: string[], subject: string, author: Staff): Promise<CommitResult> {
    const git = await this.git();
    const email = author.email ?? (await git.configValue("user.email")) ?? "";
    const body = this.commandLine ? `\n\nAftercare-Command: ${this.commandLine}` : "";
    const line = subject.replace(/\s*\n\s*/g, " ").replace(/[\u0000-\u001f\u007f]/g, "");
    const r = await git.commit(paths, line + body, { name: author.name, email });
    if (!r.committed) {
      const how = r.hook || r.lock ? `; commit it with: git -C ${JSON.stringify(git.cwd)} commit -m ${JSON.stringify(line)} -- ${paths.join(" ")}` : "";
      this.io.err(`note: saved but not committed (${r.reason}); the change is in the files, not in git history${how}\n`);
    }
    return r;
  }

  /**
   * Every write runs here: refused up front when the store's repository is mid-rebase or on a
   * detached HEAD (a commit then would land in the wrong place), then under the store's lock.
   */
  async writing<T>(fn: () => Promise<T>): Promise<T> {
    const store = await this.store();
    const st = await (await this.git()).state();
    if (st.operation)
      throw new UserError(
        `a git ${st.operation} is in progress in the store (${st.operation === "rebase" ? "from aftercare sync?" : "unfinished"}): finish it (git ${st.operation} --continue) or abort it (git ${st.operation} --abort) first; nothing was written`,
      );
    if (st.detached) throw new UserError("the store's git HEAD is detached (not on a branch): switch back with 'git switch main' (or your branch) first; nothing was written");
    return store.withLock(fn);
  }
}
