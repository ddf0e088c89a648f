// The customers: a fifth filed in the store's first two months (the existing base), the rest over
// the years, more of them later; Chinese (most) and English, with their people, phones, equipment
// and tags (a few "vip" and "年度合同" customers are the audiences of the events).
import { DECADE, START, TODAY } from "./config.js";
import { pathOf, type StoreFiles } from "./files.js";
import { chance, int, newId, pick, rnd } from "./random.js";
import { addDays, at, DAY, dayMs, dayOf, dt, HOUR, MIN, onOrAfter } from "./time.js";
import {
  BRANDS,
  CITIES,
  DISTRICTS,
  EN_FIRST,
  EN_NAMES,
  EN_PLACES,
  EN_TITLES,
  EN_TRADE,
  EQUIPMENT,
  GIVEN,
  ROADS,
  SUFFIXES,
  SURNAMES,
  TITLES,
  TRADES,
} from "./words.js";
import { yaml, type Rec } from "./yaml.js";

/** A customer as the tickets and events need it. */
export interface Cust {
  id: string;
  created: number;
  en: boolean;
  name: string;
  person: string;
  equipment: number[];
  tags: string[];
  tickets: number;
}

/** When each customer was filed, in order. */
function filingTimes(n: number): number[] {
  const span = dayMs(TODAY) - dayMs(START);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    let day: string;
    if (i === 0) day = START;
    else if (rnd() < 0.2) day = addDays(START, int(0, 60));
    else day = dayOf(dayMs(START) + Math.floor(Math.sqrt(rnd()) * (span - 20 * DAY)));
    times.push(at(onOrAfter(day), 9) + int(0, 7 * 60) * MIN);
  }
  times[0] = at(START, 8, 40);
  return times.sort((a, b) => a - b);
}

/** An English customer's name, people and address (`n`: a number to tell namesakes apart). */
function english(c: Cust, n: number, names: Set<string>): Rec {
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
  return { name, address: addr.replace("{n}", String(int(1, 200))), contacts: people };
}

/** A Chinese customer's name, people and address (`n`: a number to tell namesakes apart). */
function chinese(c: Cust, n: number, names: Set<string>): Rec {
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
  const rec = { name, address: `${city}市${pick(DISTRICTS)}${pick(ROADS)} ${int(1, 999)} 号`, contacts: people };
  if (chance(0.3)) c.tags.push(pick(["华东", "重点", "医疗", "冷链"]));
  return rec;
}

/** The customer's equipment, installed some time before it was filed. */
function equipment(c: Cust): Rec[] {
  c.equipment = Array.from(new Set(Array.from({ length: int(1, 3) }, () => int(0, EQUIPMENT.length - 1))));
  return c.equipment.map((e) => {
    const [zh, en, model] = EQUIPMENT[e]!;
    const installed = addDays(dayOf(c.created), -int(30, 2000));
    return {
      name: c.en ? en : zh,
      model,
      serial: chance(0.6)
        ? `${model.replace("-", "")}-${installed.slice(0, 4)}-${String(int(1, 9999)).padStart(4, "0")}`
        : undefined,
      installed: chance(0.5) ? installed : undefined,
    };
  });
}

function customer(created: number, names: Set<string>): { c: Cust; rec: Rec } {
  const en = chance(0.13);
  const c: Cust = { id: newId("C", created), created, en, name: "", person: "", equipment: [], tags: [], tickets: 0 };
  const n = int(1, 999);
  const rec = en ? english(c, n, names) : chinese(c, n, names);
  names.add(c.name);
  if (chance(0.03)) c.tags.push("vip");
  if (chance(0.03)) c.tags.push("年度合同");
  rec.tags = c.tags.length ? c.tags : undefined;
  rec.equipment = equipment(c);
  if (chance(0.1))
    rec.note = en
      ? "Prefers email; invoices to the head office"
      : pick(["客户要求上门前电话预约", "发票寄总部财务部", "夜间报修请拨值班手机", "厂区进门需登记"]);
  rec.created = dt(created);
  return { c, rec };
}

/** Files the store's customers, oldest first. */
export function writeCustomers(files: StoreFiles, scale: number): Cust[] {
  const names = new Set<string>();
  const customers: Cust[] = [];
  for (const created of filingTimes(Math.max(20, Math.round(DECADE.customers * scale)))) {
    const { c, rec } = customer(created, names);
    files.write(pathOf(c.id), yaml(rec));
    customers.push(c);
  }
  return customers;
}

/** A customer on file at `t`; older customers (a longer relationship) a little more often. */
export function customerAt(customers: Cust[], t: number): Cust {
  let lo = 0;
  let hi = customers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (customers[mid]!.created < t - HOUR) lo = mid + 1;
    else hi = mid;
  }
  const n = Math.max(1, lo);
  return customers[Math.floor((chance(0.3) ? rnd() ** 2 : rnd()) * n)]!;
}
