// What a person is told when a date or time they typed cannot be used: one line, in their
// language, with what was read and what to write instead.
import type { Translator } from "../i18n.js";
import { formatShort } from "../domain/time.js";
import type { Reading, Typed } from "../domain/typed-time.js";

/** A reading with a time to the minute, a day alone as the day. */
const shownAt = (r: Reading, tz: string) => (r.time ? formatShort(r.at, tz) : r.day);

/** The one line for a typed date or date-time that cannot be used; undefined when it can. */
export function typedProblem(
  say: Translator,
  r: Typed,
  value: string,
  flag: string,
  tz: string,
  now: Date,
  what: "date" | "datetime",
): string | undefined {
  switch (r.kind) {
    case "ok":
      return undefined;
    case "unreadable":
      return what === "date"
        ? say.t("date.notDate", { flag, value, help: say.t("date.helpDate") })
        : say.t("date.notDateTime", { flag, value, help: say.t("date.helpDateTime") });
    case "ambiguous":
      // each reading as the flag that says it, ready to type again
      return say.t("date.ambiguous", {
        flag,
        value,
        readings: r.readings.map((x) => shownAt(x, tz)).join(say.t("date.or")),
        typed: r.readings.map((x) => `${flag} "${shownAt(x, tz)}"`).join(say.t("date.or")),
      });
    case "future": {
      const meant =
        r.earlier && r.open
          ? say.t("date.meant", { which: say.t(`date.meant.${r.open}`), moment: shownAt(r.earlier, tz), flag })
          : "";
      return say.t("date.future", { flag, shown: shownAt(r.reading, tz), now: formatShort(now, tz), meant });
    }
  }
}
