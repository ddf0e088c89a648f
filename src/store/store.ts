// The one way records are read and written. Files become typed records here and back; no rules.
import { randomBytes } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { UserError } from "../errors.js";
import { idDate, isId, isIdPrefix, KINDS, LETTER_OF, newId, normalizeIdInput, type RecordKind } from "../domain/ids.js";
import type { RecordOf, Settings } from "../domain/schema.js";
import { dayOf } from "../domain/time.js";
import { RecordCache, readSettingsCache, statStamp, writeSettingsCache, type CacheEntry } from "./cache.js";
import { createExclusive, exists, withLock, writeAtomic, type LockOptions } from "./fsutil.js";
import type { Parsing } from "./read-record.js";
import type { Parsed } from "./yaml.js";

export const SETTINGS_FILE = "aftercare.yaml";
export const FOLDERS: Record<RecordKind, string> = {
  customer: "customers",
  ticket: "tickets",
  contact: "contacts",
  event: "events",
  waiver: "waivers",
};
/** Kinds whose files are filed by the year and month in their ID: tickets/2026/11/T-261126-Q2MX.yaml */
const BY_MONTH = new Set<RecordKind>(["ticket", "contact", "waiver"]);

export interface FileProblem {
  path: string;
  line: number;
  col: number;
  message: string;
}

export interface Loaded<K extends RecordKind = RecordKind> {
  kind: K;
  id: string;
  path: string; // relative to the store root, with "/"
  value: RecordOf[K];
  src: string;
  parsed: Parsed;
}

/** Where the record with this ID lives, relative to the store root. The ID must be valid. */
export function pathOf(id: string): string {
  const kind = KINDS[id[0] as keyof typeof KINDS];
  if (!isId(id) || !kind) throw new Error(`pathOf: not an ID: ${id}`);
  if (!BY_MONTH.has(kind)) return `${FOLDERS[kind]}/${id}.yaml`;
  const [y, m] = idDate(id).split("-");
  return `${FOLDERS[kind]}/${y}/${m}/${id}.yaml`;
}

/**
 * YAML and the schemas (read-record.ts): loaded by the first file parsed or written, never by a
 * read the derived index answers. read-record.ts hands them over as it loads, whoever loads it.
 */
let parsing: Parsing | undefined;

/** Called by read-record.ts as it loads. */
export function useParsing(p: Parsing): void {
  parsing = p;
}

async function loadParsing(): Promise<Parsing> {
  if (!parsing) await import("./read-record.js");
  return parsing!;
}

/** For the synchronous paths, reached only after a load (a record from `load`, the settings' text). */
function parsingNow(): Parsing {
  if (!parsing) throw new Error("internal: YAML and the schemas were used before read-record.ts was loaded");
  return parsing;
}

/** A file's text, refusing what is not UTF-8 (the problem names the byte). */
function readText(abs: string, shown: string): string {
  const text = parsingNow().decodeUtf8(readFileSync(abs));
  if (text.problem)
    throw new UserError(
      `${shown}:${text.problem.line}:${text.problem.col}: ${text.problem.message}; nothing was written`,
    );
  return text.text;
}

function describeProblems(path: string, ps: { line: number; col: number; message: string }[]): string {
  return ps.map((p) => `${path}:${p.line}:${p.col}: ${p.message}`).join("\n");
}

export class Store {
  private cache = new Map<RecordKind, { records: Loaded[]; problems: FileProblem[] }>();
  private readonly parseCache: RecordCache;

  private constructor(
    readonly root: string,
    public settings: Settings,
    private settingsFileRead: { src: string; parsed: Parsed } | undefined,
  ) {
    this.parseCache = new RecordCache(root);
  }

