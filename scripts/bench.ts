// npm run bench [-- --customers N]: generate a store of realistic size (a department's years of
// work) and time the commands people run, through the real binary. Prints figures; asserts nothing.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { CROCKFORD } from "../src/domain/ids.js";
import { pathOf } from "../src/store/store.js";
import { stringifyRecord } from "../src/store/yaml.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CUSTOMERS = arg("customers", 1500);
const TICKETS = CUSTOMERS * 4;
const CONTACTS = CUSTOMERS * 10;
const BIN = resolve(dirname(new URL(import.meta.url).pathname), "..", "bin", "aftercare");

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const used = new Set<string>();
const id = (letter: string, day: string) => {
  for (;;) {
    const s = `${letter}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${Array.from({ length: 4 }, () => pick([...CROCKFORD])).join("")}`;
    if (!used.has(s)) return used.add(s), s;
  }
};
const dayBack = (n: number) => new Date(Date.UTC(2026, 10, 26) - n * 86_400_000).toISOString().slice(0, 10);
const stamp = (day: string, h = 9 + Math.floor(rnd() * 8)) => `${day}T${String(h).padStart(2, "0")}:${String(Math.floor(rnd() * 60)).padStart(2, "0")}:00+08:00`;

const root = mkdtempSync(join(tmpdir(), "aftercare-bench-"));
const write = (rel: string, value: object) => {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, stringifyRecord(value));
};
const t0 = performance.now();
writeFileSync(
  join(root, "aftercare.yaml"),
  stringifyRecord({ version: 1, company: "上海明远机电设备服务有限公司", timezone: "Asia/Shanghai", locale: "zh-CN", staff: ["王芳", "陈静", "刘洋", "李强", "张建华", "赵建国", "周敏"].map((name, i) => ({ name, role: ["clerk", "clerk", "clerk", "technician", "technician", "engineering", "supervisor"][i] })) }),
);
const cities = ["上海", "杭州", "苏州", "南京", "宁波", "无锡", "合肥", "Berlin", "Singapore"];
const customers: string[] = [];
for (let i = 0; i < CUSTOMERS; i++) {
  const day = dayBack(1500 + Math.floor(rnd() * 300));
  const c = id("C", day);
  customers.push(c);
  write(pathOf(c), { name: `${pick(cities)}${["精工", "华东", "明远", "恒通", "新能"][i % 5]}设备有限公司 ${i}`, address: `${pick(cities)}市某区某路 ${i} 号`, contacts: [{ name: `联系人${i}`, phones: [`021-${String(5550000 + i)}`] }], tags: i % 7 ? undefined : ["vip"], created: stamp(day) });
}
const tickets: { id: string; customer: string; day: string }[] = [];
for (let i = 0; i < TICKETS; i++) {
  const back = Math.floor(rnd() * 1400);
  const day = dayBack(back);
  const t = id("T", day);
  const customer = pick(customers);
  tickets.push({ id: t, customer, day });
  const done = back > 20 || rnd() < 0.5;
  write(pathOf(t), {
    customer,
    received: stamp(day),
    filed: stamp(day, 17),
    channel: pick(["phone", "fax", "email", "visit"]),
    kind: pick(["repair", "repair", "maintenance", "install", "consult", "complaint"]),
    problem: `设备故障 ${i}`,
    status: done ? "closed" : "dispatched",
    assignee: pick(["王芳", "陈静", "刘洋"]),
    dispatch: { technician: pick(["李强", "张建华"]), at: stamp(day, 17) },
    ...(done ? { resolution: { at: stamp(day, 18), note: "已修复" }, closed: stamp(day, 19) } : {}),
  });
}
for (let i = 0; i < CONTACTS; i++) {
  const t = pick(tickets);
  const day = t.day;
  const k = id("K", day);
  write(pathOf(k), { customer: t.customer, ticket: t.id, at: stamp(day, 18), channel: "call", direction: "out", purpose: "followup", staff: pick(["王芳", "陈静", "刘洋"]), summary: "回访", ...(i % 10 ? {} : { next: { date: dayBack(Math.floor(rnd() * 60) - 30), topic: "保养提醒" } }) });
}
const env = { ...process.env, AFTERCARE_USER: "王芳", AFTERCARE_NOW: "2026-11-26T09:00:00+08:00", GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "b@x", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "b@x" };
execFileSync("git", ["init", "-q"], { cwd: root, env });
execFileSync("git", ["add", "-A"], { cwd: root, env });
execFileSync("git", ["commit", "-qm", "bench store"], { cwd: root, env });
const genSeconds = (performance.now() - t0) / 1000;

const time = (args: string[], runs = 3) => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, env, encoding: "utf8", maxBuffer: 1 << 28 });
    ms.push(performance.now() - t);
    if (r.status !== 0 && !(args[0] === "check" && r.status === 1)) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
};
const rows: [string, number][] = [
  ["aftercare --help", time(["--help"])],
  ["aftercare due", time(["due"])],
  ["aftercare due --json", time(["due", "--json"])],
  ["aftercare ticket list", time(["ticket", "list"])],
  ["aftercare customer list --search 精工", time(["customer", "list", "--search", "精工"])],
  ["aftercare ticket show <id>", time(["ticket", "show", tickets[0]!.id])],
  ["aftercare check", time(["check"], 1)],
  ["aftercare report monthly 2026-10", time(["report", "monthly", "2026-10"], 1)],
  ["aftercare ticket open (write + commit)", time(["ticket", "open", "--customer", customers[0]!, "--problem", "bench"])],
];
console.log(`store: ${CUSTOMERS} customers, ${TICKETS} tickets, ${CONTACTS} contacts (generated in ${genSeconds.toFixed(1)} s) at ${root}`);
console.log(`node ${process.version}, median of 3 runs (1 for check and report)\n`);
const w = Math.max(...rows.map(([n]) => n.length));
for (const [name, ms] of rows) console.log(`${name.padEnd(w)}  ${ms.toFixed(0).padStart(6)} ms`);
if (!process.argv.includes("--keep")) rmSync(root, { recursive: true, force: true });
