// The settings of the sample store (aftercare.yaml): the department, its staff and the regulation's rules.

export const settings = `# aftercare store settings. Edit by hand or with 'aftercare staff add'; 'aftercare check' validates.
# The sample store of the README: an after-sales department in Shanghai.
version: 1
company: 上海明远机电设备服务有限公司
timezone: Asia/Shanghai
locale: zh-CN
staff:
  - name: 王芳
    role: clerk
    phone: "021-6888 0101"
    email: wangfang@mingyuan.example
    absences:
      - from: 2026-11-30
        to: 2026-12-04
        cover: 陈静
        note: 外出培训
  - name: 陈静
    role: clerk
    email: chenjing@mingyuan.example
  - name: 李强
    role: technician
    phone: "139 1600 2233"
  - name: 张建华
    role: technician
  - name: 赵建国
    role: engineering
    email: zhaojianguo@mingyuan.example
  - name: 周敏
    role: supervisor
    email: zhoumin@mingyuan.example
# The follow-up clerk the engineering supervisor appointed (A1): a ticket opened without
# --assignee is hers ('aftercare staff followup NAME').
followupClerk: 王芳
# Working days: Monday to Friday, the State Council's public holidays and make-up working days
# (source: cn, the chinese-days dataset); days of the store's own would go under holidays: and
# workdays: ('aftercare holidays add', 'aftercare holidays workday') and win over it.
calendar:
  source: cn
  workweek: [1, 2, 3, 4, 5]
# The regulation's deadlines (these are the defaults; change a number to change the rule).
rules:
  R-ESC-1DAY: { days: 1 }
  R-DISPATCH: { hours: 4 }
  R-FOLLOWUP-2: { from: 7, to: 14 }
  R-EVENT-NOTICE: { daysBefore: 14, letterWithin: 2 }
  R-MONTHLY: { days: 5, annualDays: 15 }
`;