  /** The nearest folder at or above `start` holding aftercare.yaml. */
  static async find(start: string): Promise<string | undefined> {
    let dir = start;
    for (;;) {
      if (await exists(join(dir, SETTINGS_FILE))) return dir;
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }

  /** aftercare.yaml as written, read when something needs its text (an update, a finding's line). */
  private get settingsFile(): { src: string; parsed: Parsed } {
    if (!this.settingsFileRead) {
      const src = readText(join(this.root, SETTINGS_FILE), SETTINGS_FILE);
      const { parsed, problems } = parsingNow().parseYaml(src);
      if (!parsed) throw new UserError(describeProblems(join(this.root, SETTINGS_FILE), problems));
      this.settingsFileRead = { src, parsed };
    }
    return this.settingsFileRead;
  }

  private set settingsFile(f: { src: string; parsed: Parsed }) {
    this.settingsFileRead = f;
  }

  static async open(root: string): Promise<Store> {
    const file = join(root, SETTINGS_FILE);
    // the settings as last validated, while the file is the one they were read from (its size,
    // times and inode): a read command then neither parses nor validates them again
    const stamp = statStamp(file);
    const cached = stamp ? readSettingsCache(root, stamp) : undefined;
    if (cached) return new Store(root, cached as Settings, undefined);
    const { decodeUtf8, parseYaml, settingsSchema, validate } = await loadParsing();
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      throw new UserError(
        `no aftercare store at ${root} (${SETTINGS_FILE} not found); create one with 'aftercare init ${root}' or point --records at an existing store`,
      );
    }
    const decoded = decodeUtf8(bytes);
    if (decoded.problem) throw new UserError(describeProblems(file, [decoded.problem]));
    const src = decoded.text;
    const { parsed, problems } = parseYaml(src);
    if (!parsed) throw new UserError(describeProblems(file, problems));
    const v = validate(settingsSchema, parsed, "settings");
    if (!v.value) throw new UserError(describeProblems(file, v.problems));
    if (stamp && stamp === statStamp(file)) writeSettingsCache(root, stamp, v.value);
    return new Store(root, v.value, { src, parsed });
  }

  /** aftercare.yaml as parsed, to place findings about the settings at their line. */
  get settingsParsed(): Parsed {
    return this.settingsFile.parsed;
  }

  abs(rel: string): string {
    return join(this.root, ...rel.split("/"));
  }

