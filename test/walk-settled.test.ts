// When the first read after a pull spares a folder the store's watcher vouched for, it keeps the
// folder's new stamp only if the folder changed well before the watcher was asked
// (src/store/index/walk-folders.ts settled): a file made after the ask must give the folder a
// stamp the index has not kept, or a read that falls back to git would never list it.
import { describe, expect, it } from "vitest";
import { settled, SETTLED_MS } from "../src/store/index/walk-folders.js";

const ASKED = Date.UTC(2026, 10, 29, 10, 0, 0, 500);

describe("a spared folder's stamp kept", () => {
  it("with fine times (ext4, XFS, APFS): when the folder last changed 50 ms or more before the ask", () => {
    const at = (ms: number) => ({ mtimeMs: ms, ctimeMs: ms - 0.25 });
    expect(settled(at(ASKED - SETTLED_MS - 0.123), ASKED)).toBe(true);
    expect(settled(at(ASKED - SETTLED_MS + 0.5), ASKED)).toBe(false);
    expect(settled(at(ASKED + 3.7), ASKED)).toBe(false);
    // the later of the two times counts
    expect(settled({ mtimeMs: ASKED - 5000.5, ctimeMs: ASKED - 10.5 }, ASKED)).toBe(false);
  });

  it("with whole-second times (FAT, HFS+, ext3): only when older than the clock's lag of a second or two", () => {
    const whole = (s: number) => ({ mtimeMs: s * 1000, ctimeMs: s * 1000 });
    const second = Math.floor(ASKED / 1000);
    // a folder stamped in the second of the ask, or the one before, may hide a file made after it
    // (FAT's clock is two seconds wide); 2.5 s before the ask it cannot
    expect(settled(whole(second), ASKED)).toBe(false);
    expect(settled(whole(second - 1), ASKED)).toBe(false);
    expect(settled(whole(second - 2), ASKED)).toBe(true);
    expect(settled(whole(second - 3), ASKED)).toBe(true);
  });
});
