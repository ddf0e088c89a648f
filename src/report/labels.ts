// Report templates reach the catalogue's words through the `label` filter.
import { word, type Locale } from "../i18n.js";
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

/** A channel in words: the catalogue's for a built-in one, the store's own for one it added, else its name. */
export function channelLabel(value: string, locale: string, added: readonly ChannelSetting[] | undefined): string {
  if ((CHANNELS as readonly string[]).includes(value)) return word(locale, value);
  const c = added?.find((x) => x.name === value);
  return (locale === "zh-CN" ? c?.["zh-CN"] : c?.en) ?? c?.en ?? c?.["zh-CN"] ?? value;
}
