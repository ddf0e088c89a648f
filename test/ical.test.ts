// Calendars that update: each duty's event carries LAST-MODIFIED and SEQUENCE from its records'
// git history and its own changes of state (due, then overdue each morning), and a UID at the
// store's own ID, so a subscribed or re-imported calendar updates the event and two stores' duties
// never collide. Parsed by ical.js.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sequenceOf } from "../src/format/ical.js";
import { RECORDS, TICKET } from "./fixtures.js";
import { cleanEnv, cli, SETTINGS, tempDir, testStore } from "./helpers.js";

/** a commit at a given moment, as a desk would make it (by hand here, so its time is known) */
function commitAt(root: string, when: string, message: string) {
  const env = cleanEnv({ GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  execFileSync("git", ["add", "-A"], { cwd: root, env });
  execFileSync("git", ["-c", "user.name=王芳", "-c", "user.email=w@example.com", "commit", "--quiet", "-m", message], {
    cwd: root,
    env,
  });
}

function store(storeId?: string) {
  const root = testStore(RECORDS, { git: false, settings: SETTINGS + (storeId ? `storeId: ${storeId}\n` : "") });
  execFileSync("git", ["init", "--quiet", "--initial-branch=main"], { cwd: root, env: cleanEnv() });
  commitAt(root, "2026-11-20T12:00:00+08:00", "fixture");
  return root;
}

type Ev = { uid: string; lastModified: string; sequence: number; start: string };
const events = (text: string): Ev[] =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => ({
    uid: String(v.getFirstPropertyValue("uid")),
    lastModified: String(v.getFirstPropertyValue("last-modified")),
    sequence: Number(v.getFirstPropertyValue("sequence")),
    start: String(v.getFirstPropertyValue("dtstart")),
  }));
const esc = (list: Ev[]) => list.find((e) => e.uid.startsWith(`R-ESC-1DAY-${TICKET}@`))!;

describe("calendar: events that update", () => {
  it("LAST-MODIFIED is the record's last commit; a new commit to it raises SEQUENCE; so does each morning it stays overdue", async () => {
    const root = store("a1b2c3d4e5f60718");
    const first = esc(events((await cli(root, ["calendar"], { now: "2026-11-20T15:00:00+08:00" })).stdout));
    expect(first).toMatchObject({
      uid: `R-ESC-1DAY-${TICKET}@a1b2c3d4e5f60718.aftercare`,
      lastModified: "2026-11-20T04:00:00Z",
      sequence: sequenceOf(new Date("2026-11-20T04:00:00Z")),
    });
    // the same moment, asked again: the same event, to the byte
    expect((await cli(root, ["calendar"], { now: "2026-11-20T15:00:00+08:00" })).stdout).toBe(
      (await cli(root, ["calendar"], { now: "2026-11-20T15:00:00+08:00" })).stdout,
    );

    // another desk edits the ticket and commits at 14:00: its event changed
    const file = join(root, `tickets/2026/11/${TICKET}.yaml`);
    writeFileSync(file, readFileSync(file, "utf8").replace("request: 上门维修", "request: 上门维修，带备用接触器"));
    commitAt(root, "2026-11-20T14:00:00+08:00", "ticket edited");
    const second = esc(events((await cli(root, ["calendar"], { now: "2026-11-20T15:00:00+08:00" })).stdout));
    expect(second).toMatchObject({ uid: first.uid, lastModified: "2026-11-20T06:00:00Z" });
    expect(second.sequence).toBeGreaterThan(first.sequence);

    // overdue, the event sits on today: it changes each morning, and says so
    const day = async (now: string) => esc(events(await cli(root, ["calendar"], { now }).then((r) => r.stdout)));
    const tue = await day("2026-11-24T09:00:00+08:00");
    const wed = await day("2026-11-25T09:00:00+08:00");
    expect([tue.start, tue.lastModified, wed.start, wed.lastModified]).toEqual([
      "2026-11-24",
      "2026-11-23T16:00:00Z",
      "2026-11-25",
      "2026-11-24T16:00:00Z",
    ]);
    expect(wed.sequence).toBeGreaterThan(tue.sequence);
    expect(tue.sequence).toBeGreaterThan(second.sequence);
  });

  it("an event's description is in the store's language, as the morning list says it", async () => {
    const root = store("a1b2c3d4e5f60718");
    const description = async (locale: string) => {
      const text = (
        await cli(root, ["calendar"], { now: "2026-11-24T09:00:00+08:00", env: { AFTERCARE_LOCALE: locale } })
      ).stdout;
      const v = new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents("vevent")
        .find((e) => String(e.getFirstPropertyValue("uid")).startsWith(`R-ESC-1DAY-${TICKET}@`))!;
      return String(v.getFirstPropertyValue("description")).split("\n").slice(-3);
    };
    expect(await description("zh-CN")).toEqual([
      `记录 ${TICKET}`,
      "期限 2026-11-20 – 2026-11-23（逾期 1 天）",
      "负责人 王芳",
    ]);
    expect(await description("en")).toEqual([
      `record ${TICKET}`,
      "window 2026-11-20–2026-11-23 (overdue 1 d)",
      "for 王芳",
    ]);
  });

  it("the UID domain is the store's own: two stores differ; a store without storeId takes its first commit's, the same in every clone", async () => {
    const a = esc(events((await cli(store("a1b2c3d4e5f60718"), ["calendar"])).stdout)).uid;
    const b = esc(events((await cli(store("0f1e2d3c4b5a6978"), ["calendar"])).stdout)).uid;
    expect([a, b]).toEqual([
      `R-ESC-1DAY-${TICKET}@a1b2c3d4e5f60718.aftercare`,
      `R-ESC-1DAY-${TICKET}@0f1e2d3c4b5a6978.aftercare`,
    ]);
    const old = store();
    const clone = join(tempDir(), "clone");
    execFileSync("git", ["clone", "--quiet", old, clone], { env: cleanEnv() });
    const uidOld = esc(events((await cli(old, ["calendar"])).stdout)).uid;
    expect(uidOld).toMatch(new RegExp(`^R-ESC-1DAY-${TICKET}@[0-9a-f]{16}\\.aftercare$`));
    expect(esc(events((await cli(clone, ["calendar"])).stdout)).uid).toBe(uidOld);
    // another store of the same company, made apart, is another store
    expect(esc(events((await cli(testStore(RECORDS), ["calendar"])).stdout)).uid).not.toBe(uidOld);
  });

  it("init writes the store's ID; --output replaces the file whole, for a web server to serve", async () => {
    const dir = join(tempDir(), "desk");
    const init = await cli(tempDir(), [
      "init",
      dir,
      "--company",
      "上海明远机电设备有限公司",
      "--timezone",
      "Asia/Shanghai",
      "--locale",
      "zh-CN",
    ]);
    expect(init.code, init.stderr).toBe(0);
    expect(readFileSync(join(dir, "aftercare.yaml"), "utf8")).toMatch(/^storeId: [0-9a-f]{16}$/m);

    const root = store("a1b2c3d4e5f60718");
    const site = tempDir();
    writeFileSync(join(site, "duties.ics"), "old");
    const r = await cli(root, ["calendar", "--output", join(site, "duties.ics")], {
      env: { AFTERCARE_LOCALE: "zh-CN" },
    });
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: `已将 2 项工作写入 ${join(site, "duties.ics")}\n` });
    const text = readFileSync(join(site, "duties.ics"), "utf8");
    expect(text).toContain("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n");
    expect(events(text)).toHaveLength(2);
    expect(readdirSync(site)).toEqual(["duties.ics"]);
  });
});
