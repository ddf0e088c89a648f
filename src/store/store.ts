// The one way records are read and written. Files become typed records here and back; no rules.
// A facade over the store's parts: layout.ts (where records live), open.ts (finding a store and
// its settings), reader.ts (reading, with the parse cache), writer.ts (the one place that writes
// record files), and the write lock (fsutil.ts).
import type { RecordKind } from "../domain/ids.js";
import type { RecordOf, Settings } from "../domain/schema.js";
import { dayOf } from "../domain/time.js";
import { withLock, type LockOptions } from "./fsutil.js";
import type { FileProblem, Loaded } from "./layout.js";
import { findStore, openSettings, readSettingsFile, type SettingsFile } from "./open.js";
import { RecordReader } from "./reader.js";
import { rewrite, rewriteSettings, writeNew, writeWhole } from "./writer.js";
import type { Parsed } from "./yaml.js";

export * from "./layout.js";
export { strayWarning, unreadWarning } from "./reader.js";

export class Store {
  private readonly reader: RecordReader;
  /** the language the store's warnings are shown in: the store's, or the run's (Context.store) */
  locale: string;

  private constructor(
    readonly root: string,
    public settings: Settings,
    private settingsFileRead: SettingsFile | undefined,
  ) {
    this.reader = new RecordReader(root);
    this.locale = settings.locale;
  }

  /** The nearest folder at or above `start` holding aftercare.yaml. */
  static find(start: string): Promise<string | undefined> {
    return findStore(start);
  }

  static async open(root: string): Promise<Store> {
    const { settings, file } = await openSettings(root);
    return new Store(root, settings, file);
  }

  /**
   * aftercare.yaml as written, read when something needs its text (an update, a finding's line).
   * Asynchronous because it loads YAML itself (readSettingsFile): the settings may have come from
   * the cache, with no parser loaded, so no caller can reach the parser before it is there.
   */
  private async settingsFile(): Promise<SettingsFile> {
    return (this.settingsFileRead ??= await readSettingsFile(this.root));
  }

  /** aftercare.yaml as parsed, to place findings about the settings at their line. */
  async settingsParsed(): Promise<Parsed> {
    return (await this.settingsFile()).parsed;
  }

  abs(rel: string): string {
    return this.reader.abs(rel);
  }

  /** Every .yaml file under a kind's folder, relative, sorted (RecordReader.files). */
  files(kind: RecordKind): Promise<string[]> {
    return this.reader.files(kind);
  }

  /** Every record of a kind that reads cleanly, and the problems of those that do not. */
  load<K extends RecordKind>(kind: K): Promise<{ records: Loaded<K>[]; problems: FileProblem[] }> {
    return this.reader.load(kind);
  }

  /** The records of a kind for a read command; broken files are named on `warn` (RecordReader.all). */
  all<K extends RecordKind>(kind: K, warn: (msg: string) => void): Promise<Loaded<K>[]> {
    return this.reader.all(kind, warn, this.locale);
  }

  /** One record by its full ID; a broken file is an error naming its path and line. */
  get<K extends RecordKind>(kind: K, id: string): Promise<Loaded<K>> {
    return this.reader.get(kind, id);
  }

  /** The full ID a person meant: a whole ID or any unique prefix of one. */
  resolveId(kind: RecordKind, input: string): Promise<string> {
    return this.reader.resolveId(kind, input);
  }

  /** Write a new record under a fresh ID; two writers never share a file. */
  async create<K extends RecordKind>(
    kind: K,
    value: RecordOf[K],
    now: Date,
    random?: (n: number) => Uint8Array,
  ): Promise<Loaded<K>> {
    const rec = await writeNew(this.root, kind, value, dayOf(now, this.settings.timezone), random);
    this.reader.forget(kind);
    return rec;
  }

  /** Rewrite a record with new values, keeping the file's comments and untouched lines. */
  async update<K extends RecordKind>(rec: Loaded<K>, next: RecordOf[K]): Promise<Loaded<K>> {
    const written = await rewrite(this.root, rec, next);
    this.reader.forget(rec.kind);
    return written;
  }

  async updateSettings(next: Settings): Promise<void> {
    // the settings' text is parsed to be rewritten in place: settingsFile() and rewriteSettings load YAML and the schemas
    const r = await rewriteSettings(this.root, await this.settingsFile(), this.settings, next);
    this.settings = r.settings;
    this.settingsFileRead = r.file;
  }

  /** A record's file replaced by text its caller checked (an edit in $EDITOR). */
  async replaceText(kind: RecordKind, path: string, text: string): Promise<void> {
    await writeWhole(this.root, path, text);
    this.reader.forget(kind);
  }

  /** A file of the store that is not a record (a saved report), as text; undefined when there is none. */
  readFile(path: string): Promise<string | undefined> {
    return this.reader.text(path);
  }

  /** A file of the store that is not a record written whole (a saved report under reports/). */
  writeFile(path: string, text: string): Promise<void> {
    return writeWhole(this.root, path, text);
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
        this.reader.forget();
        return fn();
      },
      { timeZone: this.settings.timezone, ...lock },
    );
  }
}
