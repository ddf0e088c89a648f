// Generates a realistic aftercare store of a given size, written directly as files (not through
// the CLI), committed to git in one commit, and cached outside the repository so that a rerun of
// the bench does not generate it again.
//
//   npx tsx scripts/gen-store.ts [SIZE] [DIR]     SIZE: 20k, 205k (default) or 820k, or any "Nk"
//
// The "decade" store (205k) is an ordinary after-sales department's ten years: 5,000 customers,
// 50,000 tickets and about 150,000 calls and letters, ending on a fixed today (TODAY, pinned for
// the CLI with AFTERCARE_NOW=NOW). Other sizes scale every count. What is in it:
//
// - customers filed over the ten years, Chinese (most) and English, with their people, phones,
//   equipment and tags (a few "vip" and "年度合同" customers are the audiences of the events);
// - tickets, each with its own contacts as the regulation asks (docs/rules.md): escalated within a
//   working day when not solved at once, dispatched within four working hours or scheduled and
//   the customer told, the first follow-up before the technician arrives, the second in days
//   7–14, the solution told the same day, and a next contact planned when closing, carried out on
//   its date. A small share is late, a very few never done (half of those waived by the
//   supervisor), so the morning list and the reviews have something to show;
// - about 1 % of tickets open and recent (waiting for parts or a scheduled visit);
// - two events a year (a spring free-service campaign and a December gathering) with their calls
//   and letters; the monthly and annual reviews saved under reports/ for every past period;
// - staff with a supervisor, an engineering supervisor, a follow-up clerk, and people who left.
//
// Records follow src/domain/schema.ts and sit where src/store/store.ts (pathOf) puts them; the
// generator imports nothing from src/ but the ID alphabet, so that it keeps working while the CLI
// changes, and `aftercare check` is how its output is verified. Deterministic: same size, same
// store (IDs, text and dates; the commit too, its dates are fixed).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CROCKFORD } from "../src/domain/ids.js";
import { resolveCalendar, workCalendar } from "../src/domain/calendar.js";
import { sourceDays } from "../src/store/calendar-source.js";
import {
  BRANDS,
  CITIES,
  COMPLAINT_EN,
  COMPLAINT_ZH,
  CONSULT_EN,
  CONSULT_ZH,
  DISTRICTS,
  EN_FIRST,
  EN_NAMES,
  EN_PLACES,
  EN_TITLES,
  EN_TRADE,
  EQUIPMENT,
  FAULTS_EN,
  FAULTS_ZH,
  FIXES_EN,
  FIXES_ZH,
  FU2_EN,
  FU2_ZH,
  GIVEN,
  PREP_EN,
  PREP_ZH,
  REASONS_EN,
  REASONS_ZH,
  ROADS,
  SUFFIXES,
  SURNAMES,
  TITLES,
  TOPICS_EN,
  TOPICS_ZH,
  TRADES,
} from "./gen-store/words.js";

/** Bump when the generated stores change: cached stores of another version are not reused. */
export const GEN_VERSION = 2;
/** The store's today (a Friday) and the moment the bench pins the CLI's clock to. */
export const TODAY = "2026-11-27";
export const NOW = "2026-11-27 09:00";
export const NOW_ISO = "2026-11-27T09:00:00+08:00";
/** The first day of the store's ten years. */
const START = "2016-11-28";
/** The named sizes, as multiples of the decade store (5,000 customers). */
export const SIZES: Record<string, number> = { "20k": 0.1, "205k": 1, "820k": 4 };
const DECADE = { customers: 5000, tickets: 50000 };

export function scaleOf(size: string): number {
  if (SIZES[size] !== undefined) return SIZES[size];
  const m = /^(\d+(?:\.\d+)?)k$/i.exec(size);
  if (!m)
    throw new Error(
      `size "${size}" is not one of ${Object.keys(SIZES).join(", ")} nor a number of thousands of records such as 50k`,
    );
  return Number(m[1]) / 205;
}

/** What the bench needs to know about a generated store. */
export interface Manifest {
  version: number;
  size: string;
  scale: number;
  store: string;
  /** the one commit holding the generated store */
  commit: string;
  now: string;
  counts: {
    customers: number;
    tickets: number;
    contacts: number;
    events: number;
    waivers: number;
    reports: number;
    records: number;
    openTickets: number;
    files: number;
  };
  sample: {
    /** an open ticket with contacts, for `ticket show` and `call log` */
    openTicket: string;
    /** a customer with many tickets, for `customer show` */
    customer: string;
    /** part of a name that a handful of customers share, for `customer list --search` */
    search: string;
    lastMonth: string;
    lastYear: string;
    /** 100 contact files (paths), spread over the years, that a simulated pull changes */
    pullFiles: string[];
  };
  seconds: { files: number; git: number };
  /** how the commit was made: fast-import (default) or add (GEN_GIT=add) */
  git: string;
}

// ---------------------------------------------------------------------------------------------
// Where the stores live

export function cacheRoot(): string {
  return resolve(process.env.BENCH_CACHE ?? join(tmpdir(), "aftercare-bench"));
}

export function cacheDir(size: string): string {
  return join(cacheRoot(), `${size}-g${GEN_VERSION}`);
}

/** The environment git runs in for the generated stores: no system or user configuration. */
export function isolatedGitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith("GIT_")) env[k] = v;
  return { ...env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
}
const GIT_IDENTITY = ["-c", "user.name=aftercare bench", "-c", "user.email=bench@aftercare.invalid"];

