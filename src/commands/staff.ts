// aftercare staff add | list: the people in aftercare.yaml who act and to whom duties fall.
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { ROLES, type Staff } from "../domain/schema.js";
import { oneLine } from "../format/text.js";
import { table } from "../format/table.js";
import { dateFlag, fillInto } from "./common.js";

export interface StaffAddOptions {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

export async function staffAdd(opts: StaffAddOptions, ctx: Context): Promise<Staff> {
  const store = await ctx.store();
  const name = opts.name.trim();
  if (!name) throw new UsageError("staff add needs a NAME; nothing was written");
  if (!opts.role) opts = await fillInto(ctx, "staff add", opts, [["role", "--role", "Role", ROLES]]);
  if (!(ROLES as readonly string[]).includes(opts.role!)) throw new UsageError(`--role "${opts.role}" is not a role; use ${ROLES.join(", ")}; nothing was written`);
  const member: Staff = { name, role: opts.role as Staff["role"], ...(opts.phone ? { phone: opts.phone } : {}), ...(opts.email ? { email: opts.email } : {}) };
  // the very first member may add themselves: nobody is on the list yet to act for them
  const actor = store.settings.staff.length ? await ctx.actor() : member;
  return ctx.writing(async () => {
    const fresh = await ctx.store();
    if (fresh.settings.staff.some((s) => s.name === name)) throw new UserError(`"${name}" is already on the staff list; nothing was written`);
    await fresh.updateSettings({ ...fresh.settings, staff: [...fresh.settings.staff, member] });
    await ctx.commit(["aftercare.yaml"], `staff ${name} added as ${member.role}`, actor);
    ctx.io.out(ctx.json ? JSON.stringify(member, null, 2) + "\n" : `${name}\n`);
    if (!ctx.json) ctx.io.err(`added ${name} (${member.role}) to the staff list\n`);
    return member;
  });
}

export async function staffList(ctx: Context): Promise<Staff[]> {
  const store = await ctx.store();
  const staff = store.settings.staff;
  if (ctx.json) ctx.io.out(JSON.stringify(staff, null, 2) + "\n");
  else if (!staff.length) ctx.io.err("no staff yet; add someone with 'aftercare staff add NAME --role clerk'\n");
  else
    ctx.io.out(
      table(
        ctx.io,
        ["name", "role", "phone", "email", "absences"],
        staff.map((s) => [oneLine(s.name), s.role, oneLine(s.phone), oneLine(s.email), (s.absences ?? []).map((a) => `${a.from}–${a.to} (cover ${oneLine(a.cover)})`).join("; ")]),
      ),
    );
  return staff;
}

export interface AbsentOptions {
  name: string;
  from?: string;
  to?: string;
  cover?: string;
  note?: string;
}

/** R-COVER: an absence with the colleague who stands in; their duties go to the cover meanwhile. */
export async function staffAbsent(opts: AbsentOptions, ctx: Context): Promise<Staff> {
  opts = await fillInto(ctx, "staff absent", opts, [["from", "--from", "First day away"], ["to", "--to", "Last day away"], ["cover", "--cover", "Who covers"]]);
  const store = await ctx.store();
  const who = await ctx.staffNamed(opts.name, "NAME");
  const cover = await ctx.staffNamed(opts.cover!, "--cover");
  if (cover.name === who.name) throw new UsageError(`${who.name} cannot cover for themselves; name a colleague with --cover; nothing was written`);
  const from = (await dateFlag(ctx, opts.from, "--from"))!;
  const to = (await dateFlag(ctx, opts.to, "--to"))!;
  if (to < from) throw new UsageError(`--to ${to} is before --from ${from}; nothing was written`);
  const actor = await ctx.actor();
  return ctx.writing(async () => {
    const staff = store.settings.staff.map((s) => (s.name === who.name ? { ...s, absences: [...(s.absences ?? []), { from, to, cover: cover.name, note: opts.note }] } : s));
    await store.updateSettings({ ...store.settings, staff });
    await ctx.commit(["aftercare.yaml"], `staff ${who.name} absent ${from}–${to}, covered by ${cover.name}`, actor);
    const member = store.settings.staff.find((s) => s.name === who.name)!;
    ctx.io.out(ctx.json ? JSON.stringify(member, null, 2) + "\n" : `${who.name}\n`);
    if (!ctx.json) ctx.io.err(`${who.name} is away ${from} to ${to}; ${cover.name} covers their duties (R-COVER)\n`);
    return member;
  });
}
