// What `check` keeps of every record of a store, compactly: each string in one growing buffer
// (StringColumn), each number in a typed array, and the IDs the rules look up in a hash table of
// record places (IdTable), so that 820,000 records cost about 130 bytes each rather than the
// ~470 of a JS object with its strings and Map entries.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { decodeFacts, namedRight, type Facts, type Finding, type RecordList } from "../domain/check.js";
import { RECORD_KINDS, type RecordKind } from "../domain/ids.js";
import { FOLDERS, idOfPath } from "../store/layout.js";
import { unreadableFolder } from "../store/unreadable.js";

/** Bytes of each buffer of a StringColumn: filled one after another, never copied to grow. */
const PAGE = 1 << 20;
/** A string longer than this (in UTF-16 units) is kept as it is; none of a record's paths, stamps or facts is. */
const LONG = 20000;

/**
 * Strings appended one after another, as UTF-8 in buffers of 1 MiB; the k-th appended is got back
 * by its number. Growing allocates a new buffer and copies nothing, so no garbage is left behind.
 */
export class StringColumn {
  private readonly pages: Buffer[] = [];
  private used = PAGE;
  /** by entry: its page and offset in it (page × PAGE + offset), and its length in bytes (0xffff: in `long`) */
  private at: Uint32Array;
  private lengths: Uint16Array;
  private readonly long = new Map<number, string>();
  length = 0;

  constructor(capacity = 1024) {
    this.at = new Uint32Array(capacity);
    this.lengths = new Uint16Array(capacity);
  }

  /** Appends `s`; returns its number. */
  push(s: string): number {
    if (this.length === this.at.length) {
      const at = new Uint32Array(Math.ceil(this.length * 1.5));
      const lengths = new Uint16Array(at.length);
      at.set(this.at);
      lengths.set(this.lengths);
      this.at = at;
      this.lengths = lengths;
    }
    if (s.length > LONG) {
      this.long.set(this.length, s);
      this.lengths[this.length] = 0xffff;
      return this.length++;
    }
    if (!this.pages.length || this.used + s.length * 3 > PAGE) {
      this.pages.push(Buffer.allocUnsafeSlow(PAGE));
      this.used = 0;
    }
    const page = this.pages.length - 1;
    const n = this.pages[page]!.write(s, this.used, "utf8");
    this.at[this.length] = page * PAGE + this.used;
    this.lengths[this.length] = n;
    this.used += n;
    return this.length++;
  }

  get(k: number): string {
    const n = this.lengths[k]!;
    if (n === 0xffff) return this.long.get(k)!;
    const at = this.at[k]!;
    const start = at % PAGE;
    return this.pages[(at - start) / PAGE]!.toString("utf8", start, start + n);
  }
}

/** FNV-1a over a string's UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const KIND_OF = Uint8Array.from(RECORD_KINDS.map((_, i) => i));
const RANK = new Map(RECORD_KINDS.map((k, i) => [k, KIND_OF[i]!]));

/**
 * Every record file listed, in the order listed (kind, then path), and what the check kept of
 * those that read cleanly: their facts, stamps and own findings. Records are the files that read
 * cleanly, in the same order; a RecordList over them (`records()`) is what the rules see.
 */
export class CheckTable {
  readonly paths = new StringColumn();
  private kinds = new Uint8Array(1024);
  /** by file: its facts' number in `facts` (+1), 0 for a file that is no record (a problem, or gone) */
  private factsOf = new Int32Array(0);
  /** by file: its stamp (cache.ts stampOf: size:mtimeMs:ctimeMs:ino), as four numbers */
  private stamps = new Float64Array(0);
  /** by file: 1 when its stamp is kept in `stamps`, 2 when in `oddStamps` (not four numbers as stampOf writes them) */
  private stampHow = new Uint8Array(0);
  private readonly oddStamps = new Map<number, string>();
  private facts = new StringColumn();
  /** by file: 1 when its stamp came from the memo of an earlier check (it was not read) */
  fromMemo = new Uint8Array(0);
  /** by file, for the few that have them */
  readonly findings = new Map<number, Finding[]>();

  /** Lists a file (before any is kept). */
  list(kind: RecordKind, path: string): void {
    const i = this.paths.push(path);
    if (i === this.kinds.length) {
      const kinds = new Uint8Array(Math.ceil(i * 1.5));
      kinds.set(this.kinds);
      this.kinds = kinds;
    }
    this.kinds[i] = RANK.get(kind)!;
  }

  /**
   * Lists every .yaml file under the kind's folder, in the order Store.files gives (sorted by
   * path), a folder at a time: each folder's entries sorted by name, a folder's as "name/", so that
   * walking them in turn gives the paths sorted, without a string of every path at once.
   */
  async listKind(root: string, kind: RecordKind): Promise<void> {
    const walk = async (rel: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(join(root, rel), { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
        throw unreadableFolder(kind, rel, e);
      }
      const keyed: [string, boolean][] = [];
      for (const e of entries) {
        if (e.name.startsWith(".")) continue;
        if (e.isDirectory()) keyed.push([`${e.name}/`, true]);
        else if (e.name.endsWith(".yaml") || e.name.endsWith(".yml")) keyed.push([e.name, false]);
      }
      keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [key, folder] of keyed)
        if (folder) await walk(rel + "/" + key.slice(0, -1));
        else this.list(kind, `${rel}/${key}`);
    };
    await walk(FOLDERS[kind]);
  }

