// The one catalogue (issue 13, item 1): every key in both languages, with the same placeholders,
// and plural forms chosen by Intl.PluralRules.
import { describe, expect, it } from "vitest";
import { CATALOGUE, t, type Text } from "../src/i18n.js";

const LOCALES = ["en", "zh-CN"] as const;
/** The {name} placeholders of one text, every plural form together. */
const placeholders = (text: Text): string[] => {
  const forms = typeof text === "string" ? [text] : Object.values(text);
  return [...new Set(forms.flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
};
/** Each plural form of one text, with the same placeholders as the others. */
const forms = (text: Text): string[] => (typeof text === "string" ? [text] : Object.values(text));

describe("the catalogue", () => {
  const entries = Object.entries(CATALOGUE);

  it("holds hundreds of keys (the walk below is over the real catalogue)", () => {
    expect(entries.length).toBeGreaterThan(500);
  });

  it("has every key in both languages, none empty", () => {
    const missing: string[] = [];
    for (const [key, entry] of entries)
      for (const l of LOCALES) {
        const text = (entry as Partial<Record<string, Text>>)[l];
        if (text === undefined || forms(text).some((f) => f.trim() === "" && key !== "why.sep"))
          missing.push(`${key} ${l}`);
      }
    expect(missing).toEqual([]);
  });

  it("gives both languages the same placeholders, in every plural form", () => {
    const mismatched: string[] = [];
    for (const [key, entry] of entries) {
      const en = placeholders(entry.en);
      const zh = placeholders(entry["zh-CN"]);
      if (en.join() !== zh.join()) mismatched.push(`${key}: en {${en.join("} {")}} zh-CN {${zh.join("} {")}}`);
      for (const l of LOCALES) {
        const text = entry[l];
        if (typeof text !== "string")
          for (const f of forms(text))
            if (placeholders(f).join() !== placeholders(text).join()) mismatched.push(`${key} ${l}: form "${f}"`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("has an `other` form wherever a text has plural forms", () => {
    const bad = entries.filter(([, e]) =>
      LOCALES.some((l) => typeof e[l] !== "string" && !("other" in (e[l] as object))),
    );
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});

describe("plurals through Intl.PluralRules", () => {
  it("says 1 day and 2 days in English, and 天 in Chinese", () => {
    expect(t("en", "due.nothingWithin", { days: 1 })).toBe("nothing due in the next 1 day.");
    expect(t("en", "due.nothingWithin", { days: 7 })).toBe("nothing due in the next 7 days.");
    expect(t("en", "due.nothingWithin", { days: 0 })).toBe("nothing due in the next 0 days.");
    expect(t("zh-CN", "due.nothingWithin", { days: 1 })).toBe("今后 1 天没有待办工作。");
  });

  it("leaves a placeholder it was given no value for as it is", () => {
    expect(t("en", "why.used", { id: "K-261101-0001" })).toBe("K-261101-0001 already counts for {rule}");
  });
});
