// The memo of the last check (.aftercare/check.json, cache.ts CheckMemo) read a piece at a time:
// each file's path, stamp and facts handed over as they come, never three lists of strings of the
// whole store at once (at 820k records the memo is 96 MB of text).
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { CHECK_FORMAT } from "../store/cache.js";

export interface MemoSink {
  /** the j-th file's path, in the memo's order (the listing's) */
  path(j: number, path: string): void;
  stamp(j: number, stamp: string): void;
  facts(j: number, facts: string): void;
}

const BLOCK = 1 << 20;

/**
 * Reads the memo as CheckMemo.write writes it — {"format":N,"basis":"…","paths":[…],"stamps":[…],
 * "facts":[…]} — handing each string to `sink`. Returns how many files it holds, or undefined when
 * it is missing, of another format or basis, or not as written (the sink may then have been told
 * part of it: the caller forgets that).
 */
export function readMemo(root: string, basis: string, sink: MemoSink): number | undefined {
  let fd: number;
  try {
    fd = openSync(join(root, ".aftercare", "check.json"), "r");
  } catch {
    return undefined;
  }
  const t = tokens(fd);
  const list = (key: string, each: (j: number, s: string) => void): number => {
    t.expect(`,"${key}":[`);
    if (t.next() === "]") return (t.skip(), 0);
    for (let j = 0; ;) {
      each(j++, t.str());
      if (t.next() === "]") return (t.skip(), j);
      t.expect(",");
    }
  };
  try {
    t.expect(`{"format":${CHECK_FORMAT},"basis":`);
    if (t.str() !== basis) return undefined;
    const n = list("paths", (j, s) => sink.path(j, s));
    if (list("stamps", (j, s) => sink.stamp(j, s)) !== n) return undefined;
    if (list("facts", (j, s) => sink.facts(j, s)) !== n) return undefined;
    t.expect("}");
    return n;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The memo's text a block at a time (it is ASCII: CheckMemo.write escapes the rest); a throw when it is not as expected. */
function tokens(fd: number) {
  const buf = Buffer.allocUnsafe(BLOCK);
  let text = "";
  let at = 0;
  let eof = false;
  /** at least `n` characters from `at` unless the file ends; the text moves so that `at` is 0 */
  const want = (n: number) => {
    while (!eof && text.length - at < n) {
      const got = readSync(fd, buf, 0, BLOCK, null);
      if (got === 0) eof = true;
      text = text.slice(at) + buf.toString("latin1", 0, got);
      at = 0;
    }
    return text.length - at >= n;
  };
  const fail = () => {
    throw new Error("not the memo as written");
  };
  return {
    expect(s: string) {
      if (!want(s.length) || text.slice(at, at + s.length) !== s) fail();
      at += s.length;
    },
    next: () => (want(1) ? text[at] : fail()),
    skip: () => void at++,
    /** a JSON string at `at` (escapes and all), parsed */
    str(): string {
      if (!want(1) || text.charCodeAt(at) !== 0x22) fail();
      for (let end = at + 1; ;) {
        if (end >= text.length) {
          const scanned = end - at;
          if (!want(scanned + 1)) fail();
          end = at + scanned;
          continue;
        }
        const c = text.charCodeAt(end);
        if (c === 0x5c) end += 2;
        else if (c === 0x22) {
          const s = JSON.parse(text.slice(at, end + 1)) as string;
          at = end + 1;
          return s;
        } else end++;
      }
    },
  };
}