/** The cached store of this size, generated and committed first when it is not there yet. */
export function ensureStore(size: string, log: (line: string) => void = () => {}): Manifest {
  const dir = cacheDir(size);
  const manifestFile = join(dir, "manifest.json");
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (m.version === GEN_VERSION && existsSync(join(m.store, ".git"))) return m;
  }
  // a half-written store (an interrupted run) is thrown away
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating the ${size} store in ${dir}/store …`);
  const m = generateStore(join(dir, "store"), size);
  writeFileSync(manifestFile, JSON.stringify(m, null, 2) + "\n");
  log(
    `  ${m.counts.records.toLocaleString("en")} records (${m.counts.customers.toLocaleString("en")} customers, ${m.counts.tickets.toLocaleString("en")} tickets, ${m.counts.contacts.toLocaleString("en")} contacts, ${m.counts.events} events, ${m.counts.waivers} waivers) and ${m.counts.reports} reviews: files ${m.seconds.files.toFixed(1)} s, git ${m.seconds.git.toFixed(1)} s`,
  );
  return m;
}

// ---------------------------------------------------------------------------------------------
// Time: wall-clock milliseconds in the store's zone (Asia/Shanghai, +08:00 all year, no DST),
// kept as if they were UTC so that date arithmetic is plain arithmetic.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (day: string, h: number, m = 0) => dayMs(day) + h * HOUR + m * MIN;
/** A stored date-time: whole minutes, with the store's offset. */
const dt = (t: number) => new Date(Math.floor(t / MIN) * MIN).toISOString().slice(0, 19) + "+08:00";
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);
const addDays = (day: string, n: number) => dayOf(dayMs(day) + n * DAY);
const NOW_MS = Date.parse(`${TODAY}T09:00:00Z`);

// The store's calendar: Monday to Friday and the State Council's arrangements of every year, days
// off and make-up working days (calendar.source: cn), through the one working calendar aftercare
// uses (src/domain/calendar.ts with the chinese-days dataset).
const CALENDAR = workCalendar(
  resolveCalendar(undefined, { id: "cn", explicit: true }, await sourceDays("cn", "zh-CN")).settings,
);
const workCache = new Map<string, boolean>();
function isWorking(day: string): boolean {
  let w = workCache.get(day);
  if (w === undefined) {
    w = CALENDAR.isWorkingDay(day);
    workCache.set(day, w);
  }
  return w;
}
const onOrBefore = (day: string) => {
  while (!isWorking(day)) day = addDays(day, -1);
  return day;
};
const onOrAfter = (day: string) => {
  while (!isWorking(day)) day = addDays(day, 1);
  return day;
};
const addWorkingDays = (day: string, n: number) => {
  for (let i = 0; i < n; i++) day = onOrAfter(addDays(day, 1));
  return day;
};
const OPEN_MIN = 8 * 60 + 30;
const CLOSE_MIN = 17 * 60 + 30;
/** `mins` working minutes after `t` (working hours 08:30–17:30 on working days). */
function addWorkingMinutes(t: number, mins: number): number {
  for (;;) {
    const day = dayOf(t);
    const m = (t - dayMs(day)) / MIN;
    if (!isWorking(day) || m >= CLOSE_MIN) {
      t = at(onOrAfter(addDays(day, 1)), 8, 30);
      continue;
    }
    if (m < OPEN_MIN) t = at(day, 8, 30);
    const left = CLOSE_MIN - (t - dayMs(day)) / MIN;
    if (mins <= left) return t + mins * MIN;
    mins -= left;
    t = at(onOrAfter(addDays(day, 1)), 8, 30);
  }
}

// ---------------------------------------------------------------------------------------------
// Randomness: seeded, so a size always gives the same store.

function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(1);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number) => rnd() < p;
/** A moment between 09:00 and 17:00 on `day`. */
const workTime = (day: string, from = 9, to = 17) => at(day, from) + Math.floor(rnd() * (to - from) * 60) * MIN;

const usedIds = new Set<string>();
function newId(letter: string, t: number): string {
  const day = dayOf(t);
  const stem = `${letter}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
  for (;;) {
    let s = stem;
    for (let i = 0; i < 4; i++) s += CROCKFORD[Math.floor(rnd() * 32)];
    if (!usedIds.has(s)) {
      usedIds.add(s);
      return s;
    }
  }
}
/** Where the store keeps a record (as src/store/store.ts pathOf does). */
function pathOf(id: string): string {
  const folder = { C: "customers", T: "tickets", K: "contacts", E: "events", W: "waivers" }[id[0] as "C"];
  if (id[0] === "C" || id[0] === "E") return `${folder}/${id}.yaml`;
  return `${folder}/20${id.slice(2, 4)}/${id.slice(4, 6)}/${id}.yaml`;
}

// ---------------------------------------------------------------------------------------------
// YAML as the store writes it: block style, plain scalars where they read back as the same
// string, double-quoted (JSON escapes are YAML escapes) where they might not.

const NUMBERISH = /^[-+]?(\.\d+|\d[\d_]*(\.\d*)?)([eE][-+]?\d+)?$|^0[xob][0-9a-f]+$|^[-+]?\.(inf|nan)$/i;
const SPECIAL = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
function scalar(v: string | number | boolean): string {
  if (typeof v !== "string") return String(v);
  if (
    v === "" ||
    v !== v.trim() ||
    /^[-?:,[\]{}#&*!|>'"%@`]/.test(v) ||
    /: |:$| #|["'\\\t\n\r]|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(v) ||
    NUMBERISH.test(v) ||
    SPECIAL.test(v)
  )
    return JSON.stringify(v);
  return v;
}
type Y = string | number | boolean | undefined | Y[] | { [k: string]: Y };
function emit(map: { [k: string]: Y }, pad: string, out: string[]): void {
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      out.push(`${pad}${k}:`);
      for (const item of v) {
        if (item !== null && typeof item === "object" && !Array.isArray(item)) {
          const sub: string[] = [];
          emit(item, pad + "    ", sub);
          sub[0] = `${pad}  - ${sub[0]!.slice(pad.length + 4)}`;
          out.push(...sub);
        } else out.push(`${pad}  - ${scalar(item as string)}`);
      }
    } else if (typeof v === "object") {
      out.push(`${pad}${k}:`);
      emit(v, pad + "  ", out);
    } else out.push(`${pad}${k}: ${scalar(v)}`);
  }
}
const yaml = (map: { [k: string]: Y }) => {
  const out: string[] = [];
  emit(map, "", out);
  return out.join("\n") + "\n";
};

// ---------------------------------------------------------------------------------------------
// Staff

