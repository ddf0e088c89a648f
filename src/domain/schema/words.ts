// A schema's own sentence (issue 13, item 1): its English from the catalogue — what --json, a refused
// write and the audit trail keep — and its catalogue key carried in the zod issue (`params.says`), so
// src/i18n-schema.ts words it in the reader's language from the key, never by reading the English back.
import { wordedText, type MessageKey, type Worded } from "../../i18n.js";

type Carrier = { params?: Record<string, unknown> };

/** What an issue of ours carries: the sentence as a catalogue key and its parameters. */
export const CARRIED = "says";

/**
 * zod's `error` option for a schema or a check: the sentence in English, with its key put into the
 * issue it words (zod 4 keeps an issue's own keys when it finalizes it; test/zh-render.test.ts and
 * test/catalogue.test.ts hold it to that).
 */
export function says(key: MessageKey, params?: Worded["params"]): { error: (issue: object) => string } {
  const worded: Worded = params ? { key, params } : { key };
  return {
    error: (issue) => {
      const carrier = issue as Carrier;
      carrier.params = { ...carrier.params, [CARRIED]: worded };
      return wordedText("en", worded);
    },
  };
}

/** A refinement's own issue (superRefine's ctx.addIssue): the sentence in English, its key along. */
export function saying(
  key: MessageKey,
  params: Worded["params"],
  extra: { input?: unknown; path?: PropertyKey[] } = {},
): { code: "custom"; message: string; params: Record<string, unknown>; input?: unknown; path?: PropertyKey[] } {
  const worded: Worded = { key, params };
  return { code: "custom", message: wordedText("en", worded), params: { [CARRIED]: worded }, ...extra };
}
