// Tables of records shared by the show commands, in the reader's language.
import type { Contact, Ticket } from "../domain/schema.js";
import { formatShort } from "../domain/time.js";
import type { Translator } from "../i18n.js";
import type { IO } from "../io.js";
import { table } from "./table.js";
import { oneLine } from "./text.js";

const at = (s: string, tz: string) => (s.length > 10 ? formatShort(new Date(s), tz) : s);

export function contactTable(io: IO, contacts: { id: string; value: Contact }[], tz: string, say: Translator): string {
  if (!contacts.length) return `${say.t("s.none")}\n`;
  return table(
    io,
    [say.t("h.id"), say.t("h.when"), say.t("h.how"), say.t("h.purpose"), say.t("h.staff"), say.t("h.summary")],
    contacts.map((k) => [
      k.id,
      at(k.value.at, tz),
      `${say.value(k.value.channel)} ${say.value(k.value.direction)}`,
      say.value(k.value.purpose),
      oneLine(k.value.staff),
      oneLine(k.value.summary ?? k.value.letter?.subject, 40),
    ]),
  );
}

export function ticketTable(io: IO, tickets: { id: string; value: Ticket }[], tz: string, say: Translator): string {
  if (!tickets.length) return `${say.t("s.none")}\n`;
  return table(
    io,
    [say.t("h.id"), say.t("h.received"), say.t("h.kind"), say.t("h.status"), say.t("h.problem")],
    tickets.map((t) => [
      t.id,
      at(t.value.received, tz),
      say.value(t.value.kind),
      say.value(t.value.status),
      oneLine(t.value.problem, 50),
    ]),
  );
}
