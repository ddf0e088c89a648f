// What git recorded lately, read from its index file (.git/index): for the derived index's
// freshness check (git-signal.ts, docs/performance.md "Freshness").
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { locateRepo } from "./git.js";

// What git recorded lately. git compares a file's times in whole seconds (it is built without
// nanosecond times): a file it recorded (git add, status, checkout, commit, aftercare's own
// writes) can change again within that same second, keeping its size and putting its mtime back,
// and git will not see it. The entries of git's index whose change time falls in or after a given
// second are the files that may hide such a change: they are read from the index file itself
// (versions 2–4, and a split index's shared part), and compared by their own stamps.

/** The stamp of git's index files (the work tree's index and the shared index it names), to tell that git wrote them. */
export function gitIndexStamp(root: string, env: NodeJS.ProcessEnv): string | undefined {
  const loc = locateRepo(root, env);
  if (typeof loc !== "object") return undefined;
  const parts: string[] = [];
  for (const f of indexFiles(loc.gitDir)) {
    try {
      const st = statSync(f);
      parts.push(`${f}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`);
    } catch {
      parts.push(`${f}:-`);
    }
  }
  return parts.join("|");
}

function indexFiles(gitDir: string): string[] {
  const out = [join(gitDir, "index")];
  try {
    for (const f of readdirSync(gitDir)) if (f.startsWith("sharedindex.")) out.push(join(gitDir, f));
  } catch {
    // the index alone
  }
  return out.sort();
}

interface IndexEntry {
  /** the path from the top of the work tree; "" for a split index's entry that replaces a shared one */
  path: string;
  /** whole seconds of its recorded change and modification times */
  ctime: number;
  mtime: number;
}

/** git's varint (offset encoding, as in index version 4). */
function readVarint(buf: Buffer, at: number): { value: number; next: number } {
  let c = buf[at++]!;
  let value = c & 127;
  while (c & 128) {
    c = buf[at++]!;
    value = ((value + 1) << 7) | (c & 127);
  }
  return { value, next: at };
}

/**
 * The entries of one index file whose recorded times are at or after `since` (whole seconds), with
 * the positions of those entries (or only the entries at the positions `only`), and its `link`
 * extension (a split index) if any. Undefined when the file is not an index this code knows.
 */
function scanIndex(
  buf: Buffer,
  hashLen: number,
  since: number,
  only?: ReadonlySet<number>,
):
  | { hits: { entry: IndexEntry; pos: number }[]; count: number; link?: { shared: string; replace: number[] } }
  | undefined {
  if (buf.length < 12 || buf.toString("latin1", 0, 4) !== "DIRC") return undefined;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = buf.readUInt32BE(8);
  const hits: { entry: IndexEntry; pos: number }[] = [];
  let at = 12;
  let prev: Buffer = Buffer.alloc(0);
  const end = buf.length - hashLen;
  for (let i = 0; i < count; i++) {
    if (at + 40 + hashLen + 2 > end) return undefined;
    const ctime = buf.readUInt32BE(at);
    const mtime = buf.readUInt32BE(at + 8);
    const flags = buf.readUInt16BE(at + 40 + hashLen);
    let name = at + 40 + hashLen + 2;
    if (flags & 0x4000) {
      if (version < 3) return undefined;
      name += 2;
    }
    let path: Buffer;
    let next: number;
    if (version === 4) {
      const v = readVarint(buf, name);
      const nul = buf.indexOf(0, v.next);
      if (nul < 0 || v.value > prev.length) return undefined;
      path = Buffer.concat([prev.subarray(0, prev.length - v.value), buf.subarray(v.next, nul)]);
      prev = path;
      next = nul + 1;
    } else {
      const nul = buf.indexOf(0, name);
      if (nul < 0) return undefined;
      path = buf.subarray(name, nul);
      next = at + ((name - at + (nul - name) + 8) & ~7);
    }
    if (only ? only.has(i) : ctime >= since || mtime >= since)
      hits.push({ entry: { path: path.toString("utf8"), ctime, mtime }, pos: i });
    at = next;
  }
  const link = linkOf(buf, at, end, hashLen);
  if (link === null) return undefined;
  return { hits, count, link };
}

/**
 * The index's extensions from `at`: a split index names its shared part and which of its entries
 * this one replaces (`link`). Undefined when there is no such link; null when it cannot be read.
 */
