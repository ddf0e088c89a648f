// Report templates reach the catalogue's words through the `label` filter.
import { word, wordedText, type Locale, type Worded } from "../i18n.js";
import { CHANNELS } from "../domain/enums.js";
import type { ChannelSetting } from "../domain/schema.js";

export function label(value: unknown, locale: Locale): string {
  return word(locale, value);
}

/**
 * The channels a store takes: the built-in ones (phone, fax, visit, email, web, wechat, sms), then
 * those added under `channels:` in aftercare.yaml.
 */
export function channelNames(added: readonly ChannelSetting[] | undefined): string[] {
  return [...CHANNELS, ...(added ?? []).map((c) => c.name)];
}

/**
 * Words the store gives in aftercare.yaml (a channel it adds), one for each language: record data
 * as the store wrote it, not the catalogue's.
 */
export interface OwnWords {
  own: Record<Locale, string>;
}

/** Catalogue words or the store's own, in `locale`. */
export function wordsIn(locale: string, w: Worded | OwnWords): string {
  return "own" in w ? w.own[locale === "zh-CN" ? "zh-CN" : "en"] : wordedText(locale, w);
}

/** A channel in words: the catalogue's for a built-in one, the store's own for one it added, else its name. */
export function channelLabel(value: string, locale: string, added: readonly ChannelSetting[] | undefined): string {
  return wordsIn(locale, channelWords(value, added));
}

/**
 * A channel as words to show (a choice at a terminal, channelLabel): the catalogue's word for a
 * built-in one, the names the store gives one it added (in each language, else the other's, else
 * its name).
 */
export function channelWords(value: string, added: readonly ChannelSetting[] | undefined): Worded | OwnWords {
  const builtIn = CHANNELS.find((c) => c === value);
  if (builtIn) return { key: `word.${builtIn}` };
  const c = added?.find((x) => x.name === value);
  return { own: { en: c?.en ?? c?.["zh-CN"] ?? value, "zh-CN": c?.["zh-CN"] ?? c?.en ?? value } };
}