  get files(): number {
    return this.paths.length;
  }

  /** Done listing: room for what is kept of each file. */
  listed(): void {
    this.kinds = this.kinds.slice(0, this.files);
    this.factsOf = new Int32Array(this.files);
    this.stamps = new Float64Array(this.files * 4);
    this.stampHow = new Uint8Array(this.files);
    this.fromMemo = new Uint8Array(this.files);
    this.facts = new StringColumn(this.files);
  }

  kind(i: number): RecordKind {
    return RECORD_KINDS[this.kinds[i]!]!;
  }

  /** Keeps a record: its facts (encodeFacts), the stamp of its file, its own findings. */
  keep(i: number, facts: string, stamp: string | undefined, findings?: Finding[]): void {
    this.keepFacts(i, facts);
    if (stamp !== undefined) this.keepStamp(i, stamp);
    if (findings?.length) this.findings.set(i, findings);
  }

  keepFacts(i: number, facts: string): void {
    this.factsOf[i] = this.facts.push(facts) + 1;
  }

  /** Forgets what was kept of a file (what the memo said of a file that changed since). */
  forget(i: number): void {
    this.factsOf[i] = 0;
    this.stampHow[i] = 0;
  }

  /** Forgets what was kept of every file (a memo found damaged half-way). */
  forgetAll(): void {
    this.factsOf.fill(0);
    this.stampHow.fill(0);
    this.oddStamps.clear();
    this.facts = new StringColumn(this.files);
  }

  isRecord(i: number): boolean {
    return this.factsOf[i] !== 0;
  }

  factsText(i: number): string {
    return this.facts.get(this.factsOf[i]! - 1);
  }

  keepStamp(i: number, stamp: string): void {
    const parts = stamp.split(":");
    if (parts.length === 4) {
      for (let p = 0; p < 4; p++) this.stamps[i * 4 + p] = Number(parts[p]);
      this.stampHow[i] = 1;
      if (this.stamp(i) === stamp) return; // numbers write back as they were read
    }
    this.stampHow[i] = 2;
    this.oddStamps.set(i, stamp);
  }

  stamp(i: number): string | undefined {
    const how = this.stampHow[i];
    if (how === 2) return this.oddStamps.get(i);
    if (!how) return undefined;
    const s = this.stamps;
    return `${s[i * 4]}:${s[i * 4 + 1]}:${s[i * 4 + 2]}:${s[i * 4 + 3]}`;
  }

  /** The records (the files kept), for the rules across records; `fileOf` maps a record's place to its file's. */
  records(): RecordList & { fileOf: Int32Array } {
    let n = 0;
    for (let i = 0; i < this.files; i++) if (this.factsOf[i]) n++;
    const fileOf = new Int32Array(n);
    for (let i = 0, k = 0; i < this.files; i++) if (this.factsOf[i]) fileOf[k++] = i;
    const idAt = (k: number) => idOfPath(this.paths.get(fileOf[k]!));
    const kindAt = (k: number) => this.kind(fileOf[k]!);
    const ids = new IdTable(n, idAt, kindAt);
    return {
      fileOf,
      length: n,
      kindAt,
      idAt,
      pathAt: (k) => this.paths.get(fileOf[k]!),
      factsAt: (k): Facts => decodeFacts(this.factsText(fileOf[k]!)),
      findingsAt: (k) => this.findings.get(fileOf[k]!) ?? [],
      firstNamed: (id) => ids.firstNamed(id),
      lastWithId: (id) => ids.lastWithId(id),
    };
  }
}

/**
 * The records by ID: an open-addressing table of the place of the first record with each ID (its
 * "head"), found by the ID's hash and checked against the head's own ID (so two IDs of one hash
 * never mix); for each head, the first record of its ID named right and the last.
 */
export class IdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Uint32Array;
  private readonly first: Int32Array;
  private readonly last: Int32Array;

  constructor(
    n: number,
    private readonly idAt: (k: number) => string,
    kindAt: (k: number) => RecordKind,
  ) {
    let size = 1024;
    while (size < n * 1.5) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.hashes = new Uint32Array(n);
    this.first = new Int32Array(n).fill(-1);
    this.last = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) {
      const id = idAt(k);
      const h = hashOf(id);
      this.hashes[k] = h;
      let head = this.head(id, h);
      if (head < 0) {
        head = k;
        this.slots[this.free(h)] = k;
      }
      this.last[head] = k;
      if (this.first[head]! < 0 && namedRight(kindAt(k), id)) this.first[head] = k;
    }
  }

  private head(id: string, h: number): number {
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.slots[s]!;
      if (k < 0) return -1;
      if (this.hashes[k] === h && this.idAt(k) === id) return k;
    }
  }

  private free(h: number): number {
    let s = h & this.mask;
    while (this.slots[s]! >= 0) s = (s + 1) & this.mask;
    return s;
  }

  firstNamed(id: string): number {
    const head = this.head(id, hashOf(id));
    return head < 0 ? -1 : this.first[head]!;
  }

  lastWithId(id: string): number {
    const head = this.head(id, hashOf(id));
    return head < 0 ? -1 : this.last[head]!;
  }
}
