// Reading records: a kind's files walked, each parsed and validated (or taken from the parse cache
// while unchanged), broken files named, never skipped silently. The derived index
// (record-index.ts) answers most reads before they come here.
import { promises as fs, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { refusal } from "../errors.js";
import { t, wordedText } from "../i18n.js";
import { isId, isIdPrefix, LETTER_OF, normalizeIdInput, type RecordKind } from "../domain/ids.js";
import type { RecordOf } from "../domain/schema.js";
import { RecordCache, statStamp, type CacheEntry } from "./cache.js";
import { exists } from "./fsutil.js";
import { FOLDERS, idOfPath, pathOf, type FileProblem, type Loaded } from "./layout.js";
import { problemLines, loadParsing, parsingNow, readText } from "./parsing.js";
import { unreadableFile, unreadableFolder } from "./unreadable.js";
import type { Parsed } from "./yaml.js";

type KindRead<K extends RecordKind> = { records: Loaded<K>[]; problems: FileProblem[] };

export class RecordReader {
  private cache = new Map<RecordKind, KindRead<RecordKind>>();
  private readonly parseCache: RecordCache;
  /** Whose warnings come next: the reads' warnings are said in the order the reads were asked for. */
  private warnTurn: Promise<void> = Promise.resolve();

  constructor(readonly root: string) {
    this.parseCache = new RecordCache(root);
  }

  abs(rel: string): string {
    return join(this.root, ...rel.split("/"));
  }

  /** A file of the store that is not a record (a saved report), as text; undefined when there is none. */
  async text(rel: string): Promise<string | undefined> {
    return fs.readFile(this.abs(rel), "utf8").catch(() => undefined);
  }

  /** Forget what was read of a kind (it was written), or of every kind. */
  forget(kind?: RecordKind): void {
    if (kind) this.cache.delete(kind);
    else this.cache.clear();
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
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
        throw unreadableFolder(kind, relative(this.root, dir).split(sep).join("/") || ".", e);
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

  private async readFile<K extends RecordKind>(kind: K, path: string): Promise<{ record?: Loaded<K> } & KindProblems> {
    // small files, read one after another: the synchronous call costs a fraction of the async one
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.abs(path));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return { problems: [] }; // removed since the folder was listed
      return { problems: [{ path, line: 1, col: 1, ...unreadableFile(e) }] };
    }
    const r = (await loadParsing()).readRecord(kind, path, bytes);
    if (!r.value) return { problems: r.problems };
    return { record: { kind, id: idOfPath(path), path, value: r.value, src: r.src!, parsed: r.parsed! }, problems: [] };
  }

  /** A record from the cache: its text and YAML document are read only if someone asks for them. */
  private lazy<K extends RecordKind>(kind: K, path: string, value: RecordOf[K]): Loaded<K> {
    const abs = this.abs(path);
    let src: string | undefined;
    let parsed: Parsed | undefined;
    return {
      kind,
      id: idOfPath(path),
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
  async load<K extends RecordKind>(kind: K): Promise<KindRead<K>> {
    const hit = this.cache.get(kind);
    if (hit) return hit as KindRead<K>;
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

  /**
   * The records of a kind for a read command; broken files are named on `warn`, never skipped
   * silently. Kinds loaded at the same time warn in the order they were asked for, not the order
   * they finish (the same order, kind by kind, as the derived index's warnings).
   */
  async all<K extends RecordKind>(kind: K, warn: (msg: string) => void, locale = "en"): Promise<Loaded<K>[]> {
    const turn = this.warnTurn;
    let next!: () => void;
    this.warnTurn = new Promise((done) => (next = done));
    try {
      const loaded = await this.load(kind);
      await turn;
      return warnOf(kind, loaded, warn, locale);
    } finally {
      next();
    }
  }

  /** One record by its full ID; a broken file is an error naming its path and line. */
  async get<K extends RecordKind>(kind: K, id: string): Promise<Loaded<K>> {
    const path = pathOf(id);
    if (!(await exists(this.abs(path)))) throw refusal("pr.recordMissing", { kind: { key: `rk.${kind}` }, id, path });
    const r = await this.readFile(kind, path);
    if (!r.record)
      throw refusal("pr.recordUnread", { problems: problemLines(path, r.problems), kind: { key: `rk.${kind}` }, id });
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
      throw refusal("id.notOne", { input, kind: { key: `rk.${kind}` }, example: `${letter}-261126-7K3F` });
    if (isId(want)) {
      if (await exists(this.abs(pathOf(want)))) return want;
      throw refusal("id.none", { kind: { key: `rk.${kind}` }, id: want });
    }
    const ids = (await this.files(kind)).map(idOfPath).filter((n) => isId(n) && n.startsWith(want));
    const unique = [...new Set(ids)];
    if (unique.length === 1) return unique[0]!;
    if (unique.length === 0) throw refusal("id.noPrefix", { kind: { key: `rk.${kind}` }, prefix: want });
    const some = unique.slice(0, 10).join(", ") + (unique.length > 10 ? ", …" : "");
    throw refusal("id.many", { prefix: want, n: unique.length, kinds: { key: `rks.${kind}` }, ids: some });
  }
}

type KindProblems = { problems: FileProblem[] };

/** The records filed where their names put them; the rest, and the files that could not be read, named on `warn`. */
function warnOf<K extends RecordKind>(
  kind: K,
  { records, problems }: KindRead<K>,
  warn: (msg: string) => void,
  locale: string,
) {
  const files = [...new Set(problems.map((p) => p.path))];
  if (files.length) warn(unreadWarning(kind, files.length, problems[0]!, locale));
  const placed = records.filter((r) => isId(r.id) && pathOf(r.id) === r.path);
  if (placed.length < records.length) {
    const stray = records.find((r) => !placed.includes(r))!;
    warn(strayWarning(kind, records.length - placed.length, stray.path, locale));
  }
  return placed;
}

/** The warning of a read that leaves out `n` files of a kind that could not be read (the first one's problem named), in `locale`. */
export function unreadWarning(kind: RecordKind, n: number, first: FileProblem, locale = "en"): string {
  const problem = first.worded ? wordedText(locale, first.worded) : first.message;
  const at = `${first.path}:${first.line}:${first.col}`;
  return `${t(locale, "pr.unread", { n, kind: t(locale, `rk.${kind}`), at, problem })}\n`;
}

/** The warning of a read that leaves out `n` files of a kind that sit where their names do not put them. */
export function strayWarning(kind: RecordKind, n: number, first: string, locale = "en"): string {
  return `${t(locale, "pr.stray", { n, kind: t(locale, `rk.${kind}`), at: first })}\n`;
}
