// The record kinds as the schema's sentences name them (客户, 工单…, the settings file). What the
// schema says of a value is worded from the zod issue itself: src/i18n-schema.ts (issue 13, item 1).
import { RECORD_KINDS } from "../domain/ids.js";
import type { MessageKey, Worded } from "../i18n.js";

const KINDS = new Set<string>(RECORD_KINDS);

/** A record kind in a sentence (客户, 工单…); the settings file's own word. */
export function kindWord(kind: string): Worded | string {
  if (KINDS.has(kind)) return { key: `rk.${kind}` as MessageKey };
  return kind === "settings" ? { key: "pr.kind.settings" } : kind;
}