interface StaffMember {
  name: string;
  role: "clerk" | "technician" | "supervisor" | "engineering";
  phone?: string;
  email?: string;
  left?: string;
  absences?: { from: string; to: string; cover: string; note?: string }[];
}
const STAFF: StaffMember[] = [
  {
    name: "王芳",
    role: "clerk",
    phone: "021-6888 0101",
    email: "wangfang@mingyuan.example",
    absences: [{ from: "2025-08-04", to: "2025-08-08", cover: "陈静", note: "年假" }],
  },
  { name: "陈静", role: "clerk", email: "chenjing@mingyuan.example" },
  { name: "刘洋", role: "clerk", email: "liuyang@mingyuan.example" },
  { name: "孙丽", role: "clerk", left: "2021-06-30" },
  { name: "李强", role: "technician", phone: "139 1600 2233" },
  { name: "张建华", role: "technician" },
  { name: "黄磊", role: "technician" },
  { name: "马超", role: "technician", left: "2019-12-31" },
  { name: "赵建国", role: "engineering", email: "zhaojianguo@mingyuan.example" },
  { name: "周敏", role: "supervisor", email: "zhoumin@mingyuan.example" },
];
const CLERK = "王芳"; // the follow-up clerk (A1)
const ENGINEERING = "赵建国";
const SUPERVISOR = "周敏";
const present = (name: string, day: string) => {
  const s = STAFF.find((x) => x.name === name)!;
  return !s.left || day <= s.left;
};
/** 刘洋 joined in 2021, 黄磊 in 2020 (the staff list has no joining dates: they simply appear). */
const JOINED: Record<string, string> = { 刘洋: "2021-04-01", 黄磊: "2020-01-01" };
const onStaff = (role: StaffMember["role"], day: string) =>
  STAFF.filter((s) => s.role === role && present(s.name, day) && day >= (JOINED[s.name] ?? "")).map((s) => s.name);
const clerksOn = (day: string) => onStaff("clerk", day);
const techniciansOn = (day: string) => onStaff("technician", day);

function settingsText(): string {
  const staff = yaml({ staff: STAFF as unknown as Y[] });
  return `# aftercare store settings. Edit by hand or with 'aftercare staff add'; 'aftercare check' validates.
# A generated store (scripts/gen-store.ts): ten years of an after-sales department in Shanghai.
version: 1
company: 上海明远机电设备服务有限公司
timezone: Asia/Shanghai
locale: zh-CN
${staff}followupClerk: ${CLERK}
calendar:
  source: cn
  workweek: [1, 2, 3, 4, 5]
rules:
  R-ESC-1DAY: { days: 1 }
  R-DISPATCH: { hours: 4 }
  R-FOLLOWUP-2: { from: 7, to: 14 }
  R-EVENT-NOTICE: { daysBefore: 14, letterWithin: 2 }
  R-MONTHLY: { days: 5, annualDays: 15 }
`;
}

// ---------------------------------------------------------------------------------------------
// The store

interface Cust {
  id: string;
  created: number;
  en: boolean;
  name: string;
  person: string;
  equipment: number[];
  tags: string[];
  tickets: number;
}

type Rec = { [k: string]: Y };
const LF = Buffer.from("\n");