function linkOf(
  buf: Buffer,
  at: number,
  end: number,
  hashLen: number,
): { shared: string; replace: number[] } | null | undefined {
  let link: { shared: string; replace: number[] } | undefined;
  while (at + 8 <= end) {
    const sig = buf.toString("latin1", at, at + 4);
    const size = buf.readUInt32BE(at + 4);
    if (sig === "link") {
      const data = buf.subarray(at + 8, at + 8 + size);
      const shared = data.subarray(0, hashLen).toString("hex");
      const del = ewahSize(data, hashLen);
      if (del === undefined) return null;
      const replace = ewahBits(data, hashLen + del);
      if (!replace) return null;
      link = { shared, replace };
    }
    at += 8 + size;
  }
  return link;
}

/** The bytes an EWAH bitmap takes (git's ewah_io: bits, words, the words, the last run word's position). */
function ewahSize(data: Buffer, at: number): number | undefined {
  if (at + 8 > data.length) return undefined;
  return 8 + data.readUInt32BE(at + 4) * 8 + 4;
}

/** The positions of the set bits of an EWAH bitmap, in order. */
function ewahBits(data: Buffer, at: number): number[] | undefined {
  if (at + 8 > data.length) return undefined;
  const words = data.readUInt32BE(at + 4);
  if (at + 8 + words * 8 > data.length) return undefined;
  const out: number[] = [];
  let bit = 0;
  let w = 0;
  const word = (k: number) => ({ hi: data.readUInt32BE(at + 8 + k * 8), lo: data.readUInt32BE(at + 12 + k * 8) });
  while (w < words) {
    const { hi, lo } = word(w++);
    // a run word: bit 0 the running bit, bits 1–32 the run's length in words, bits 33–63 the literal words after it
    const running = lo & 1;
    const runLength = (lo >>> 1) + (hi & 1) * 2 ** 31;
    const literals = hi >>> 1;
    if (running) for (let i = 0; i < runLength * 64; i++) out.push(bit + i);
    bit += runLength * 64;
    for (let k = 0; k < literals && w < words; k++) {
      const l = word(w++);
      for (let i = 0; i < 32; i++) if ((l.lo >>> i) & 1) out.push(bit + i);
      for (let i = 0; i < 32; i++) if ((l.hi >>> i) & 1) out.push(bit + 32 + i);
      bit += 64;
    }
  }
  return out;
}

/**
 * The files (relative to the store) git's index recorded with a change or modification time at or
 * after `since` (seconds since 1970): those in which git may miss a further change made in the
 * same second. Undefined when the index cannot be read here (the caller compares every stamp).
 */
export function recordedSince(
  root: string,
  env: NodeJS.ProcessEnv,
  head: string,
  since: number,
): Set<string> | undefined {
  const loc = locateRepo(root, env);
  if (typeof loc !== "object") return undefined;
  const hashLen = head.length === 64 ? 32 : 20;
  let main: Buffer;
  try {
    main = readFileSync(join(loc.gitDir, "index"));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? new Set() : undefined;
  }
  const top = scanIndex(main, hashLen, since);
  if (!top) return undefined;
  const paths = new Set<string>();
  const add = (p: string) => {
    if (p.startsWith(loc.prefix)) paths.add(p.slice(loc.prefix.length));
  };
  let replaced = 0;
  for (const { entry, pos } of top.hits) {
    if (entry.path) add(entry.path);
    else replaced = Math.max(replaced, pos + 1);
  }
  if (top.link) {
    // the shared part: its recent entries, and the paths of the entries this index replaces
    let sharedBuf: Buffer;
    try {
      sharedBuf = readFileSync(join(loc.gitDir, `sharedindex.${top.link.shared}`));
    } catch {
      return undefined;
    }
    const wanted = new Set<number>();
    for (const { entry, pos } of top.hits) if (!entry.path) wanted.add(top.link.replace[pos] ?? -1);
    if (wanted.has(-1)) return undefined;
    const shared = scanIndex(sharedBuf, hashLen, since);
    if (!shared) return undefined;
    for (const { entry } of shared.hits) add(entry.path);
    if (wanted.size) {
      const named = scanIndex(sharedBuf, hashLen, 0, wanted);
      if (!named) return undefined;
      for (const { entry } of named.hits) add(entry.path);
    }
  } else if (replaced) return undefined;
  return paths;
}
