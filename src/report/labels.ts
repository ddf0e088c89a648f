// Report templates reach the catalogue's words through the `label` filter.
import { word } from "../i18n.js";

export type Locale = "zh-CN" | "en";

export function label(value: unknown, locale: Locale): string {
  return word(locale, value);
}
