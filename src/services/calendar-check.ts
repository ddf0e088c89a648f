// What check says of the working calendar; apart from calendar-warning.ts, which the morning list
// loads, since finding the line in aftercare.yaml takes YAML.
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import { dayOf } from "../domain/time.js";
import { SETTINGS_FILE, type FileProblem, type Store } from "../store/store.js";
import { locate } from "../store/yaml.js";
import { warnMissingYears } from "./calendar-warning.js";

/**
 * What check says of the calendar: an unknown calendar.source is a problem of aftercare.yaml at
 * its line; a current year without public holidays a warning on stderr (the years the morning
 * list's windows reach are due's to say).
 */
export async function calendarCheck(ctx: Context, store: Store): Promise<FileProblem[]> {
  try {
    await warnMissingYears(ctx, dayOf(await ctx.now(), store.settings.timezone));
    return [];
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const at = locate(await store.settingsParsed(), ["calendar", "source"]);
    return [{ path: SETTINGS_FILE, line: at.line, col: at.col, message: e.message.replace(" in aftercare.yaml", "") }];
  }
}
