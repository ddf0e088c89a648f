// aftercare customer add | list | show | edit: the customer file (form 1 of the regulation, A2).
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { checkEdit, parseInput, UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { customerSchema, type Customer, type Person } from "../domain/schema.js";
import type { Rec } from "../domain/duties/index.js";
import { searchCustomers } from "../domain/search.js";
import { isOpen } from "../domain/ticket.js";
import { formatShort } from "../domain/time.js";
import { dutyHistory } from "../format/duties.js";
import { contactTable, ticketTable } from "../format/records.js";
import { fields, table } from "../format/table.js";
import { oneLine, safe } from "../format/text.js";
import { writeAtomic } from "../store/fsutil.js";
import { validate } from "../store/store.js";
import { parseYaml } from "../store/yaml.js";
import { fillInto, findCustomer, nowStamp, written, happened } from "./common.js";
import { allDuties } from "./due.js";

export interface CustomerFields {
  name?: string;
  address?: string;
  contact?: string;
  title?: string;
  phone?: string[];
  email?: string;
  tag?: string[];
  untag?: string[];
  equipment?: string[];
  vehicle?: string[];
  note?: string;
}

/** Which flag sets which field, for usage errors that name the flag. */
const CUSTOMER_FLAGS = { name: "--name", "contacts.name": "--contact", "contacts.title": "--title", "contacts.phones": "--phone", "contacts.email": "--email", tags: "--tag", "equipment.name": "--equipment", "vehicles.plate": "--vehicle" };

const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

function applyFields(c: Customer, f: CustomerFields): Customer {
  const next: Customer = { ...c };
  if (f.name !== undefined) next.name = f.name;
  if (f.address !== undefined) next.address = f.address || undefined;
  if (f.note !== undefined) next.note = f.note || undefined;
  const blank = (f.phone ?? []).find((x) => !x.trim());
  if (blank !== undefined) throw new UsageError(`--phone "${blank}" is empty: give the number, such as "021-5555 1234"; nothing was written`);
  if (f.email !== undefined && f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) throw new UsageError(`--email "${f.email}" is not an e-mail address such as name@example.com; nothing was written`);
  if (f.contact !== undefined || f.phone?.length || f.email !== undefined) {
    const contacts = [...(c.contacts ?? [])];
    const name = f.contact ?? contacts[0]?.name;
    if (!name) throw new UsageError("--phone and --email belong to a contact person: give --contact NAME too; nothing was written");
    const i = contacts.findIndex((p) => p.name === name.trim());
    const old: Person = i >= 0 ? contacts[i]! : { name };
    const person: Person = {
      ...old,
      ...(f.title ? { title: f.title } : {}),
      ...(f.phone?.length ? { phones: uniq([...(old.phones ?? []), ...f.phone]) } : {}),
      ...(f.email ? { email: f.email } : {}),
    };
    if (i >= 0) contacts[i] = person;
    else contacts.push(person);
    next.contacts = contacts;
  }
  if (f.tag?.length || f.untag?.length) {
    const tags = uniq([...(c.tags ?? []), ...(f.tag ?? [])]).filter((t) => !(f.untag ?? []).includes(t));
    next.tags = tags.length ? tags : undefined;
  }
  if (f.equipment?.length) next.equipment = [...(c.equipment ?? []), ...f.equipment.map((name) => ({ name }))];
  if (f.vehicle?.length) next.vehicles = [...(c.vehicles ?? []), ...f.vehicle.filter((p) => !(c.vehicles ?? []).some((v) => v.plate === p)).map((plate) => ({ plate }))];
  return next;
}

export async function customerAdd(opts: CustomerFields & { allowDuplicate?: boolean }, ctx: Context) {
  const store = await ctx.store();
  if (!opts.name?.trim()) {
    if (!ctx.canPrompt) throw new UsageError("customer add needs the customer's name (NAME or --name); nothing was written");
    opts = await fillInto(ctx, "customer add", opts, [["name", "NAME", "Customer (organisation) name"], ["contact", "--contact", "Contact person"]]);
    if (!opts.phone?.length) {
      const phone = await ctx.prompter.input({ message: "Contact phone (optional)" });
      if (phone.trim()) opts = { ...opts, phone: [phone.trim()] };
    }
    if (!opts.address) opts = { ...opts, address: (await ctx.prompter.input({ message: "Address (optional)" })).trim() || undefined };
  }
  const actor = await ctx.actor();
  const value = applyFields({ name: opts.name!, created: await nowStamp(ctx) }, opts);
  const ordered = parseInput(customerSchema, value, CUSTOMER_FLAGS);
  return ctx.writing(async () => {
    if (!opts.allowDuplicate) {
      const same = (await store.all("customer", () => undefined)).find((c) => c.value.name === ordered.name);
      if (same) throw new UserError(`customer "${ordered.name}" already exists as ${same.id}; use that ID, or pass --allow-duplicate for a different customer of the same name; nothing was written`);
    }
    const rec = await store.create("customer", ordered, await ctx.now(), ctx.random);
    await ctx.commit([rec.path], `customer ${rec.id} added — ${ordered.name}`, actor);
    written(ctx, rec, (await ctx.say()).t("w.addedCustomer", { id: rec.id, name: oneLine(ordered.name) }));
    return rec;
  });
}

export async function customerList(opts: { search?: string }, ctx: Context) {
  const store = await ctx.store();
  const say = await ctx.say();
  const idx = await ctx.index();
  if (idx) for (const w of idx.warnings(["customer"])) ctx.io.err(w);
  let list: Rec<Customer>[] = idx ? idx.all("customer") : await store.all("customer", (m) => ctx.io.err(m));
  list = opts.search ? searchCustomers(list, opts.search) : list.sort((a, b) => a.value.name.localeCompare(b.value.name, "zh-CN"));
  if (ctx.json) ctx.io.out(JSON.stringify(list.map((c) => ({ id: c.id, ...c.value })), null, 2) + "\n");
  else if (!list.length) ctx.io.err(opts.search ? `no customer matches "${opts.search}"\n` : "no customers yet; add one with 'aftercare customer add NAME'\n");
  else
    ctx.io.out(
      table(
        ctx.io,
        [say.t("h.id"), say.t("h.customer"), say.t("h.contact"), say.t("h.phone"), say.t("h.tags")],
        list.map((c) => {
          const p = c.value.contacts?.[0];
          return [c.id, oneLine(c.value.name, 40), oneLine(p?.name, 16), oneLine(p?.phones?.[0]), oneLine((c.value.tags ?? []).join(","))];
        }),
      ),
    );
  return list;
}

export async function customerShow(opts: { id: string }, ctx: Context) {
  const store = await ctx.store();
  const c = await findCustomer(ctx, opts.id, "ID");
  const idx = await ctx.index();
  const group = idx?.group(c.id);
  if (idx) for (const w of idx.warnings(["ticket"])) ctx.io.err(w);
  const tickets = (group ? group.tickets : (await store.all("ticket", (m) => ctx.io.err(m))).filter((t) => t.value.customer === c.id)).sort((a, b) => b.value.received.localeCompare(a.value.received));
  // on a replayed day (--now in the past), the contacts made by then, as the duties see them
  const by = await happened(ctx);
  if (idx) for (const w of idx.warnings(["contact"])) ctx.io.err(w);
  const contacts = (group ? group.contacts : (await store.all("contact", (m) => ctx.io.err(m))).filter((k) => k.value.customer === c.id))
    .filter((k) => by(k.value.at))
    .sort((a, b) => b.value.at.localeCompare(a.value.at));
  const { list, today } = await allDuties(ctx, { customer: c.id });
  const open = list.filter((d) => d.customer === c.id && (d.state === "overdue" || d.state === "due" || d.state === "upcoming"));
  if (ctx.json) {
    const duties = list.filter((d) => d.customer === c.id);
    ctx.io.out(JSON.stringify({ id: c.id, ...c.value, tickets: tickets.map((t) => ({ id: t.id, ...t.value })), contacts: contacts.map((k) => ({ id: k.id, ...k.value })), duties }, null, 2) + "\n");
    return c;
  }
  const v = c.value;
  const tz = store.settings.timezone;
  const io = ctx.io;
  const say = await ctx.say();
  let out = `${io.color.bold(c.id)}  ${safe(v.name)}\n` + fields(io, [
    [say.t("f.address"), v.address && safe(v.address)],
    ...(v.contacts ?? []).map((p): [string, string] => [say.t("f.contact"), [p.title ? `${p.name} (${p.title})` : p.name, ...(p.phones ?? []), p.email].filter(Boolean).map((x) => safe(x!)).join("  ")]),
    [say.t("f.tags"), v.tags?.map(safe).join(", ")],
    [say.t("f.equipment"), v.equipment?.map((e) => safe([e.name, e.model, e.serial].filter(Boolean).join(" "))).join("; ")],
    [say.t("f.vehicles"), v.vehicles?.map((e) => safe([e.plate, e.model].filter(Boolean).join(" "))).join("; ")],
    [say.t("f.note"), v.note && safe(v.note)],
    [say.t("f.filed"), formatShort(new Date(v.created), tz)],
  ]);
  const openTickets = tickets.filter((t) => isOpen(t.value));
  out += `\n${io.color.bold(say.t("s.openDuties", { n: open.length }))}\n${dutyHistory(io, open, today, tz, say)}`;
  out += `\n${io.color.bold(say.t("s.tickets", { n: tickets.length, open: openTickets.length }))}\n${ticketTable(io, tickets, tz, say)}`;
  out += `\n${io.color.bold(say.t("s.contacts", { n: contacts.length }))}\n${contactTable(io, contacts.slice(0, 20), tz, say)}`;
  io.out(out);
  return c;
}

function hasEdits(f: CustomerFields): boolean {
  return Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
}

export async function customerEdit(opts: CustomerFields & { id: string }, ctx: Context, editor?: (path: string) => void) {
  const store = await ctx.store();
  const { id: input, ...f } = opts;
  const first = await findCustomer(ctx, input, "ID");
  const actor = await ctx.actor();
  if (hasEdits(f))
    return ctx.writing(async () => {
      const c = await store.get("customer", first.id);
      const rec = await store.update(c, checkEdit(customerSchema, c.value, applyFields(c.value, f), CUSTOMER_FLAGS));
      if (rec.src === c.src) {
        ctx.io.err(`no changes to ${c.id}\n`);
        return c;
      }
      await ctx.commit([c.path], `customer ${c.id} edited — ${rec.value.name}`, actor);
      written(ctx, rec, `saved customer ${c.id}`);
      return rec;
    });
  if (!ctx.io.interactive && !editor)
    throw new UsageError("customer edit needs something to change (--name, --address, --contact, --phone, --tag, --untag, --note…), or a terminal to open $EDITOR; nothing was written");

  // The editor runs before the store's lock is taken: nobody waits while a person types. Under the
  // lock the file is compared with what the editor was given, and a change made meanwhile wins.
  const abs = store.abs(first.path);
  const before = await fs.readFile(abs);
  const edit = await editInEditor(first.path, first.src, editor ?? runEditor(ctx));
  if (!edit) {
    ctx.io.err(`no changes to ${first.id}\n`);
    return first;
  }
  return ctx.writing(async () => {
    const now = await fs.readFile(abs).catch(() => undefined);
    if (!now || !now.equals(before)) {
      const by = now ? await changedBy(ctx, first.path) : "someone who deleted it";
      throw new UserError(`${first.path} was changed meanwhile by ${by}; your edit is kept in ${edit.tmp}: compare it with the file as it is now and run 'aftercare customer edit ${first.id}' again; nothing was written`);
    }
    try {
      await writeAtomic(abs, edit.text);
    } catch (e) {
      ctx.io.err(`your edit is kept in ${edit.tmp}\n`);
      throw e;
    }
    await fs.rm(dirname(edit.tmp), { recursive: true, force: true }).catch(() => undefined);
    const fresh = await store.get("customer", first.id);
    await ctx.commit([first.path], `customer ${first.id} edited — ${fresh.value.name}`, actor);
    written(ctx, fresh, `saved customer ${first.id}`);
    return fresh;
  });
}

/** Open the record in an editor (outside the lock); the edited text once it validates, or undefined if unchanged. */
async function editInEditor(path: string, src: string, run: (p: string) => void): Promise<{ text: string; tmp: string } | undefined> {
  const tmp = join(await fs.mkdtemp(join(tmpdir(), "aftercare-")), path.split("/").pop()!);
  await fs.writeFile(tmp, src, { mode: 0o600 });
  run(tmp);
  const text = await fs.readFile(tmp, "utf8");
  if (text === src) {
    await fs.rm(dirname(tmp), { recursive: true, force: true }).catch(() => undefined);
    return undefined;
  }
  const { parsed, problems } = parseYaml(text);
  const ps = parsed ? validate(customerSchema, parsed, "customer").problems : problems;
  if (ps.length) throw new UserError(ps.map((p) => `${tmp}:${p.line}:${p.col}: ${p.message}`).join("\n") + `\nyour edit is kept in ${tmp}; ${path} was not changed`);
  return { text, tmp };
}

/** Who changed a record last, for "changed meanwhile by …": a hand edit not yet committed, or the last commit's author. */
async function changedBy(ctx: Context, path: string): Promise<string> {
  const git = await ctx.git();
  const status = await git.run(["status", "--porcelain", "--", path]);
  if (status.code !== 0) return "another writer";
  if (status.stdout.trim()) return "an edit not yet committed";
  const log = await git.run(["log", "-1", "--format=%an%x1f%h%x1f%s", "--", path]);
  const [who, sha, subject] = log.stdout.trim().split("\x1f");
  return who ? `${oneLine(who)} (commit ${sha}: ${oneLine(subject, 60)})` : "another writer";
}

function runEditor(ctx: Context): (path: string) => void {
  return (path) => {
    const editor = ctx.deps.env.VISUAL || ctx.deps.env.EDITOR || "vi";
    const [cmd, ...args] = editor.trim().split(/\s+/);
    const r = spawnSync(cmd!, [...args, path], { stdio: "inherit", shell: false, env: ctx.deps.env });
    if (r.error || r.status !== 0) throw new UserError(`the editor "${editor}" failed (${r.error?.message ?? `exit ${r.status}`}); set VISUAL or EDITOR; nothing was written`);
  };
}
