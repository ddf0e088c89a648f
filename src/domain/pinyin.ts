// The pinyin of Chinese names (上海明远 → initials "shmy", full "shanghaimingyuan"), for finding a
// customer by it. pinyin-pro's dictionaries take ≈ 60 ms to load, so this module is imported only
// when pinyin is needed: a search typed in letters without the index, or the index working out the
// search keys of customers it has not seen yet (search.ts, record-index.ts).
import { pinyin } from "pinyin-pro";
import { searchKeys, type PinyinOf, type SearchKeys } from "./search.js";
import type { Customer } from "./schema.js";

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
const NO_PINYIN = Object.freeze({ initials: "", full: "" });
/** pinyin of the names seen in this process (a search asks for each name's again and again); bounded */
const pinyinSeen = new Map<string, { initials: string; full: string }>();
const PINYIN_SEEN_MAX = 100_000;

/** "上海明远" → initials "shmy" and full "shanghaimingyuan"; other letters kept as they are. */
export const pinyinKeys: PinyinOf = (name) => {
  if (!hasHan(name)) return NO_PINYIN;
  const seen = pinyinSeen.get(name);
  if (seen) return seen;
  const syllables = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive" }).map((s) =>
    s.toLowerCase().replace(/[^a-z0-9]/g, ""),
  );
  const keys = Object.freeze({ initials: syllables.map((s) => s[0] ?? "").join(""), full: syllables.join("") });
  if (pinyinSeen.size >= PINYIN_SEEN_MAX) pinyinSeen.clear();
  pinyinSeen.set(name, keys);
  return keys;
};

/** What a customer is found by, with the pinyin of its names. */
export function customerKeys(c: Customer): SearchKeys {
  return searchKeys(c, pinyinKeys);
}
