// aftercare customer list (--search): a read the derived index answers; it loads neither the
// schemas (zod) nor YAML (docs/performance.md).
import { recordJson } from "../../format/json.js";
import type { Context } from "../../context.js";
import type { Rec } from "../../domain/duties/index.js";
import type { Customer } from "../../domain/schema.js";
import { table } from "../../format/table.js";
import { oneLine } from "../../format/text.js";
import { customerSearch } from "../../services/find-record.js";

export async function customerList(opts: { search?: string }, ctx: Context) {
  const store = await ctx.store();
  const say = await ctx.say();
  let list: Rec<Customer>[];
  if (opts.search) list = (await (await customerSearch(ctx))(opts.search)).map((m) => m.item);
  else {
    const idx = await ctx.index();
    if (idx) for (const w of idx.warnings(["customer"])) ctx.io.err(w);
    list = (idx ? idx.all("customer") : await store.all("customer", (m) => ctx.io.err(m))).sort((a, b) =>
      a.value.name.localeCompare(b.value.name, "zh-CN"),
    );
  }
  if (ctx.json)
    ctx.io.out(
      JSON.stringify(
        list.map((c) => recordJson("customer", c)),
        null,
        2,
      ) + "\n",
    );
  else if (!list.length)
    ctx.io.err(
      opts.search
        ? `no customer matches "${opts.search}"\n`
        : "no customers yet; add one with 'aftercare customer add NAME'\n",
    );
  else
    ctx.io.out(
      table(
        ctx.io,
        [say.t("h.id"), say.t("h.customer"), say.t("h.contact"), say.t("h.phone"), say.t("h.tags")],
        list.map((c) => {
          const p = c.value.contacts?.[0];
          return [
            c.id,
            oneLine(c.value.name, 40),
            oneLine(p?.name, 16),
            oneLine(p?.phones?.[0]),
            oneLine((c.value.tags ?? []).join(",")),
          ];
        }),
      ),
    );
  return list;
}