export function generateStore(root: string, size: string): Manifest {
  const scale = scaleOf(size);
  rnd = mulberry32(20261127 + Math.round(scale * 1000));
  usedIds.clear();
  const t0 = performance.now();
  mkdirSync(root, { recursive: true });
  const dirs = new Set<string>();
  let files = 0;
  // the commit, as a git fast-import stream of the same bytes (GEN_GIT=add: git add -A instead)
  const method = process.env.GEN_GIT === "add" ? "add" : "fast-import";
  const stream: Buffer[] = [];
  const write = (rel: string, text: string) => {
    const slash = rel.lastIndexOf("/");
    const dir = slash > 0 ? rel.slice(0, slash) : "";
    if (dir && !dirs.has(dir)) {
      mkdirSync(join(root, dir), { recursive: true });
      dirs.add(dir);
    }
    const bytes = Buffer.from(text, "utf8");
    writeFileSync(join(root, rel), bytes);
    if (method === "fast-import") stream.push(Buffer.from(`M 100644 inline ${rel}\ndata ${bytes.length}\n`), bytes, LF);
    files++;
  };
  const counts = {
    customers: 0,
    tickets: 0,
    contacts: 0,
    events: 0,
    waivers: 0,
    reports: 0,
    records: 0,
    openTickets: 0,
    files: 0,
  };
  // per month: what the reviews count
  const month = new Map<
    string,
    {
      received: number;
      resolved: number;
      calls: number;
      letters: number;
      sat: number;
      satN: number;
      late: number;
      duties: number;
    }
  >();
  const stat = (t: number) => {
    const k = dayOf(t).slice(0, 7);
    let s = month.get(k);
    if (!s) month.set(k, (s = { received: 0, resolved: 0, calls: 0, letters: 0, sat: 0, satN: 0, late: 0, duties: 0 }));
    return s;
  };

  write("aftercare.yaml", settingsText());
  write(
    ".gitignore",
    "# derived cache and locks, always safe to delete\n.aftercare/\n# the temporary file of a write in progress (removed when it fails)\n.*.aftercare-*.tmp\n",
  );
  for (const f of ["customers", "tickets", "contacts", "events", "waivers", "reports", "templates"])
    write(`${f}/.gitkeep`, "");

  // --- customers: a fifth filed in the store's first two months (the existing base), the rest
  // over the years, more of them later
  const nCustomers = Math.max(20, Math.round(DECADE.customers * scale));
  const span = dayMs(TODAY) - dayMs(START);
  const customers: Cust[] = [];
  const names = new Set<string>();
  const createdTimes: number[] = [];
  for (let i = 0; i < nCustomers; i++) {
    let day: string;
    if (i === 0) day = START;
    else if (rnd() < 0.2) day = addDays(START, int(0, 60));
    else day = dayOf(dayMs(START) + Math.floor(Math.sqrt(rnd()) * (span - 20 * DAY)));
    createdTimes.push(at(onOrAfter(day), 9) + int(0, 7 * 60) * MIN);
  }
  createdTimes[0] = at(START, 8, 40);
  createdTimes.sort((a, b) => a - b);
  for (const created of createdTimes) {
    const en = chance(0.13);
    const c: Cust = { id: newId("C", created), created, en, name: "", person: "", equipment: [], tags: [], tickets: 0 };
    const n = int(1, 999);
    let rec: Rec;
    if (en) {
      const [suffix, addr, phone] = pick(EN_PLACES);
      let name = "";
      for (let k = 0; k < 6 && (!name || names.has(name)); k++) name = `${pick(EN_FIRST)} ${pick(EN_TRADE)} ${suffix}`;
      if (names.has(name))
        name = `${name.replace(` ${suffix}`, "")} ${pick(["Asia", "International", "Group", "Holdings"])} ${suffix} ${n}`;
      const digits = (k: number) => Array.from({ length: k }, () => int(0, 9)).join("");
      const people = Array.from({ length: int(1, 2) }, () => ({
        name: pick(EN_NAMES),
        title: chance(0.7) ? pick(EN_TITLES) : undefined,
        phones: [phone.replace(/\{(\d)\}/g, (_, k: string) => digits(Number(k)))],
        email: chance(0.8) ? `service${int(1, 99)}@${name.split(" ")[0]!.toLowerCase()}.example` : undefined,
      }));
      c.name = name;
      c.person = people[0]!.name;
      c.tags = ["export"];
      rec = { name, address: addr.replace("{n}", String(int(1, 200))), contacts: people };
    } else {
      const [city, code] = pick(CITIES);
      let name = "";
      for (let k = 0; k < 6 && (!name || names.has(name)); k++) {
        const trade = pick(TRADES);
        name = `${city}${pick(BRANDS)}${trade}${trade.endsWith("科技") ? "有限公司" : pick(SUFFIXES)}`;
      }
      if (names.has(name))
        name = name.replace(/(股份|科技)?有限公司$/, `${pick(["第二", "第三", "浦东", "城东", "城西"])}分公司`);
      if (names.has(name)) name = `${name}（${n}）`;
      const landline = `${code}-${int(5000, 8999)} ${String(int(0, 9999)).padStart(4, "0")}`;
      const people = Array.from({ length: int(1, 3) }, (_, k) => {
        const phones = k === 0 ? [landline] : [];
        if (chance(0.6)) phones.push(`1${pick(["3", "5", "8", "9"])}${String(int(0, 999999999)).padStart(9, "0")}`);
        return {
          name: pick(SURNAMES) + pick(GIVEN),
          title: chance(0.8) ? pick(TITLES) : undefined,
          phones: phones.length ? phones : undefined,
        };
      });
      c.name = name;
      c.person = people[0]!.name;
      rec = { name, address: `${city}市${pick(DISTRICTS)}${pick(ROADS)} ${int(1, 999)} 号`, contacts: people };
      if (chance(0.3)) c.tags.push(pick(["华东", "重点", "医疗", "冷链"]));
    }
    names.add(c.name);
    if (chance(0.03)) c.tags.push("vip");
    if (chance(0.03)) c.tags.push("年度合同");
    c.equipment = Array.from(new Set(Array.from({ length: int(1, 3) }, () => int(0, EQUIPMENT.length - 1))));
    rec.tags = c.tags.length ? c.tags : undefined;
    rec.equipment = c.equipment.map((e) => {
      const [zh, en2, model] = EQUIPMENT[e]!;
      const installed = addDays(dayOf(created), -int(30, 2000));
      return {
        name: en ? en2 : zh,
        model,
        serial: chance(0.6)
          ? `${model.replace("-", "")}-${installed.slice(0, 4)}-${String(int(1, 9999)).padStart(4, "0")}`
          : undefined,
        installed: chance(0.5) ? installed : undefined,
      };
    });
    if (chance(0.1))
      rec.note = en
        ? "Prefers email; invoices to the head office"
        : pick(["客户要求上门前电话预约", "发票寄总部财务部", "夜间报修请拨值班手机", "厂区进门需登记"]);
    rec.created = dt(created);
    write(pathOf(c.id), yaml(rec));
    customers.push(c);
  }
  counts.customers = customers.length;
  const custFor = (t: number) => {
    // the customers on file by then; older customers (a longer relationship) a little more often
    let lo = 0;
    let hi = customers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (customers[mid]!.created < t - HOUR) lo = mid + 1;
      else hi = mid;
    }
    const n = Math.max(1, lo);
    return customers[Math.floor((chance(0.3) ? rnd() ** 2 : rnd()) * n)]!;
  };

  // --- contacts
  const contactRecs: { id: string; t: number; rec: Rec }[] = [];
  const contact = (
    t: number,
    c: Cust,
    fields: {
      ticket?: string;
      event?: string;
      channel?: "call" | "letter" | "visit";
      direction: "in" | "out";
      purpose: string;
      staff: string;
      person?: string;
      letter?: { kind: string; subject: string };
      summary?: string;
      requests?: string[];
      complaints?: string[];
      told?: boolean;
      plan?: string;
      satisfaction?: number;
    },
  ) => {
    if (t >= NOW_MS) return undefined;
    const id = newId("K", t);
    const rec: Rec = {
      customer: c.id,
      ticket: fields.ticket,
      event: fields.event,
      at: dt(t),
      channel: fields.channel ?? "call",
      direction: fields.direction,
      purpose: fields.purpose,
      staff: fields.staff,
      person: fields.person,
      letter: fields.letter,
      summary: fields.summary,
      requests: fields.requests,
      complaints: fields.complaints,
      told: fields.told,
      plan: fields.plan,
      satisfaction: fields.satisfaction,
    };
    contactRecs.push({ id, t, rec });
    const s = stat(t);
    if ((fields.channel ?? "call") === "letter") s.letters++;
    else s.calls++;
    if (fields.satisfaction) {
      s.sat += fields.satisfaction;
      s.satN++;
    }
    return id;
  };
  const waivers: { t: number; rec: Rec }[] = [];
  const waive = (duty: string, t: number, en: boolean) => {
    if (t >= NOW_MS) return;
    waivers.push({
      t,
      rec: {
        duty,
        reason: en
          ? pick(["The customer could not be reached after several calls", "The customer's plant was closed"])
          : pick(["客户多次联系不上", "客户工厂停产，无法回访", "客户联系人离职，暂无新联系人"]),
        by: SUPERVISOR,
        at: dt(t),
      },
    });
  };
  const staffFor = (assignee: string | undefined, t: number) => {
    const day = dayOf(t);
    return assignee && present(assignee, day) ? assignee : CLERK;
  };

  // --- tickets: received over the ten years (more of them later), and 1 % recent ones still
  // open (waiting for parts or for a scheduled visit)
  const nTickets = Math.max(100, Math.round(DECADE.tickets * scale));
  const nBacklog = Math.round(nTickets * 0.01);
  const receivedTimes: { t: number; backlog: boolean }[] = [];
  const lastDay = addDays(TODAY, -1);
  for (let i = 0; i < nTickets; i++) {
    const backlog = i < nBacklog;
    let day: string;
    if (backlog) day = addDays(lastDay, -int(0, 40));
    else {
      const u = rnd();
      const x = (-0.7 + Math.sqrt(0.49 + 1.2 * u)) / 0.6; // density growing from 0.7 to 1.3
      day = dayOf(dayMs(START) + Math.floor(x * (dayMs(lastDay) - dayMs(START) + DAY)));
    }
    let t: number;
    if (chance(0.05) && !backlog)
      t = at(day, 17, 40) + int(0, 300) * MIN; // an evening call
    else {
      if (chance(0.9) || backlog) day = onOrAfter(day);
      t = at(day, 8, 30) + int(0, 8 * 60 + 20) * MIN;
    }
    if (t >= NOW_MS - HOUR) t = at(lastDay, 8, 30) + int(0, 8 * 60) * MIN;
    receivedTimes.push({ t, backlog });
  }
  receivedTimes.sort((a, b) => a.t - b.t);
  const ticketsOf = new Map<Cust, number>();
  let openSample: { id: string; contacts: number } | undefined;
  for (const { t: R, backlog } of receivedTimes) {
    const c = custFor(R);
    c.tickets++;
    ticketsOf.set(c, (ticketsOf.get(c) ?? 0) + 1);
    const en = c.en;
    const Rday = dayOf(R);
    const kind = backlog
      ? pick(["repair", "maintenance", "install"] as const)
      : pick([
          "repair",
          "repair",
          "repair",
          "repair",
          "repair",
          "repair",
          "repair",
          "repair",
          "repair",
          "maintenance",
          "maintenance",
          "maintenance",
          "install",
          "consult",
          "consult",
          "consult",
          "consult",
          "complaint",
          "complaint",
        ] as const);
    const e = pick(c.equipment);
    const [eZh, eEn] = EQUIPMENT[e]!;
    const eq = en ? eEn : eZh;
    const clerks = clerksOn(Rday);
    const assignee = chance(0.1) ? undefined : pick(clerks);
    const staffAt = (t: number) => staffFor(assignee, t);
    const problem =
      kind === "consult"
        ? pick(en ? CONSULT_EN : CONSULT_ZH).replace("{e}", eq)
        : kind === "complaint"
          ? pick(en ? COMPLAINT_EN : COMPLAINT_ZH).replace("{e}", eq)
          : kind === "maintenance"
            ? en
              ? `Routine maintenance of the ${eq}`
              : `${eq}例行保养`
            : kind === "install"
              ? en
                ? `Installation and commissioning of a new ${eq}`
                : `新购${eq}安装调试`
              : en
                ? `${eq[0]!.toUpperCase()}${eq.slice(1)} ${pick(FAULTS_EN)}`
                : `${eq}${pick(FAULTS_ZH)}`;
    const channel = en
      ? pick(["email", "email", "phone", "web"] as const)
      : pick(["phone", "phone", "phone", "phone", "fax", "email", "visit", "web"] as const);
    const filed = chance(0.004) ? workTime(addWorkingDays(Rday, 1)) : R + int(2, 25) * MIN;
    const id = newId("T", filed);
    const tk: Rec = {
      customer: c.id,
      received: dt(R),
      filed: dt(filed),
      channel,
      kind,
      problem,
      request: undefined,
      status: "open",
      assignee,
    };
    if (chance(0.3))
      tk.request = en
        ? pick(["Visit as soon as possible", "Please call before coming", "Visit next week"])
        : pick(["尽快上门", "当天上门", "上门前电话联系", "下周安排"]);
    stat(R).received++;
    const ticketContacts: (string | undefined)[] = [];
    const say = (t: number, f: Parameters<typeof contact>[2]) => {
      const k = contact(t, c, { ...f, ticket: id });
      ticketContacts.push(k);
      return k;
    };
    let escalation: number | undefined;
    let resolution: number | undefined;
    let closed: number | undefined;
    let dispatch: { at: number; technician: string; depart: number; arrive: number; arrived?: number } | undefined;
    let schedule: { at: number; date: string; reason: string } | undefined;
    let cancelled: number | undefined;
    let solution = "";
    let fu1: number | undefined;
    const escalate = (lo: number, hi: number) => {
      escalation ??= addWorkingMinutes(R, chance(0.01) ? int(600, 1300) : int(lo, hi));
    };
    // the first call: the customer rings (a quarter of the tickets by phone are logged as calls)
    const inbound = channel === "phone" && (kind === "consult" || kind === "complaint" || chance(0.12));
    if (inbound)
      say(R, {
        direction: "in",
        purpose: kind === "consult" ? "consult" : "complaint",
        staff: staffAt(R),
        person: c.person,
        summary: en ? `${c.person} called: ${problem}` : `${c.person}来电：${problem}`,
        told: kind === "consult" ? true : undefined,
        complaints: kind === "complaint" ? [problem] : undefined,
        requests:
          kind !== "complaint" && chance(0.2) ? [en ? "Quote for a spare unit" : "提供备用机组报价"] : undefined,
      });

    if (!backlog && chance(0.005) && R < NOW_MS - 5 * DAY) {
      cancelled = addWorkingMinutes(R, int(20, 200));
    } else if (kind === "consult" && (!chance(0.1) || !inbound)) {
      // answered on the spot (the call above told the customer)
      resolution = R + int(5, 40) * MIN;
    } else if (kind === "consult" || (kind === "complaint" && chance(0.5))) {
      // studied, escalated, answered on a later working day
      escalate(30, 300);
      resolution = workTime(addWorkingDays(dayOf(Math.max(escalation!, R)), int(0, 2)), 10, 16);
      if (resolution <= escalation!) resolution = escalation! + int(30, 90) * MIN;
    } else {
      // work on site: dispatched within four working hours, or scheduled and the customer told
      const scheduled =
        backlog || (kind === "install" && chance(0.6)) || (kind === "maintenance" && chance(0.5)) || chance(0.04);
      let D: number;
      if (scheduled) {
        const sAt = addWorkingMinutes(R, int(20, 200));
        const date = addWorkingDays(dayOf(sAt), backlog ? int(1, 28) : int(1, 10));
        schedule = { at: sAt, date, reason: pick(en ? REASONS_EN : REASONS_ZH) };
        say(sAt + int(3, 30) * MIN, {
          direction: "out",
          purpose: "notice",
          staff: staffAt(sAt),
          person: c.person,
          summary: en
            ? `Told the customer: ${schedule.reason}; visit planned on ${date}`
            : `告知客户：${schedule.reason}，安排 ${date} 上门`,
        });
        escalate(30, 400);
        D = at(date, 7, 30) + int(0, 90) * MIN;
      } else D = addWorkingMinutes(R, int(15, 200));
      const depart = D + int(10, 45) * MIN;
      const arrive = depart + int(20, 150) * MIN;
      const tech = pick(techniciansOn(dayOf(D)));
      dispatch = { at: D, technician: tech, depart, arrive };
      const fu1Late = chance(0.01);
      fu1 = fu1Late ? arrive + int(20, 120) * MIN : D + int(2, Math.max(3, (depart - D) / MIN)) * MIN;
      const prep = pick(en ? PREP_EN : PREP_ZH);
      say(fu1, {
        direction: "out",
        purpose: "followup",
        staff: staffAt(fu1),
        person: c.person,
        summary: en
          ? `Told ${c.person} that ${tech} leaves at ${hhmm(depart)} and arrives about ${hhmm(arrive)}; please have ${prep} ready`
          : `告知${tech} ${hhmm(depart)} 出发，约 ${hhmm(arrive)} 到达；请准备${prep}`,
      });
      if (!fu1Late && chance(0.4)) dispatch.arrived = Math.max(arrive + int(-10, 20) * MIN, fu1 + MIN);
      if (!escalation && chance(0.15)) escalate(30, 400);
      if (escalation) {
        resolution = workTime(addWorkingDays(dayOf(arrive), backlog ? int(8, 30) : int(0, 3)), 10, 16);
        if (resolution <= arrive) resolution = arrive + int(30, 120) * MIN;
      } else {
        resolution = arrive + int(40, 200) * MIN;
        // not solved within the working day after receipt: it should have been escalated
        if (dayOf(resolution) > addWorkingDays(Rday, 1)) escalate(60, 300);
      }
      if (backlog && resolution < NOW_MS + DAY) resolution = NOW_MS + int(1, 20) * DAY;
    }

    if (resolution !== undefined) {
      stat(resolution).resolved += resolution < NOW_MS ? 1 : 0;
      const fix =
        kind === "consult"
          ? en
            ? "Sent the information asked for"
            : "已答复客户，发送相关资料"
          : pick(en ? FIXES_EN : FIXES_ZH);
      solution = fix;
      if (escalation !== undefined) {
        // the solution of an escalated ticket is told the same day (a letter for a few complaints)
        const tell = resolution + int(10, 90) * MIN;
        if (kind === "complaint" && chance(0.3))
          say(tell, {
            channel: "letter",
            direction: "out",
            purpose: "followup",
            staff: staffAt(tell),
            letter: { kind: "reply", subject: en ? `Our answer to your complaint: ${eq}` : `关于${eq}投诉的处理答复` },
            summary: fix,
          });
        else
          say(tell, {
            direction: "out",
            purpose: "followup",
            staff: staffAt(tell),
            person: c.person,
            summary: en ? `Told the customer the solution: ${fix}` : `告知处理结果：${fix}`,
          });
      }
      closed = workTime(addWorkingDays(dayOf(resolution), chance(0.4) ? 0 : int(1, 3)));
      if (closed <= resolution) closed = resolution + int(10, 120) * MIN;
    }
    // the second follow-up in days 7–14 after the first (a few late, a very few never made)
    if (fu1 !== undefined) {
      const first = dayOf(fu1);
      const u = rnd();
      if (u < 0.0015) {
        if (chance(0.5)) waive(`R-FOLLOWUP-2:${id}`, workTime(addDays(first, int(16, 25))), en);
      } else {
        let day = addDays(first, u < 0.02 ? int(15, 19) : int(7, 14));
        for (let k = 0; k < 3 && !isWorking(day) && u >= 0.02; k++) day = addDays(first, int(7, 14));
        const sat = chance(0.7) ? pick([3, 4, 4, 5, 5, 5]) : undefined;
        say(workTime(day), {
          direction: "out",
          purpose: "followup",
          staff: staffAt(workTime(day)),
          person: c.person,
          summary: pick(en ? FU2_EN : FU2_ZH),
          satisfaction: sat,
        });
      }
    }
    // the next contact, planned when closing, and carried out on its day
    let plan: { date: string; topic: string; at: number } | undefined;
    if (closed !== undefined) {
      const date = addWorkingDays(dayOf(closed), int(40, 260));
      plan = { date, topic: pick(en ? TOPICS_EN : TOPICS_ZH), at: closed };
      const u = rnd();
      if (u < 0.001) {
        if (chance(0.5)) waive(`R-NEXT-SERVICE:${id}:1`, workTime(addDays(date, int(3, 10))), en);
      } else {
        const when = workTime(u < 0.011 ? addDays(date, int(1, 7)) : date);
        say(when, {
          direction: "out",
          purpose: chance(0.7) ? "reminder" : "followup",
          staff: staffAt(when),
          person: c.person,
          plan: id,
          summary: en ? `${plan.topic}: talked to ${c.person}` : `${plan.topic}：已与${c.person}沟通`,
        });
      }
    }

    // what had happened by now
    const past = (t: number | undefined) => t !== undefined && t < NOW_MS;
    const by = (t: number) => staffAt(t);
    if (past(escalation))
      tk.escalation = {
        to: ENGINEERING,
        at: dt(escalation!),
        by: by(escalation!),
        note: en ? `Engineering to check: ${problem}` : `需工程部判断：${problem}`,
      };
    if (dispatch && past(dispatch.at))
      tk.dispatch = {
        technician: dispatch.technician,
        at: dt(dispatch.at),
        by: by(dispatch.at),
        depart: dt(dispatch.depart),
        arrive: dt(dispatch.arrive),
        arrived: past(dispatch.arrived) ? dt(dispatch.arrived!) : undefined,
      };
    if (past(resolution)) tk.resolution = { at: dt(resolution!), by: by(resolution!), note: solution };
    if (past(closed)) tk.closed = dt(closed!);
    if (past(cancelled))
      tk.cancelled = {
        at: dt(cancelled!),
        reason: en ? "The customer solved it themselves" : "客户已自行处理，撤销报修",
      };
    if (schedule && past(schedule.at))
      tk.schedule = { date: schedule.date, reason: schedule.reason, at: dt(schedule.at), by: by(schedule.at) };
    if (plan && past(closed)) tk.plans = [{ date: plan.date, topic: plan.topic, at: dt(plan.at), by: by(plan.at) }];
    tk.status = tk.cancelled
      ? "cancelled"
      : tk.closed
        ? "closed"
        : tk.resolution
          ? "resolved"
          : (tk.dispatch as Rec | undefined)?.arrived
            ? "onsite"
            : tk.dispatch
              ? "dispatched"
              : tk.escalation
                ? "escalated"
                : "open";
    if (!["closed", "cancelled"].includes(tk.status)) {
      counts.openTickets++;
      const n = ticketContacts.filter(Boolean).length;
      if (tk.status !== "open" && (!openSample || n > openSample.contacts)) openSample = { id, contacts: n };
    }
    write(pathOf(id), yaml(tk));
    counts.tickets++;
  }

  // --- events: a spring free-service campaign and a December gathering each year, for the "年度合同"
  // and "vip" customers; each customer phoned at the latest two weeks ahead, and a letter after
  const events: Rec[] = [];
  for (let y = 2017; y <= 2026; y++) {
    for (const [date, kind, tag, owner, titleZh] of [
      [onOrAfter(`${y}-03-${int(10, 20)}`), "free-service", "年度合同", "王芳", `${y} 年春季免费检修活动`],
      [onOrAfter(`${y}-12-${int(10, 18)}`), "gathering", "vip", "陈静", `${y} 年度客户答谢会`],
    ] as const) {
      const created = workTime(addDays(date, -int(35, 45)));
      if (created >= NOW_MS) continue;
      const id = newId("E", created);
      write(
        pathOf(id),
        yaml({
          title: titleZh,
          date,
          kind,
          audience: `tag:${tag}`,
          owner,
          note: kind === "gathering" ? "上海浦东香格里拉，14:00–17:00" : undefined,
          created: dt(created),
        }),
      );
      events.push({ id });
      counts.events++;
      const deadline = addDays(date, -14);
      for (const c of customers) {
        if (!c.tags.includes(tag) || dayOf(c.created) > date) continue;
        // in the week or so before the deadline (a few late); a customer filed later, when filed
        const from = Math.max(created + HOUR, c.created + HOUR);
        const call = Math.max(
          from,
          workTime(chance(0.03) ? addDays(deadline, int(1, 5)) : onOrBefore(addDays(deadline, -int(0, 10)))),
        );
        const staff = present(owner, dayOf(call)) ? owner : CLERK;
        const k = contact(call, c, {
          event: id,
          direction: "out",
          purpose: "notice",
          staff,
          person: c.person,
          summary: c.en ? `Invited ${c.person} to ${titleZh} on ${date}` : `邀请${c.person}参加 ${date} ${titleZh}`,
        });
        if (!k) continue;
        const letterAt = workTime(addDays(dayOf(call), int(0, 2)));
        if (dayOf(letterAt) < date)
          contact(letterAt, c, {
            event: id,
            channel: "letter",
            direction: "out",
            purpose: "notice",
            staff,
            letter: { kind: "invitation", subject: titleZh },
            summary: c.en ? "Invitation mailed" : "邀请函已寄出",
          });
      }
    }
  }

  // --- write the contacts and waivers
  for (const k of contactRecs) write(pathOf(k.id), yaml(k.rec));
  counts.contacts = contactRecs.length;
  for (const w of waivers) write(pathOf(newId("W", w.t)), yaml(w.rec));
  counts.waivers = waivers.length;

  // --- the reviews of every past month and year, saved by the supervisor in the first days after
  const monthAfter = (ym: string) =>
    ym.endsWith("-12")
      ? `${Number(ym.slice(0, 4)) + 1}-01`
      : `${ym.slice(0, 5)}${String(Number(ym.slice(5)) + 1).padStart(2, "0")}`;
  const review = (
    kind: "monthly" | "annual",
    period: string,
    saved: number,
    s: { received: number; resolved: number; calls: number; letters: number; sat: number; satN: number },
  ) => {
    const head = `<!-- aftercare report ${kind} ${period}, saved ${dt(saved)} by ${SUPERVISOR} -->\n`;
    const what = kind === "monthly" ? "月度总结" : "年度总结";
    const body = `# 上海明远机电设备服务有限公司 售后服务${what}（${period}）

依据 R-MONTHLY 编写（Asia/Shanghai）。生成于 ${dt(saved).slice(0, 16).replace("T", " ")}。

| ${kind === "monthly" ? "本月" : "全年"}概况 | |
| --- | ---: |
| 受理工单 | ${s.received} |
| 解决工单 | ${s.resolved} |
| 电话 / 信函 | ${s.calls} / ${s.letters} |
| 平均满意度（1–5） | ${s.satN ? (s.sat / s.satN).toFixed(1) : "—"} |

## 主管意见

${pick(["跟踪回访基本按期完成；个别第二次回访逾期，已提醒经办人。", "本期投诉均已当日答复，继续保持。", "备件到货周期偏长，请工程部提前备货。", "客户满意度稳定，下期重点关注保养提醒的执行。"])}
`;
    write(`reports/${period}-${kind}.md`, head + body);
    counts.reports++;
  };
  const years = new Map<
    string,
    { received: number; resolved: number; calls: number; letters: number; sat: number; satN: number }
  >();
  for (let ym = START.slice(0, 7); ym < TODAY.slice(0, 7); ym = monthAfter(ym)) {
    const s = month.get(ym) ?? { received: 0, resolved: 0, calls: 0, letters: 0, sat: 0, satN: 0, late: 0, duties: 0 };
    const next = `${monthAfter(ym)}-01`;
    review(
      "monthly",
      ym,
      workTime(chance(0.03) ? addDays(next, int(6, 9)) : onOrAfter(addDays(next, int(0, 2))), 9, 12),
      s,
    );
    const y = years.get(ym.slice(0, 4)) ?? { received: 0, resolved: 0, calls: 0, letters: 0, sat: 0, satN: 0 };
    for (const k of ["received", "resolved", "calls", "letters", "sat", "satN"] as const) y[k] += s[k];
    years.set(ym.slice(0, 4), y);
  }
  for (const [y, s] of years)
    if (y < TODAY.slice(0, 4))
      review("annual", y, workTime(onOrAfter(`${Number(y) + 1}-01-${String(int(5, 12)).padStart(2, "0")}`), 9, 12), s);

  counts.records = counts.customers + counts.tickets + counts.contacts + counts.events + counts.waivers;
  counts.files = files;
  const filesSeconds = (performance.now() - t0) / 1000;

  // --- one commit, with an isolated git configuration and fixed dates, its objects in a pack as
  // in a store years old (loose objects by the hundred thousand would also set off git's
  // automatic gc in the middle of the bench's writes).
  //   fast-import (default): the commit is streamed into one pack, then the index is read from it
  //     and refreshed against the files: 8 s at 205k on 2 quiet cores;
  //   GEN_GIT=add: git add -A (feature.manyFiles), commit, and gc to pack the loose objects: the
  //     same commit, 36 s at 205k (6 minutes on a busy machine: pruning 205k loose objects).
  const t1 = performance.now();
  const message = `generated store: ${counts.records} records, ten years to ${TODAY} (scripts/gen-store.ts v${GEN_VERSION}, ${size})`;
  const env = {
    ...isolatedGitEnv(),
    GIT_AUTHOR_DATE: "2026-11-27T08:00:00+08:00",
    GIT_COMMITTER_DATE: "2026-11-27T08:00:00+08:00",
  };
  const git = (args: string[], input?: Buffer) =>
    execFileSync("git", args, {
      cwd: root,
      env,
      encoding: "utf8",
      input,
      maxBuffer: 1 << 26,
      stdio: ["pipe", "pipe", "pipe"],
    }).trim();
  git(["init", "-q", "-b", "main"]);
  if (method === "fast-import") {
    const who = `aftercare bench <bench@aftercare.invalid> ${Date.parse("2026-11-27T00:00:00Z") / 1000} +0800`;
    const msg = Buffer.from(message + "\n");
    const head = Buffer.from(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${msg.length}\n`);
    git(["fast-import", "--quiet", "--done"], Buffer.concat([head, msg, ...stream, Buffer.from("\ndone\n")]));
    stream.length = 0;
    git(["-c", "feature.manyFiles=true", "reset", "-q"]);
  } else {
    git(["-c", "feature.manyFiles=true", "add", "-A"]);
    git([...GIT_IDENTITY, "-c", "gc.auto=0", "commit", "-q", "--no-verify", "-m", message]);
    git(["gc", "-q", "--prune=now"]);
  }
  const dirty = git(["status", "--porcelain", "--untracked-files=all"]);
  if (dirty) throw new Error(`the generated store is not all committed: ${dirty.split("\n").slice(0, 3).join("; ")}`);
  const commit = git(["rev-parse", "HEAD"]);
  const gitSeconds = (performance.now() - t1) / 1000;

  // --- what the bench uses
  const busiest = [...ticketsOf.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const zh = customers.filter((c) => !c.en);
  const probe = zh[Math.floor(zh.length / 3)] ?? customers[0]!;
  const search = probe.en ? probe.name.split(" ")[0]! : probe.name.slice(2, 6);
  const pullFiles: string[] = [];
  const step = contactRecs.length / 100;
  for (let i = 0; i < 100 && i < contactRecs.length; i++) pullFiles.push(pathOf(contactRecs[Math.floor(i * step)]!.id));
  return {
    version: GEN_VERSION,
    size,
    scale,
    store: root,
    commit,
    now: NOW,
    counts,
    sample: {
      openTicket: openSample?.id ?? "",
      customer: busiest.id,
      search,
      lastMonth: "2026-10",
      lastYear: "2025",
      pullFiles,
    },
    seconds: { files: filesSeconds, git: gitSeconds },
    git: method,
  };
}

// npx tsx scripts/gen-store.ts [SIZE] [DIR]: generate one store (into the cache, or into DIR)
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = process.argv[2] ?? "205k";
  scaleOf(size);
  if (process.argv[3]) {
    const dir = resolve(process.argv[3]);
    if (existsSync(dir)) throw new Error(`${dir} exists; give a new folder`);
    const m = generateStore(dir, size);
    console.log(
      JSON.stringify({ ...m, sample: { ...m.sample, pullFiles: `${m.sample.pullFiles.length} files` } }, null, 2),
    );
  } else {
    const m = ensureStore(size, (l) => console.error(l));
    console.log(m.store);
  }
}
