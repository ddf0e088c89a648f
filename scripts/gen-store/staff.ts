// The staff of the generated store, who is on duty on a day, and the store's settings file
// (aftercare.yaml) with the empty folders beside it.
import type { StoreFiles } from "./files.js";
import { yaml, type Y } from "./yaml.js";

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
export const CLERK = "王芳"; // the follow-up clerk (A1)
export const ENGINEERING = "赵建国";
export const SUPERVISOR = "周敏";
export const present = (name: string, day: string) => {
  const s = STAFF.find((x) => x.name === name)!;
  return !s.left || day <= s.left;
};
/** 刘洋 joined in 2021, 黄磊 in 2020 (the staff list has no joining dates: they simply appear). */
const JOINED: Record<string, string> = { 刘洋: "2021-04-01", 黄磊: "2020-01-01" };
const onStaff = (role: StaffMember["role"], day: string) =>
  STAFF.filter((s) => s.role === role && present(s.name, day) && day >= (JOINED[s.name] ?? "")).map((s) => s.name);
export const clerksOn = (day: string) => onStaff("clerk", day);
export const techniciansOn = (day: string) => onStaff("technician", day);

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

/** The settings, the .gitignore and the record folders (each kept by a .gitkeep). */
export function writeSettings(files: StoreFiles): void {
  files.write("aftercare.yaml", settingsText());
  files.write(
    ".gitignore",
    "# derived cache and locks, always safe to delete\n.aftercare/\n# the temporary file of a write in progress (removed when it fails)\n.*.aftercare-*.tmp\n",
  );
  for (const f of ["customers", "tickets", "contacts", "events", "waivers", "reports", "templates"])
    files.write(`${f}/.gitkeep`, "");
}
