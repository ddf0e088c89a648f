// What every command gets: io, the clock, the store, git, and who is acting. Built once per run.
import { randomBytes } from "node:crypto";
import { constants, promises as fs } from "node:fs";
import { join, resolve } from "node:path";
import { EXIT, fail, fromOsError, osErrorCode, refusal, UsageError, UserError, type Written } from "./errors.js";
import type { IO } from "./io.js";
import { inquirer, type Prompter } from "./prompt.js";
import { t, translator, wordedText, type Translator } from "./i18n.js";
import { closestName } from "./domain/closest-name.js";
import type { Staff } from "./domain/schema.js";
import { ignoreTempFiles } from "./store/fsutil.js";
import { Git, type CommitResult } from "./store/git.js";
import { Store } from "./store/store.js";
import { RecordIndex, type GitAhead } from "./store/record-index.js";
import { refuseWrite } from "./store/git/refusal.js";
import { notCommittedNote } from "./store/git/reason-words.js";
import { openForWrite, WriteIndex } from "./store/index/write-index.js";
import { writtenSince } from "./store/written-since.js";
import { indexProgress } from "./index-progress.js";
import { commandName, readsIndex } from "./command-line.js";

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
  /** git asked ahead of the index's refresh, for a read (INDEX_READS) in a large store */
  private ahead?: GitAhead;
  private gitI?: Git;
  private indexP?: Promise<RecordIndex | undefined>;
  /** the index a write opens under the store's lock (writeIndex) */
  private readonly writeIdx = new WriteIndex(async () =>
    openForWrite(await this.store(), await this.now(), this.deps.env, await indexProgress(this)),
  );
  readonly io: IO;
  readonly random: (n: number) => Uint8Array;
  /** the command as typed, recorded in each commit's Aftercare-Command trailer */
  commandLine = "";
  /** when this run started: files changed since then and not committed are what it left */
  readonly started = Date.now();
  /** a write began (the store's lock was taken): a failure from here on may have left files */
  writeStarted = false;
  /** files saved but not committed (git refused, was busy or missing): the run exits 3 */
  readonly uncommitted: string[] = [];

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
    // a clone that checked out nothing (the server's HEAD names a missing branch): say so, with the fix
    const hint = found
      ? undefined
      : await (await import("./commands/init.js")).emptyCloneHint(this.deps.cwd, this.deps.env).catch(() => undefined);
    if (hint) throw new UserError(hint);
    if (!found) throw refusal("rf.noStoreHere", { cwd: this.deps.cwd });
    return found;
  }

  store(): Promise<Store> {
    this.storeP ??= this.storeRoot().then((root) => {
      // a read that opens the index: git starts comparing the files now, on the other core, while
      // the settings are read, SQLite loads and the index opens (docs/performance.md "Freshness")
      if (!this.writeStarted && readsIndex(this.commandLine)) this.ahead = RecordIndex.gitAhead(root, this.deps.env);
      const shown = this.globals.locale ?? this.deps.env.AFTERCARE_LOCALE;
      const opened = Store.open(root).then((s) => {
        if (shown === "zh-CN" || shown === "en") s.locale = shown;
        return s;
      });
      return opened.catch((e: unknown) => {
        // no read follows: git is stopped, not waited for
        this.ahead?.signal?.stop();
        throw e;
      });
    });
    return this.storeP;
  }

  /**
   * The store's derived index, up to date with the files (store/record-index.ts); undefined
   * when it cannot be used (AFTERCARE_INDEX=off, SQLite unavailable): read the files then.
   */
  index(): Promise<RecordIndex | undefined> {
    // a write reads what it wrote from the files themselves
    if (this.writeStarted) return Promise.resolve(undefined);
    this.indexP ??= (async () =>
      RecordIndex.open(await this.store(), await this.now(), this.deps.env, {
        progress: await indexProgress(this),
        ahead: this.ahead,
      }))();
    return this.indexP;
  }

  /**
   * Under a write's lock, in a large store: the index brought up to date there, once (its refresh
   * has seen every file written before, by another desk or an earlier write), which also tells the
   * write what is uncommitted and takes its commit (store/index/after-write.ts). Undefined in a
   * small store, without an index already built, or with AFTERCARE_INDEX=off. Read it before this
   * write changes files: what the write itself wrote reaches it through its commit.
   */
  writeIndex(): Promise<RecordIndex | undefined> {
    return this.writeStarted ? this.writeIdx.get() : Promise.resolve(undefined);
  }

  /** Let go of what this run opened (the index's database): a process running many commands keeps no stale handle. */
  async close(): Promise<void> {
    const p = this.indexP;
    this.indexP = undefined;
    await this.writeIdx.close();
    if (!p) return;
    try {
      (await p)?.close();
    } catch {
      // an index that failed to open has nothing to close
    }
  }

  /**
   * The index if this run has opened it (or is opening it), else undefined: for a lookup the
   * files answer cheaply too, which should not pay for bringing the index up to date.
   */
  openedIndex(): Promise<RecordIndex | undefined> {
    return this.indexP && !this.writeStarted ? this.indexP : Promise.resolve(undefined);
  }

  /** The store's git, one per run: what the write found before it began reaches its commit. */
  async git(): Promise<Git> {
    const root = (await this.store()).root;
    if (this.gitI?.cwd !== root) {
      this.gitI = new Git(root, this.deps.env);
      this.gitI.locale = await this.locale();
    }
    return this.gitI;
  }

  /** "Now": --now, else AFTERCARE_NOW, else the clock. A time without offset is the store's. */
  async now(): Promise<Date> {
    const given = this.globals.now ?? this.deps.env.AFTERCARE_NOW;
    if (!given) return this.deps.clock();
    const tz = await this.store().then(
      (s) => s.settings.timezone,
      () => "UTC",
    );
    const { readDateTime } = await import("./domain/typed-time.js");
    const r = await readDateTime(given, tz, this.deps.clock());
    if (r.kind === "ok") return r.reading.at;
    const { typedProblem } = await import("./format/typed-dates.js");
    const say = translator(await this.locale().catch(() => "en"));
    throw new UsageError(
      typedProblem(say, r, given, "--now", tz, this.deps.clock(), "datetime")!.replace(/; [^;]*$/, ""),
    );
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
    if (!name) throw new UserError((await this.say()).t("ctx.whoActs"));
    const staff = store.settings.staff.find((s) => s.name === name.trim());
    if (staff) return staff;
    const known = store.settings.staff.map((s) => s.name);
    const say = await this.say();
    const from = say.t(source === "--as" ? "ctx.fromAs" : source === "AFTERCARE_USER" ? "ctx.fromEnv" : "ctx.fromGit");
    throw new UserError(
      say.t(known.length ? "ctx.notStaffKnown" : "ctx.notStaff", { name, from, known: known.join(", ") }),
    );
  }

  /** The staff member a flag names, or a clear error listing who exists. */
  async staffNamed(name: string, flag: string): Promise<Staff> {
    const store = await this.store();
    const s = store.settings.staff.find((x) => x.name === name.trim());
    if (s) return s;
    const known = store.settings.staff.map((x) => x.name);
    const say = await this.say();
    const best = closestName(name.trim(), known);
    if (flag === "NAME") flag = say.t("st.nameArg");
    if (best) throw new UserError(say.t("staff.didYouMean", { flag, name, best }));
    throw new UserError(
      known.length
        ? say.t("staff.unknown", { flag, name, known: known.join(", ") })
        : say.t("staff.unknownEmpty", { flag, name }),
    );
  }

  /**
   * Commit the files a command wrote, authored by the acting person. A store outside git, or a
   * commit git refuses, still keeps the record: the user is told once what was not committed, and
   * the command exits with EXIT.notCommitted (3) so that scripts and cron can tell.
   */
  async commit(paths: string[], subject: string, author: Staff): Promise<CommitResult> {
    const git = await this.git();
    const email = author.email ?? (await git.configValue("user.email")) ?? "";
    // the trailer records how the command was typed; a 10,000-character --summary need not be in it twice
    const typed =
      [...this.commandLine].length > 2000 ? [...this.commandLine].slice(0, 2000).join("") + "…" : this.commandLine;
    const body = typed ? `\n\nAftercare-Command: ${typed}` : "";
    const line = subject.replace(/\s*\n\s*/g, " ").replace(/[\u0000-\u001f\u007f]/g, "");
    let r: CommitResult;
    try {
      r = await git.commit(paths, line + body, { name: author.name, email });
    } catch (e) {
      // git could not even be started (E2BIG, EMFILE…): the files are written all the same
      const os = fromOsError(e, { state: "left", files: paths });
      if (!os) throw e;
      r = { committed: false, reason: os.problem?.what ?? os.message };
    }
    for (const note of r.notes ?? []) this.io.err(`${note}\n`);
    if (r.own) await this.writeIdx.noteCommit(r.own, await this.now(), this.deps.env);
    if (
      !r.committed &&
      r.reason !== undefined &&
      !/index\.lock|not installed|not in a git repository/.test(r.reason) &&
      (await this.nothingToCommit(git, paths))
    )
      return { committed: true };
    if (!r.committed) {
      const locale = await this.locale().catch(() => "en");
      const command = `git -C ${JSON.stringify(git.cwd)} commit -m ${JSON.stringify(line)} -- ${paths.join(" ")}`;
      this.io.err(`${notCommittedNote(locale, r, command)}\n`);
      this.uncommitted.push(...paths);
    }
    return r;
  }

  /** True when git has nothing to commit for `paths` (a write that changed nothing). */
  private async nothingToCommit(git: Git, paths: string[]): Promise<boolean> {
    const st = await git.run(["status", "--porcelain", "--", ...paths]).catch(() => undefined);
    return st !== undefined && st.code === 0 && st.stdout.trim() === "";
  }

  /**
   * What a failed run left in the store: the files git shows as changed or new since the run
   * started (temporary files too). Unknown outside git or when git cannot be asked.
   */
  async leftovers(): Promise<Written> {
    if (!this.writeStarted) return { state: "storeUntouched" };
    return writtenSince(await this.git(), this.started).catch((): Written => ({ state: "unknown" }));
  }

  /**
   * A clone has none of the merge driver and hooks its store names (.gitattributes): put them in
   * (looked at in the repository's config file first: no module loaded, no git process, when it is there).
   */
  private async gitSupportInClone(root: string): Promise<void> {
    const loc = (await this.git()).location();
    const config =
      typeof loc === "object" ? await fs.readFile(join(loc.commonDir, "config"), "utf8").catch(() => "") : "";
    const setup =
      config && !config.includes('[merge "aftercare"]') ? await import("./services/git-support.js") : undefined;
    if (!setup || !(await setup.lacksGitSupport(root, await this.git()))) return;
    const s = await setup.installGitSupport(root, await this.git());
    const locale = await this.locale();
    const notes = s.notes.map((n) => t(locale, "gs.noteSep") + wordedText(locale, n)).join("");
    this.io.err(`${t(locale, "gs.installed", { notes })}\n`);
  }

  /**
   * Every write runs here: refused up front when the store's repository is mid-rebase or on a
   * detached HEAD (a commit then would land in the wrong place), then under the store's lock.
   * `meanwhile` starts work that reads the store as soon as the lock is held (a write's view of
   * one customer's duties), while earlier writes are finished.
   */
  async writing<T>(fn: () => Promise<T>, meanwhile?: () => void): Promise<T> {
    const store = await this.store();
    const st = await (await this.git()).state();
    refuseWrite(st);
    // a read-only or foreign store is refused at once, not after the lock's retries
    await fs.access(store.root, constants.W_OK).catch((e: unknown) => {
      const code = osErrorCode(e);
      if (code === "EROFS" || code === "EACCES" || code === "EPERM")
        throw fail(
          code === "EROFS" ? "readOnly" : "permission",
          { path: store.root, written: { state: "nothing" } },
          e,
        );
      throw fromOsError(e, { state: "nothing" }) ?? e;
    });
    // the lock names this writer to any other that has to wait (who, command, since when)
    const who =
      this.globals.as ??
      this.deps.env.AFTERCARE_USER ??
      (await (await this.git()).configValue("user.name")) ??
      this.deps.env.USER;
    const given = this.deps.env.AFTERCARE_LOCK_TIMEOUT;
    const timeout = Number(given);
    if (given !== undefined && given !== "" && !(Number.isFinite(timeout) && timeout > 0))
      throw refusal("rf.lockTimeout", { value: given }, EXIT.usage);
    return store.withLock(
      async () => {
        this.writeStarted = true;
        // what the write reads under the lock, started as soon as it is held: it runs alongside the rest
        meanwhile?.();
        await ignoreTempFiles(st.gitDir);
        // finish what an earlier write left (saved but not committed), or name it (src/store/git.ts);
        // what is uncommitted, from the index brought up to date here when it asked git (a large store)
        const view = async () => this.writeIdx.uncommitted((await this.git()).headCommit(), this.deps.env);
        for (const note of await (await this.git()).finishEarlierWrites({ view })) this.io.err(`${note}\n`);
        await this.gitSupportInClone(store.root);
        return fn();
      },
      {
        who,
        command: commandName(this.commandLine),
        onWait: (line) => this.io.err(`${line}\n`),
        locale: await this.locale(),
        ...(timeout > 0 ? { timeout: timeout * 1000 } : {}),
        ...(this.globals.debug || this.deps.env.AFTERCARE_DEBUG
          ? { onAcquired: (ms: number) => this.io.err(`debug: waited ${ms} ms for the store lock\n`) }
          : {}),
      },
    );
  }
}