  /**
   * Every .yaml file under a kind's folder, relative, sorted; ignores dot-files (our temp files).
   * Only a folder that does not exist holds no records: one that cannot be read is an error, never
   * "no tickets" (and so never "nothing due").
   */
  async files(kind: RecordKind): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return;
        const rel = relative(this.root, dir).split(sep).join("/") || ".";
        const why =
          code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : code === "ENOTDIR"
              ? "it is not a folder"
              : (e as Error).message;
        throw new UserError(
          `cannot read the folder ${rel}/ (${code ?? "error"}: ${why}); its ${kind} records cannot be listed, so nothing is reported as if it were empty: fix the folder's permissions and run again; nothing was written`,
        );
      }
      for (const e of entries) {
        if (e.name.startsWith(".")) continue;
        const full = join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (e.name.endsWith(".yaml") || e.name.endsWith(".yml"))
          out.push(relative(this.root, full).split(sep).join("/"));
      }
    };
    await walk(join(this.root, FOLDERS[kind]));
    return out.sort();
  }

  private async readFile<K extends RecordKind>(
    kind: K,
    path: string,
  ): Promise<{ record?: Loaded<K>; problems: FileProblem[] }> {
    // small files, read one after another: the synchronous call costs a fraction of the async one
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.abs(path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return { problems: [] }; // removed since the folder was listed
      return {
        problems: [
          {
            path,
            line: 1,
            col: 1,
            message: `cannot be read (${code ?? (e as Error).message}${code === "EACCES" || code === "EPERM" ? ": permission denied" : ""}); fix its permissions`,
          },
        ],
      };
    }
    const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
    const r = (await loadParsing()).readRecord(kind, path, bytes);
    if (!r.value) return { problems: r.problems };
    return { record: { kind, id: name, path, value: r.value, src: r.src!, parsed: r.parsed! }, problems: [] };
  }

  /** A record from the cache: its text and YAML document are read only if someone asks for them. */
  private lazy<K extends RecordKind>(kind: K, path: string, value: RecordOf[K]): Loaded<K> {
    const abs = this.abs(path);
    let src: string | undefined;
    let parsed: Parsed | undefined;
    return {
      kind,
      id: path.slice(path.lastIndexOf("/") + 1).replace(/\.ya?ml$/, ""),
      path,
      value,
      get src() {
        return (src ??= readText(abs, path));
      },
      get parsed() {
        return (parsed ??= parsingNow().parseYaml(this.src).parsed!);
      },
    };
  }

  /** Every record of a kind that reads cleanly, and the problems of those that do not. */
  async load<K extends RecordKind>(kind: K): Promise<{ records: Loaded<K>[]; problems: FileProblem[] }> {
    const hit = this.cache.get(kind);
    if (hit) return hit as { records: Loaded<K>[]; problems: FileProblem[] };
    await loadParsing(); // its records' text and YAML are read on demand
    const records: Loaded<K>[] = [];
    const problems: FileProblem[] = [];
    const known = this.parseCache.read(kind);
    const next = new Map<string, CacheEntry>();
    let dirty = false;
    for (const path of await this.files(kind)) {
      const stamp = statStamp(this.abs(path));
      const cached = known.get(path);
      if (stamp && cached && cached.stamp === stamp) {
        records.push(this.lazy(kind, path, cached.value as RecordOf[K]));
        next.set(path, cached);
        continue;
      }
      const r = await this.readFile(kind, path);
      if (r.record) {
        records.push(r.record);
        if (stamp) next.set(path, { stamp, value: r.record.value });
      }
      for (const x of r.problems) problems.push(x);
      dirty = true;
    }
    if (dirty || next.size !== known.size) this.parseCache.write(kind, next);
    const result = { records, problems };
    this.cache.set(kind, result);
    return result;
  }

  /** Whose warnings come next: the reads' warnings are said in the order the reads were asked for. */
  private warnTurn: Promise<void> = Promise.resolve();

  /**
   * The records of a kind for a read command; broken files are named on `warn`, never skipped
   * silently. Kinds loaded at the same time warn in the order they were asked for, not the order
   * they finish (the same order, kind by kind, as the derived index's warnings).
   */
  async all<K extends RecordKind>(kind: K, warn: (msg: string) => void): Promise<Loaded<K>[]> {
    const turn = this.warnTurn;
    let next!: () => void;
    this.warnTurn = new Promise((done) => (next = done));
    try {
      const loaded = await this.load(kind);
      await turn;
      return this.warnOf(kind, loaded, warn);
    } finally {
      next();
    }
  }

  private warnOf<K extends RecordKind>(
    kind: K,
    { records, problems }: { records: Loaded<K>[]; problems: FileProblem[] },
    warn: (msg: string) => void,
  ): Loaded<K>[] {
    const files = [...new Set(problems.map((p) => p.path))];
    if (files.length) warn(unreadWarning(kind, files.length, problems[0]!));
    const placed = records.filter((r) => isId(r.id) && pathOf(r.id) === r.path);
    if (placed.length < records.length) {
      const stray = records.find((r) => !placed.includes(r))!;
      warn(strayWarning(kind, records.length - placed.length, stray.path));
    }
    return placed;
  }

  /** One record by its full ID; a broken file is an error naming its path and line. */
  async get<K extends RecordKind>(kind: K, id: string): Promise<Loaded<K>> {
    const path = pathOf(id);
    if (!(await exists(this.abs(path)))) throw new UserError(`no ${kind} ${id} in this store (looked for ${path})`);
    const r = await this.readFile(kind, path);
    if (!r.record)
      throw new UserError(
        `${describeProblems(path, r.problems)}\n${kind} ${id} cannot be read; fix the file (see 'aftercare check'); nothing was written`,
      );
    return r.record;
  }

  /**
   * The full ID a person meant: a whole ID or any unique prefix of one. Checked against the ID
   * pattern before any path is built from it.
   */
  async resolveId(kind: RecordKind, input: string): Promise<string> {
    const want = normalizeIdInput(input);
    const letter = LETTER_OF[kind];
    if (!isIdPrefix(want) || want[0] !== letter)
      throw new UserError(
        `"${input}" is not a ${kind} ID: ${kind} IDs look like ${letter}-261126-7K3F (any unique start of one will do)`,
      );
    if (isId(want)) {
      if (await exists(this.abs(pathOf(want)))) return want;
      throw new UserError(`no ${kind} ${want} in this store`);
    }
    const ids = (await this.files(kind))
      .map((p) => p.slice(p.lastIndexOf("/") + 1).replace(/\.ya?ml$/, ""))
      .filter((n) => isId(n) && n.startsWith(want));
    const unique = [...new Set(ids)];
    if (unique.length === 1) return unique[0]!;
    if (unique.length === 0) throw new UserError(`no ${kind} ID starts with ${want}`);
    throw new UserError(
      `${want} matches ${unique.length} ${kind}s: ${unique.slice(0, 10).join(", ")}${unique.length > 10 ? ", …" : ""}; type more of the ID`,
    );
  }

  private checked<K extends RecordKind>(kind: K, value: unknown): RecordOf[K] {
    const { SCHEMAS, capMessage, issueMessage } = parsingNow();
    const r = SCHEMAS[kind].safeParse(value);
    if (!r.success) {
      const iss = r.error.issues[0]!;
      const m = issueMessage(iss, value, kind);
      throw new UserError(`the ${kind} would not be valid: ${capMessage(m.message)}; nothing was written`);
    }
    return r.data as RecordOf[K];
  }

  /** Write a new record under a fresh ID; two writers never share a file. Returns the ID. */
  async create<K extends RecordKind>(
    kind: K,
    value: RecordOf[K],
    now: Date,
    random: (n: number) => Uint8Array = randomBytes,
  ): Promise<Loaded<K>> {
    const { parseYaml, stringifyRecord } = await loadParsing();
    const clean = this.checked(kind, value);
    const text = stringifyRecord(clean);
    const day = dayOf(now, this.settings.timezone);
    for (let attempt = 0; attempt < 32; attempt++) {
      const id = newId(kind, day, random);
      const path = pathOf(id);
      if (await createExclusive(this.abs(path), text)) {
        this.cache.delete(kind);
        const { parsed } = parseYaml(text);
        return { kind, id, path, value: clean, src: text, parsed: parsed! };
      }
    }
    throw new UserError(`could not find a free ${kind} ID for ${day} after 32 tries; nothing was written`);
  }

  /** Rewrite a record with new values, keeping the file's comments and untouched lines. */
  async update<K extends RecordKind>(rec: Loaded<K>, next: RecordOf[K]): Promise<Loaded<K>> {
    const { SCHEMAS, parseYaml, updateYamlText } = await loadParsing();
    const clean = this.checked(rec.kind, next);
    const order = Object.keys((SCHEMAS[rec.kind] as unknown as { shape: object }).shape);
    const text = updateYamlText(rec.src, rec.parsed, rec.value, clean, order);
    await writeAtomic(this.abs(rec.path), text);
    this.cache.delete(rec.kind);
    const { parsed } = parseYaml(text);
    return { ...rec, value: clean, src: text, parsed: parsed! };
  }

  async updateSettings(next: Settings): Promise<void> {
    const { parseYaml, settingsSchema, updateYamlText } = await loadParsing();
    const r = settingsSchema.safeParse(next);
    if (!r.success)
      throw new UserError(`the settings would not be valid: ${r.error.issues[0]!.message}; nothing was written`);
    const order = Object.keys(settingsSchema.shape);
    const text = updateYamlText(this.settingsFile.src, this.settingsFile.parsed, this.settings, r.data, order);
    await writeAtomic(join(this.root, SETTINGS_FILE), text);
    this.settings = r.data;
    this.settingsFile = { src: text, parsed: parseYaml(text).parsed! };
  }

  /**
   * Run `fn` holding the store's write lock, with settings and records re-read from disk. `lock`
   * names this writer to others who wait (and how long to wait); nothing slow belongs in `fn`.
   */
  withLock<T>(fn: () => Promise<T>, lock: LockOptions = {}): Promise<T> {
    return withLock(
      this.root,
      async () => {
        const fresh = await Store.open(this.root);
        this.settings = fresh.settings;
        this.settingsFileRead = fresh.settingsFileRead;
        this.cache.clear();
        return fn();
      },
      { timeZone: this.settings.timezone, ...lock },
    );
  }
}

/** The warning of a read that leaves out `n` files of a kind that could not be read (the first one's problem named). */
export function unreadWarning(kind: RecordKind, n: number, first: FileProblem): string {
  return `warning: ${n} ${kind} file${n > 1 ? "s" : ""} could not be read and ${n > 1 ? "are" : "is"} left out (first: ${first.path}:${first.line}:${first.col}: ${first.message}); run 'aftercare check'\n`;
}

/** The warning of a read that leaves out `n` files of a kind that sit where their names do not put them. */
export function strayWarning(kind: RecordKind, n: number, first: string): string {
  return `warning: ${n} ${kind} file${n > 1 ? "s are" : " is"} not where its name puts it and left out (first: ${first}); run 'aftercare check'\n`;
}
