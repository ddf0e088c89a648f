// The sample's time and chance: fixed dates in Shanghai and a seeded generator, so every run writes
// the same store byte for byte (the same IDs, the same stamps).
import { formatDateTime, parseDateTime } from "../../src/domain/time.js";

export const TZ = "Asia/Shanghai";
/** The moment the story stops: nothing in the sample happens after it. */
export const SAMPLE_NOW = "2026-11-30 08:30";

/** A linear congruential generator from `seed`: the source of the store's record IDs. */
export function seededRandom(seed: number): (n: number) => Uint8Array {
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      out[i] = seed >> 16;
    }
    return out;
  };
}

/** "YYYY-MM-DD HH:mm" in Shanghai as a moment. */
export const at = (s: string) => parseDateTime(s, TZ, new Date(0))!;
/** "YYYY-MM-DD HH:mm" in Shanghai as the store writes a time stamp. */
export const stamp = (s: string) => formatDateTime(at(s), TZ);
/** The stamp `minutes` after `when`. */
export const later = (when: string, minutes: number) =>
  formatDateTime(new Date(at(when).getTime() + minutes * 60_000), TZ);
