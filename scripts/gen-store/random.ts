// Randomness: seeded, so a size always gives the same store. Every draw comes from the one
// sequence, in the order the generator makes them: moving a draw changes the store.
import { CROCKFORD } from "../../src/domain/ids.js";
import { at, dayOf, MIN } from "./time.js";

function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let next = mulberry32(1);
const usedIds = new Set<string>();

/** Start the sequence over for a new store (and forget the IDs given out). */
export function seed(n: number): void {
  next = mulberry32(n);
  usedIds.clear();
}
export const rnd = () => next();
export const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
export const chance = (p: number) => rnd() < p;
/** A moment between 09:00 and 17:00 on `day`. */
export const workTime = (day: string, from = 9, to = 17) => at(day, from) + Math.floor(rnd() * (to - from) * 60) * MIN;

/** A new record ID of the day of `t` (C-, T-, K-, E-, W-), never one given before. */
export function newId(letter: string, t: number): string {
  const day = dayOf(t);
  const stem = `${letter}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
  for (;;) {
    let s = stem;
    for (let i = 0; i < 4; i++) s += CROCKFORD[Math.floor(rnd() * 32)];
    if (!usedIds.has(s)) {
      usedIds.add(s);
      return s;
    }
  }
}
