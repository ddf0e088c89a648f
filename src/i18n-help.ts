/* eslint-disable max-lines -- the help block of the catalogue: a table of every command's and flag's help in both languages, read key by key */
// The catalogue's help block (issue 13, items 1 and 4): every command's description and flag help,
// commander's own words (Usage:, Options:…), the dates and exit-codes text under help, and the
// sentences for wrong usage. src/i18n.ts spreads it into the one catalogue; flags modules name
// these keys (registry.ts's h()), and src/help/ renders them in the locale of what is shown.
import type { Entry } from "./i18n.js";

export const HELP = {
  // commander's own words
  "help.title.usage": { en: "Usage:", "zh-CN": "用法：" },
  "help.title.options": { en: "Options:", "zh-CN": "选项：" },
  "help.title.commands": { en: "Commands:", "zh-CN": "命令：" },
  "help.title.arguments": { en: "Arguments:", "zh-CN": "参数：" },
  "help.title.globalOptions": { en: "Global Options:", "zh-CN": "全局选项：" },
  "help.usage.options": { en: "[options]", "zh-CN": "[选项]" },
  "help.usage.command": { en: "[command]", "zh-CN": "[命令]" },
  "help.helpOption": { en: "display help for command", "zh-CN": "显示命令帮助" },
  "help.helpCommand": { en: "display help for command", "zh-CN": "显示命令帮助" },
  "help.choices": { en: "choices: {list}", "zh-CN": "可选：{list}" },
  "help.default": { en: "default: {value}", "zh-CN": "默认：{value}" },
  "help.listSep": { en: ", ", "zh-CN": "、" },
  "help.extra": { en: " ({info})", "zh-CN": "（{info}）" },
  // under every command's help (src/cli.ts)
  "help.exitCodes": {
    en: "\nExit codes: 0 done, 1 refused or failed (or problems found), 2 wrong usage, 3 saved but not committed to git, 130 cancelled.\nSee README.md for a day at the desk and docs/reliability.md for what each error promises.",
    "zh-CN":
      "\n退出码：0 完成，1 被拒绝或失败（或发现问题），2 用法错误，3 已保存但未提交到 git，130 已取消。\n服务台的一天见 README.md，各种错误的含义见 docs/reliability.md。",
  },
  // under each command with a <date> or <datetime> flag (registry.ts's withDates)
  "help.dates": {
    en:
      "\nDates and times as people write them, always in the store's time zone:\n" +
      "  dates  2026-12-07, 2026/12/07, 12-07, 12/7, 12月7日, today, yesterday, tomorrow, 今天, 昨天, 明天, 前天, 周一, 下周一, Monday, next Monday\n" +
      "  times  15:30, 上午9点, 下午3点半, 3pm (today)\n" +
      "  both   昨天 15:30, 2026/12/07 08:55, 12-07 08:55, yesterday 3pm; or now\n" +
      "A time still to come where the past is meant (--received 09:10 at 08:55) is refused with the earlier moment probably meant;\n" +
      "an hour without 上午/下午 that can be either (9点 at 22:00) is refused with both readings.",
    "zh-CN":
      "\n日期和时间按平常的写法填写，一律按数据目录的时区：\n" +
      "  日期  2026-12-07、2026/12/07、12-07、12/7、12月7日、今天、昨天、明天、前天、周一、下周一；也接受 today、yesterday、tomorrow、Monday、next Monday\n" +
      "  时间  15:30、上午9点、下午3点半；也接受 3pm（今天）\n" +
      "  日期加时间  昨天 15:30、2026/12/07 08:55、12-07 08:55；也接受 yesterday 3pm；或 now（现在）\n" +
      "应填过去时刻却填了将来的时间（08:55 时填 --received 09:10）会被拒绝，并提示可能指的较早时刻；\n" +
      "未写上午/下午、两种理解都可能的钟点（22:00 时填 9点）会被拒绝，并列出两种理解。",
  },
  // wrong usage, one line each (src/help/usage.ts maps commander's errors by their code)
  "usage.unknownOption": { en: "unknown option '{flag}'", "zh-CN": "没有参数 '{flag}'" },
  "usage.unknownCommand": { en: "unknown command '{name}'", "zh-CN": "没有命令 '{name}'" },
  "usage.didYouMean": { en: " (Did you mean {suggestion}?)", "zh-CN": "（您是不是要输入 {suggestion}？）" },
  "usage.missingArgument": { en: "missing required argument '{name}'", "zh-CN": "缺少必填的 '{name}'" },
  "usage.optionMissingArgument": { en: "option '{flag}' argument missing", "zh-CN": "参数 '{flag}' 缺少取值" },
  "usage.invalidChoice": {
    en: "option '{flag}' argument '{value}' is invalid. Allowed choices are {choices}.",
    "zh-CN": "参数 '{flag}' 的取值 '{value}' 无效，可选：{choices}。",
  },
  "usage.invalidArgument": {
    en: "command-argument value '{value}' is invalid for argument '{name}'. Allowed choices are {choices}.",
    "zh-CN": "'{name}' 的取值 '{value}' 无效，可选：{choices}。",
  },
  "usage.excessArguments": {
    en: {
      one: "too many arguments{for}. Expected {n} argument but got {got}.",
      other: "too many arguments{for}. Expected {n} arguments but got {got}.",
    },
    "zh-CN": "{for}参数太多：应有 {n} 个，实际给了 {got} 个。",
  },
  "usage.for": { en: " for '{name}'", "zh-CN": "'{name}' 的" },
  "usage.conflictingOption": {
    en: "option '{flag}' cannot be used with option '{other}'",
    "zh-CN": "参数 '{flag}' 不能与 '{other}' 同时使用",
  },
  // after a command's help (registry.ts helpAfter)
  "help.call.log.after": {
    en: "\nA call logged without a ticket can be linked later: aftercare contact link K-… --ticket T-…",
    "zh-CN": "\n未关联工单的电话可以稍后关联：aftercare contact link K-… --ticket T-…",
  },
  "help.contact.link.after": {
    en: "\nExample: aftercare contact link K-261110-7K3F --ticket T-261102-2MWC",
    "zh-CN": "\n例如：aftercare contact link K-261110-7K3F --ticket T-261102-2MWC",
  },
  // every command's description and flag help, by the command's words
  "help.program": {
    en: "A service desk for after-sales work: customers, tickets, calls and letters kept as YAML in git.",
    "zh-CN": "售后服务台：客户、工单、回访电话和信函以 YAML 保存在 git 中。",
  },
  "help.program.version": {
    en: "output the version number",
    "zh-CN": "显示版本号",
  },
  "help.program.records": {
    en: "the store (default: $AFTERCARE_RECORDS, else the nearest folder upward with aftercare.yaml)",
    "zh-CN": "数据目录（默认：$AFTERCARE_RECORDS，否则向上查找最近的含 aftercare.yaml 的目录）",
  },
  "help.program.as": {
    en: "who is acting (default: $AFTERCARE_USER, else git's user.name)",
    "zh-CN": "经办人（默认：$AFTERCARE_USER，否则取 git 的 user.name）",
  },
  "help.program.now": {
    en: "pretend it is this moment (default: $AFTERCARE_NOW, else the clock)",
    "zh-CN": "按此时刻办理（默认：$AFTERCARE_NOW，否则取当前时间）",
  },
  "help.program.json": {
    en: "print data as JSON",
    "zh-CN": "以 JSON 输出数据",
  },
  "help.program.locale": {
    en: "language of what is shown (default: $AFTERCARE_LOCALE, else the store's)",
    "zh-CN": "显示语言（默认：$AFTERCARE_LOCALE，否则取数据目录的设置）",
  },
  "help.program.input": {
    en: "never prompt; a missing flag is an error",
    "zh-CN": "从不提问；缺少的参数按错误处理",
  },
  "help.program.color": {
    en: "no colour, even on a terminal",
    "zh-CN": "不用彩色，即使在终端中",
  },
  "help.program.debug": {
    en: "show stack traces of internal errors",
    "zh-CN": "内部错误时显示调用栈",
  },
  "help.init": {
    en: "create a store: aftercare.yaml, the folders, a git repository and its first commit; --locale zh-CN|en sets its language",
    "zh-CN": "新建数据目录：aftercare.yaml、各文件夹、git 仓库及首次提交；--locale zh-CN|en 设定其语言",
  },
  "help.init.company": {
    en: "the company's name (required for a new store)",
    "zh-CN": "公司名称（新建时必填）",
  },
  "help.init.timezone": {
    en: "IANA time zone the company works in (default: this machine's)",
    "zh-CN": "公司所在的 IANA 时区（默认：本机时区）",
  },
  "help.init.hooks": {
    en: "in an existing store (a fresh clone): install the pre-commit and pre-push checks and the field-by-field merge driver",
    "zh-CN": "在已有的数据目录（刚克隆的副本）中：安装提交前和推送前检查，以及逐字段合并驱动",
  },
  "help.init.server": {
    en: "make a bare git repository at PATH for the desks to sync with (its HEAD the store's branch), the store's origin, and send the store to it",
    "zh-CN": "在 PATH 处建立供各服务台同步的裸 git 仓库（其 HEAD 为数据目录的分支），设为 origin 并推送",
  },
  "help.staff": {
    en: "the staff list in aftercare.yaml",
    "zh-CN": "aftercare.yaml 中的人员名单",
  },
  "help.staff.add": {
    en: "add a staff member",
    "zh-CN": "添加人员",
  },
  "help.staff.add.role": {
    en: "what they do",
    "zh-CN": "岗位",
  },
  "help.staff.add.phone": {
    en: "their phone",
    "zh-CN": "电话",
  },
  "help.staff.add.email": {
    en: "their e-mail (used as the commit author's)",
    "zh-CN": "电子邮箱（用作提交作者的邮箱）",
  },
  "help.staff.list": {
    en: "list the staff, their absences and the follow-up clerk",
    "zh-CN": "列出人员、缺勤情况和回访专员",
  },
  "help.staff.followup": {
    en: "appoint the follow-up clerk (A1): a ticket opened without --assignee is theirs",
    "zh-CN": "指定回访专员（A1）：未给 --assignee 的新工单归其负责",
  },
  "help.staff.absent": {
    en: "record an absence; while it lasts, the person's open duties go to the cover (R-COVER)",
    "zh-CN": "登记缺勤；缺勤期间，此人未完成的工作转给代班人（R-COVER）",
  },
  "help.staff.absent.from": {
    en: "first day away",
    "zh-CN": "缺勤首日",
  },
  "help.staff.absent.to": {
    en: "last day away",
    "zh-CN": "缺勤末日",
  },
  "help.staff.absent.cover": {
    en: "who stands in (present on all those days)",
    "zh-CN": "代班人（这些天都须在岗）",
  },
  "help.shared.note": {
    en: "why",
    "zh-CN": "原因",
  },
  "help.customer": {
    en: "customer files (form 1 of the regulation)",
    "zh-CN": "客户档案（本制度表一）",
  },
  "help.customer.add": {
    en: "file a new customer",
    "zh-CN": "建立新客户档案",
  },
  "help.customer.add.name": {
    en: "the customer's organisation or name",
    "zh-CN": "客户单位或姓名",
  },
  "help.customer.add.allowDuplicate": {
    en: "add even if a customer of the same name exists",
    "zh-CN": "即使已有同名客户也添加",
  },
  "help.shared.address": {
    en: "postal address",
    "zh-CN": "通信地址",
  },
  "help.shared.contact": {
    en: "contact person (added, or updated when the name exists)",
    "zh-CN": "联系人（新增；同名时更新）",
  },
  "help.shared.title": {
    en: "the contact person's position",
    "zh-CN": "联系人职务",
  },
  "help.shared.phone": {
    en: "contact phone (repeatable)",
    "zh-CN": "联系电话（可重复）",
  },
  "help.shared.email": {
    en: "contact e-mail",
    "zh-CN": "联系人电子邮箱",
  },
  "help.shared.tag": {
    en: "tag, e.g. vip or a region (repeatable)",
    "zh-CN": "标签，如 vip 或地区（可重复）",
  },
  "help.shared.equipment": {
    en: "equipment the customer runs (repeatable)",
    "zh-CN": "客户使用的设备（可重复）",
  },
  "help.shared.vehicle": {
    en: "a vehicle's plate (repeatable)",
    "zh-CN": "车牌号（可重复）",
  },
  "help.shared.note2": {
    en: "free note",
    "zh-CN": "备注",
  },
  "help.customer.list": {
    en: "list customers",
    "zh-CN": "列出客户",
  },
  "help.customer.list.search": {
    en: "match name, contact, phone digits, address or tag",
    "zh-CN": "按名称、联系人、电话号码、地址或标签查找",
  },
  "help.customer.show": {
    en: "a customer's file, tickets and contacts (ID, prefix or name)",
    "zh-CN": "客户档案、工单和联系记录（编号、编号前缀或名称）",
  },
  "help.customer.edit": {
    en: "change a customer: with flags, or in $EDITOR when none are given",
    "zh-CN": "修改客户：用参数，或不给参数时在 $EDITOR 中修改",
  },
  "help.customer.edit.name": {
    en: "new name",
    "zh-CN": "新名称",
  },
  "help.customer.edit.untag": {
    en: "remove a tag (repeatable)",
    "zh-CN": "删除标签（可重复）",
  },
  "help.ticket": {
    en: "tickets: repair, installation, maintenance, consultation, complaint",
    "zh-CN": "工单：维修、安装、保养、咨询、投诉",
  },
  "help.ticket.open": {
    en: "open a ticket for a customer's request; at a terminal, asks for what is missing",
    "zh-CN": "为客户的请求开工单；在终端中会询问缺少的内容",
  },
  "help.ticket.open.customer": {
    en: "the customer: ID, prefix, name, contact or phone",
    "zh-CN": "客户：编号、编号前缀、名称、联系人或电话",
  },
  "help.shared.problem": {
    en: "the problem as the customer reports it",
    "zh-CN": "客户所述的问题",
  },
  "help.ticket.open.request": {
    en: "the service the customer wants",
    "zh-CN": "客户要求的服务",
  },
  "help.ticket.open.kind": {
    en: "kind of request (default: repair)",
    "zh-CN": "请求类型（默认：repair 维修）",
  },
  "help.ticket.open.channel": {
    en: "how it came in: {channels}, or one the store adds under channels: in aftercare.yaml; its word will do too (微信, WeChat) (default: phone)",
    "zh-CN":
      "受理渠道：{channels}，或在 aftercare.yaml 的 channels: 中添加的渠道；也可写中文（微信）（默认：phone 电话）",
  },
  "help.ticket.open.received": {
    en: "when it came in (default: now)",
    "zh-CN": "受理时间（默认：现在）",
  },
  "help.ticket.open.assignee": {
    en: "staff member handling it (default: the follow-up clerk, else you)",
    "zh-CN": "负责人员（默认：回访专员，否则为您本人）",
  },
  "help.ticket.open.appointment": {
    en: "with --kind shop: the agreed time the vehicle comes in, still to come (C-APPOINTMENT)",
    "zh-CN": "配合 --kind shop：约定的车辆进厂时间，须在将来（C-APPOINTMENT）",
  },
  "help.ticket.open.nextDate": {
    en: "the planned next contact, today or later (R-NEXT-SERVICE); asked at a terminal",
    "zh-CN": "计划的下次联系日期，今天或以后（R-NEXT-SERVICE）；在终端中会询问",
  },
  "help.shared.nextTopic": {
    en: "what the next contact is about",
    "zh-CN": "下次联系的事由",
  },
  "help.ticket.list": {
    en: "list tickets (default: the ones not yet resolved)",
    "zh-CN": "列出工单（默认：尚未解决的）",
  },
  "help.ticket.list.status": {
    en: "open, escalated, dispatched, onsite, resolved, closed, cancelled (comma-separated), or all",
    "zh-CN": "open、escalated、dispatched、onsite、resolved、closed、cancelled（逗号分隔），或 all",
  },
  "help.ticket.list.customer": {
    en: "only this customer's",
    "zh-CN": "只列此客户的",
  },
  "help.ticket.list.assignee": {
    en: "only those assigned or dispatched to this person",
    "zh-CN": "只列指派或派给此人的",
  },
  "help.ticket.show": {
    en: "a ticket and its contacts",
    "zh-CN": "一张工单及其联系记录",
  },
  "help.ticket.escalate": {
    en: "report to the engineering supervisor (R-ESC-1DAY)",
    "zh-CN": "上报工程主管（R-ESC-1DAY）",
  },
  "help.ticket.escalate.to": {
    en: "the engineering supervisor (default: the one staff member with role engineering)",
    "zh-CN": "工程主管（默认：岗位为 engineering 的那位人员）",
  },
  "help.ticket.escalate.note": {
    en: "what could not be answered",
    "zh-CN": "未能答复的内容",
  },
  "help.shared.at": {
    en: "when it happened (default: now)",
    "zh-CN": "发生时间（默认：现在）",
  },
  "help.ticket.dispatch": {
    en: "send a technician (R-DISPATCH)",
    "zh-CN": "派技术人员上门（R-DISPATCH）",
  },
  "help.ticket.dispatch.technician": {
    en: "who goes",
    "zh-CN": "上门人员",
  },
  "help.ticket.dispatch.depart": {
    en: "when they leave",
    "zh-CN": "出发时间",
  },
  "help.ticket.dispatch.arrive": {
    en: "when they arrive",
    "zh-CN": "到达时间",
  },
  "help.ticket.schedule": {
    en: "nobody can be sent at once: when the on-site job is scheduled and why, to tell the customer (R-DISPATCH)",
    "zh-CN": "无法立即派人：约定上门日期及原因，以便告知客户（R-DISPATCH）",
  },
  "help.ticket.schedule.date": {
    en: "the day a technician is planned to go, today or later",
    "zh-CN": "计划派人上门的日期，今天或以后",
  },
  "help.ticket.schedule.reason": {
    en: "why nobody can go at once",
    "zh-CN": "无法立即派人的原因",
  },
  "help.ticket.arrive": {
    en: "the technician is on site",
    "zh-CN": "技术人员已到现场",
  },
  "help.ticket.resolve": {
    en: "note the solution (the customer is told the same day, R-ANSWER-SAME-DAY)",
    "zh-CN": "记录解决办法（当天告知客户，R-ANSWER-SAME-DAY）",
  },
  "help.ticket.resolve.note": {
    en: "what solved it",
    "zh-CN": "解决办法",
  },
  "help.ticket.close": {
    en: "close a resolved ticket, planning the next contact (R-NEXT-SERVICE; asked at a terminal)",
    "zh-CN": "结案已解决的工单，并计划下次联系（R-NEXT-SERVICE；在终端中会询问）",
  },
  "help.ticket.close.nextDate": {
    en: "the planned next contact, today or later",
    "zh-CN": "计划的下次联系日期，今天或以后",
  },
  "help.ticket.cancel": {
    en: "cancel a ticket (its duties no longer apply)",
    "zh-CN": "撤销工单（其各项工作不再适用）",
  },
  "help.ticket.cancel.reason": {
    en: "why (required; asked at a terminal)",
    "zh-CN": "撤销原因（必填；在终端中会询问）",
  },
  "help.ticket.reopen": {
    en: "reopen a resolved, closed or cancelled ticket",
    "zh-CN": "重新打开已解决、已结案或已撤销的工单",
  },
  "help.ticket.edit": {
    en: "correct what a ticket records, with flags or in $EDITOR when none are given; checked as ticket open checks it, one commit",
    "zh-CN": "更正工单的记录：用参数，或不给参数时在 $EDITOR 中修改；按开工单时的规则检查，一次提交",
  },
  "help.ticket.edit.received": {
    en: "when it came in",
    "zh-CN": "受理时间",
  },
  "help.ticket.edit.channel": {
    en: "how it came in: {channels}, or one the store adds under channels: in aftercare.yaml; its word will do too (微信, WeChat)",
    "zh-CN": "受理渠道：{channels}，或在 aftercare.yaml 的 channels: 中添加的渠道；也可写中文（微信）",
  },
  "help.ticket.edit.kind": {
    en: "kind of request",
    "zh-CN": "请求类型",
  },
  "help.ticket.edit.request": {
    en: "the service the customer wants (empty to remove)",
    "zh-CN": "客户要求的服务（留空则删除）",
  },
  "help.ticket.edit.assignee": {
    en: "staff member handling it",
    "zh-CN": "负责人员",
  },
  "help.ticket.edit.appointment": {
    en: "with kind shop: the agreed time the vehicle comes in",
    "zh-CN": "类型为 shop 时：约定的车辆进厂时间",
  },
  "help.ticket.intake": {
    en: "receive a vehicle (C-INTAKE): plate, odometer, fuel, key tag, papers, damage, belongings; --json reads them from stdin",
    "zh-CN": "车辆接车（C-INTAKE）：车牌、里程、油量、钥匙牌、证件、损伤、车内物品；配合 --json 从标准输入读取",
  },
  "help.ticket.intake.plate": {
    en: "number plate",
    "zh-CN": "车牌号",
  },
  "help.ticket.intake.odometer": {
    en: "odometer reading in km",
    "zh-CN": "里程表读数（公里）",
  },
  "help.ticket.intake.fuel": {
    en: "fuel gauge, e.g. 1/2",
    "zh-CN": "油量表，如 1/2",
  },
  "help.ticket.intake.keyTag": {
    en: "number of the key tag in the key cabinet",
    "zh-CN": "钥匙柜中的钥匙牌号",
  },
  "help.ticket.intake.model": {
    en: "vehicle model",
    "zh-CN": "车型",
  },
  "help.ticket.intake.vin": {
    en: "vehicle identification number",
    "zh-CN": "车架号（VIN）",
  },
  "help.ticket.intake.belonging": {
    en: "a tool or belonging left in the vehicle (repeatable)",
    "zh-CN": "留在车内的工具或物品（可重复）",
  },
  "help.ticket.intake.damage": {
    en: "damage noted on body, interior, instruments or seats (repeatable)",
    "zh-CN": "车身、内饰、仪表或座椅上已有的损伤（可重复）",
  },
  "help.ticket.intake.papers": {
    en: '"ok" when the papers are valid and complete, else what is wrong',
    "zh-CN": '证件齐全有效时写 "ok"，否则写明问题',
  },
  "help.ticket.estimate": {
    en: "diagnosis and estimate (C-DIAGNOSIS, C-ESTIMATE, C-PARTS)",
    "zh-CN": "故障诊断与估价（C-DIAGNOSIS、C-ESTIMATE、C-PARTS）",
  },
  "help.ticket.estimate.mode": {
    en: "estimate by system, by symptom or by item",
    "zh-CN": "按系统、按症状或按项目估价",
  },
  "help.ticket.estimate.line": {
    en: 'a line (repeatable): "TEXT; labour=350.00; part=NAME/FROM/GRADE/AMOUNT; critical", FROM "us" or "customer", GRADE "genuine" or "aftermarket"',
    "zh-CN":
      '一行（可重复）："内容; labour=350.00; part=名称/供应方/品质/金额; critical"，供应方填 "us"（本店）或 "customer"（客户自带），品质填 "genuine"（原厂件）或 "aftermarket"（副厂件）',
  },
  "help.ticket.estimate.diagnosis": {
    en: "the fault found",
    "zh-CN": "查出的故障",
  },
  "help.ticket.estimate.advice": {
    en: "the advice given to the customer",
    "zh-CN": "给客户的建议",
  },
  "help.ticket.estimate.diagnosisFee": {
    en: "charged when the customer leaves without the repair",
    "zh-CN": "客户不修而离开时收取的检测费",
  },
  "help.ticket.handover": {
    en: "hand the vehicle to the workshop with a promised completion, after the intake (C-PROMISE, C-WORKSHOP-HANDOVER)",
    "zh-CN": "接车后把车辆交给车间，并承诺完工时间（C-PROMISE、C-WORKSHOP-HANDOVER）",
  },
  "help.ticket.handover.receiver": {
    en: "who in the workshop signs for it",
    "zh-CN": "车间签收人",
  },
  "help.ticket.handover.promise": {
    en: "the completion time promised to the customer",
    "zh-CN": "向客户承诺的完工时间",
  },
  "help.ticket.handover.at": {
    en: "when (default: now; recorded to the nearest ten minutes)",
    "zh-CN": "交车时间（默认：现在；按十分钟取整记录）",
  },
  "help.ticket.promise": {
    en: "revise the promised completion of a vehicle in the workshop, e.g. after approved extra work (C-PROMISE)",
    "zh-CN": "修改车间中车辆的承诺完工时间，如客户同意增项后（C-PROMISE）",
  },
  "help.ticket.promise.promise": {
    en: "the completion time now promised, still to come",
    "zh-CN": "新承诺的完工时间，须在将来",
  },
  "help.ticket.promise.reason": {
    en: "why it changes",
    "zh-CN": "修改原因",
  },
  "help.ticket.promise.at": {
    en: "when the customer was given the new promise (default: now)",
    "zh-CN": "告知客户新承诺的时间（默认：现在）",
  },
  "help.ticket.extra": {
    en: "extra work the workshop found (C-EXTRA-WORK); prints the request's number",
    "zh-CN": "车间发现的增项（C-EXTRA-WORK）；输出该增项申请的序号",
  },
  "help.ticket.extra.item": {
    en: "what the extra work is",
    "zh-CN": "增项内容",
  },
  "help.ticket.extra.safety": {
    en: "it concerns safety: stress it to the customer",
    "zh-CN": "涉及安全：须向客户着重说明",
  },
  "help.ticket.extra.effect": {
    en: "its effect on the completion time",
    "zh-CN": "对完工时间的影响",
  },
  "help.ticket.extra.amount": {
    en: "its price",
    "zh-CN": "金额",
  },
  "help.ticket.answer": {
    en: "the customer's answer on extra-work request N",
    "zh-CN": "客户对第 N 号增项申请的答复",
  },
  "help.ticket.answer.approved": {
    en: "the customer agrees",
    "zh-CN": "客户同意",
  },
  "help.ticket.answer.declined": {
    en: "the customer declines (it stays on record)",
    "zh-CN": "客户不同意（仍留记录）",
  },
  "help.ticket.answer.by": {
    en: "who answered for the customer",
    "zh-CN": "代表客户答复的人",
  },
  "help.ticket.answer.via": {
    en: "how the answer came",
    "zh-CN": "答复方式",
  },
  "help.ticket.answer.passed": {
    en: "when it was passed to the workshop (default: when answered)",
    "zh-CN": "转告车间的时间（默认：答复时间）",
  },
  "help.ticket.answer.at": {
    en: "when the customer answered (default: now)",
    "zh-CN": "客户答复的时间（默认：现在）",
  },
  "help.ticket.progress": {
    en: "the progress check with the workshop (C-PROGRESS-CHECK)",
    "zh-CN": "向车间查询进度（C-PROGRESS-CHECK）",
  },
  "help.ticket.progress.note": {
    en: "how the job stands, anything abnormal",
    "zh-CN": "作业进展及异常情况",
  },
  "help.ticket.progress.finish": {
    en: "when the workshop now expects to finish",
    "zh-CN": "车间现在预计的完工时间",
  },
  "help.ticket.ready": {
    en: "the job is done: belongings counted back, bill totalled; the pick-up call becomes due (C-READY-NOTICE)",
    "zh-CN": "完工：清点车内物品，结算账单；随后应致电通知取车（C-READY-NOTICE）",
  },
  "help.ticket.ready.missing": {
    en: "belongings that could not be found",
    "zh-CN": "找不到的物品",
  },
  "help.ticket.ready.bill": {
    en: "the bill (default: the estimate plus approved extra work)",
    "zh-CN": "账单金额（默认：估价加已同意的增项）",
  },
  "help.ticket.ready.note": {
    en: "remarks",
    "zh-CN": "备注",
  },
  "help.ticket.deliver": {
    en: "the customer collects the vehicle and pays; follow-ups count from now",
    "zh-CN": "客户取车付款；回访从此刻起计",
  },
  "help.ticket.deliver.paid": {
    en: "the amount paid, e.g. 1280.00",
    "zh-CN": "实付金额，如 1280.00",
  },
  "help.ticket.deliver.nextDate": {
    en: "the planned next contact, today or later (asked at a terminal)",
    "zh-CN": "计划的下次联系日期，今天或以后（在终端中会询问）",
  },
  "help.call": {
    en: "phone calls (R-RECORD-CALL, R-CALL-REGISTER)",
    "zh-CN": "电话（R-RECORD-CALL、R-CALL-REGISTER）",
  },
  "help.call.log": {
    en: "log a call, inbound or outbound; without --ticket, linked to the customer's ticket whose open duty it answers when there is exactly one",
    "zh-CN": "登记一次来电或去电；未给 --ticket 时，若恰有一张工单的待办工作由此电话完成，则关联到该工单",
  },
  "help.shared.customer": {
    en: "the customer (optional with --ticket)",
    "zh-CN": "客户（给了 --ticket 时可省略）",
  },
  "help.call.log.ticket": {
    en: "the ticket the call is about (default: found from the duty the call closes)",
    "zh-CN": "电话所涉工单（默认：由此电话完成的待办工作找出）",
  },
  "help.call.log.event": {
    en: "the event the call announces (R-EVENT-NOTICE)",
    "zh-CN": "电话通知的活动（R-EVENT-NOTICE）",
  },
  "help.shared.direction": {
    en: "in (they called) or out (we called)",
    "zh-CN": "in（客户来电）或 out（我方去电）",
  },
  "help.call.log.purpose": {
    en: "what the call was for",
    "zh-CN": "通话目的",
  },
  "help.call.log.summary": {
    en: "the key points of the conversation",
    "zh-CN": "通话要点",
  },
  "help.call.log.at": {
    en: "when (default: now)",
    "zh-CN": "通话时间（默认：现在）",
  },
  "help.shared.person": {
    en: "who we spoke to",
    "zh-CN": "通话对象",
  },
  "help.call.log.request": {
    en: "a request the customer made (repeatable)",
    "zh-CN": "客户提出的要求（可重复）",
  },
  "help.call.log.complaint": {
    en: "a complaint the customer made (repeatable)",
    "zh-CN": "客户提出的投诉（可重复）",
  },
  "help.shared.satisfaction": {
    en: "the customer's satisfaction, 1 (poor) to 5 (excellent)",
    "zh-CN": "客户满意度，1（差）到 5（很好）",
  },
  "help.call.log.nextDate": {
    en: "the planned next contact (R-NEXT-SERVICE)",
    "zh-CN": "计划的下次联系日期（R-NEXT-SERVICE）",
  },
  "help.call.log.told": {
    en: "with --direction in: the customer was told in this call what a duty asks (the solution, a notice)",
    "zh-CN": "配合 --direction in：已在这次来电中告知客户某项工作要求告知的内容（解决办法、通知）",
  },
  "help.call.log.plan": {
    en: "the contact (K-…) or ticket (T-…) whose planned next contact this call carries out",
    "zh-CN": "此电话执行的是哪条联系记录（K-…）或工单（T-…）计划的下次联系",
  },
  "help.call.edit": {
    en: "correct a logged call (the same as contact edit)",
    "zh-CN": "更正已登记的电话（同 contact edit）",
  },
  "help.shared.at2": {
    en: "when it happened (a letter: the day it was sent)",
    "zh-CN": "发生时间（信函：寄出日期）",
  },
  "help.shared.purpose": {
    en: "what it was for",
    "zh-CN": "目的",
  },
  "help.shared.summary": {
    en: "the key points",
    "zh-CN": "要点",
  },
  "help.shared.told": {
    en: "an inbound call in which the customer was told what a duty asks",
    "zh-CN": "标为来电，且已在其中告知客户某项工作要求告知的内容",
  },
  "help.shared.notTold": {
    en: "remove the told mark",
    "zh-CN": "去掉“已告知”标记",
  },
  "help.letter": {
    en: "letters: notices, invitations, replies (R-LETTER-REGISTER)",
    "zh-CN": "信函：通知、邀请、答复（R-LETTER-REGISTER）",
  },
  "help.letter.log": {
    en: "log a letter sent to a customer",
    "zh-CN": "登记寄给客户的信函",
  },
  "help.letter.log.ticket": {
    en: "the ticket the letter is about",
    "zh-CN": "信函所涉工单",
  },
  "help.letter.log.event": {
    en: "the event the letter announces (R-EVENT-NOTICE)",
    "zh-CN": "信函通知的活动（R-EVENT-NOTICE）",
  },
  "help.letter.log.kind": {
    en: "notice, invitation or reply",
    "zh-CN": "notice（通知）、invitation（邀请）或 reply（答复）",
  },
  "help.letter.log.subject": {
    en: "the letter's subject",
    "zh-CN": "信函标题",
  },
  "help.letter.log.sent": {
    en: "when it was sent (default: today)",
    "zh-CN": "寄出日期（默认：今天）",
  },
  "help.letter.log.summary": {
    en: "what it says",
    "zh-CN": "信函内容",
  },
  "help.letter.log.plan": {
    en: "the contact (K-…) or ticket (T-…) whose planned next contact this letter carries out",
    "zh-CN": "此信函执行的是哪条联系记录（K-…）或工单（T-…）计划的下次联系",
  },
  "help.contact": {
    en: "correct a logged call or letter after the fact; each change is one commit and says which duties the contact now closes",
    "zh-CN": "事后更正已登记的电话或信函；每次修改一次提交，并说明此联系现在完成了哪些工作",
  },
  "help.contact.link": {
    en: "link a contact to its ticket, event or planned contact",
    "zh-CN": "把联系记录关联到工单、活动或计划的联系",
  },
  "help.contact.link.ticket": {
    en: "the ticket it is about (the same customer's)",
    "zh-CN": "所涉工单（须为同一客户的）",
  },
  "help.contact.link.event": {
    en: "the event it announces (R-EVENT-NOTICE)",
    "zh-CN": "所通知的活动（R-EVENT-NOTICE）",
  },
  "help.contact.link.plan": {
    en: "the contact (K-…) or ticket (T-…) whose planned next contact it carries out",
    "zh-CN": "此联系执行的是哪条联系记录（K-…）或工单（T-…）计划的下次联系",
  },
  "help.contact.unlink": {
    en: "remove a contact's link (default: its ticket)",
    "zh-CN": "取消联系记录的关联（默认：其工单）",
  },
  "help.contact.unlink.ticket": {
    en: "unlink the ticket",
    "zh-CN": "取消工单关联",
  },
  "help.contact.unlink.event": {
    en: "unlink the event",
    "zh-CN": "取消活动关联",
  },
  "help.contact.unlink.plan": {
    en: "unlink the planned contact",
    "zh-CN": "取消计划联系的关联",
  },
  "help.contact.edit": {
    en: "correct what a contact records",
    "zh-CN": "更正联系记录的内容",
  },
  "help.check": {
    en: "validate every record: prints path:line:col: message per problem, nothing when clean; exit 1 when any",
    "zh-CN": "校验全部记录：每个问题输出一行 路径:行:列: 说明，无问题时不输出；有问题时退出码为 1",
  },
  "help.check.staged": {
    en: "check what git would commit (the index) instead of the files; the pre-commit hook runs this",
    "zh-CN": "检查 git 将要提交的内容（暂存区）而非文件；提交前钩子运行此项",
  },
  "help.check.full": {
    en: "check every file, not only what changed since the last clean check",
    "zh-CN": "检查每个文件，而不只是上次检查通过后改动的",
  },
  "help.reindex": {
    en: "rebuild the derived index under .aftercare/ from the record files (never needed for correctness; reads bring it up to date themselves)",
    "zh-CN": "根据记录文件重建 .aftercare/ 下的派生索引（正确性从不依赖于此；读取时会自动更新）",
  },
  "help.doctor": {
    en: "find what a crash, a full disk or a bad merge left (uncommitted records, stale locks, temp files, duplicates, misplaced files, conflict markers, stale hooks), one line each with what to do; exit 1 when anything is found",
    "zh-CN":
      "查找崩溃、磁盘满或合并出错留下的问题（未提交的记录、过期的锁、临时文件、重复、放错位置的文件、冲突标记、过期的钩子），每项一行并说明处理办法；发现问题时退出码为 1",
  },
  "help.doctor.fix": {
    en: "repair what is safe and commit it: uncommitted valid records, orphan temp files, stale locks, hooks and merge driver; never deletes a record",
    "zh-CN": "修复可安全修复的并提交：未提交的有效记录、遗留临时文件、过期的锁、钩子和合并驱动；从不删除记录",
  },
  "help.sync": {
    en: "bring in what other desks sent (a merge; lists merge as sets), check what is to be sent, send it; say what came in",
    "zh-CN": "取回其他服务台发来的内容（合并；列表按集合合并），检查待发送的内容并发送；说明收到了什么",
  },
  "help.sync.restore": {
    en: "after the server was force-pushed: send back the changes it no longer has",
    "zh-CN": "服务器被强制推送之后：把它丢失的修改重新发送",
  },
  "help.resolve": {
    en: "settle a record a sync stopped on: shows both values in full; --keep or --set settles it, finishes the merge and sends it",
    "zh-CN": "解决同步时卡住的记录：完整显示双方的值；用 --keep 或 --set 解决后，完成合并并发送",
  },
  "help.resolve.keep": {
    en: "here (this desk's value), there (the server's), or here:FIELD / there:FIELD for one field (repeatable)",
    "zh-CN": "here（本台的值）、there（服务器的值），或对单个字段用 here:字段 / there:字段（可重复）",
  },
  "help.resolve.set": {
    en: "give the field this value ([a, b] for a list) (repeatable)",
    "zh-CN": "给字段赋此值（列表写作 [a, b]）（可重复）",
  },
  "help.prePush": {
    en: "git's pre-push hook: check the commits about to be sent (set up by aftercare init)",
    "zh-CN": "git 的推送前钩子：检查即将发送的提交（由 aftercare init 设置）",
  },
  "help.history": {
    en: "a record's life from git: each commit and what changed, field by field",
    "zh-CN": "一条记录在 git 中的经历：每次提交及逐字段的改动",
  },
  "help.undo": {
    en: "revert your last aftercare change with a new commit; again, the one before it (refused when later work depends on it)",
    "zh-CN": "用一次新提交撤回您最近一次 aftercare 修改；再次执行则撤回更早的一次（有后续工作依赖时拒绝）",
  },
  "help.redo": {
    en: "re-apply what your last undo took back (until you make another change), with a new commit",
    "zh-CN": "重做最近一次撤回的内容（在您做出其他修改之前），用一次新提交",
  },
  "help.import": {
    en: "bring records in from a spreadsheet",
    "zh-CN": "从表格导入记录",
  },
  "help.import.customers": {
    en: "customers from CSV or .xlsx, with Chinese or English column names (客户单位名称, 地址, 联系人, 联系电话…), or aftercare's own export",
    "zh-CN":
      "从 CSV 或 .xlsx 导入客户，列名可为中文或英文（客户单位名称、地址、联系人、联系电话…），或 aftercare 自己导出的文件",
  },
  "help.import.customers.map": {
    en: "which column holds which field: name, address, contact, title, phone, email, tags, note, equipment, vehicles, created",
    "zh-CN":
      "哪一列对应哪个字段：name、address、contact、title、phone、email、tags、note、equipment、vehicles、created",
  },
  "help.import.customers.encoding": {
    en: "the CSV's encoding (default: detected): utf-8, gb18030 (GBK), utf-16le",
    "zh-CN": "CSV 的编码（默认：自动识别）：utf-8、gb18030（GBK）、utf-16le",
  },
  "help.import.customers.sheet": {
    en: "the .xlsx sheet (default: the first)",
    "zh-CN": ".xlsx 的工作表（默认：第一个）",
  },
  "help.import.customers.delimiter": {
    en: "the CSV's column separator: , ; tab or | (default: sniffed from the header row)",
    "zh-CN": "CSV 的列分隔符：, ; tab 或 |（默认：从表头行推断）",
  },
  "help.import.customers.headerRow": {
    en: "the row that holds the column headings (default: found below titles and blank rows)",
    "zh-CN": "列名所在的行（默认：在标题和空行之下自动查找）",
  },
  "help.import.customers.dryRun": {
    en: "show row by row what would be added, skipped and refused; write nothing",
    "zh-CN": "逐行显示将添加、跳过和拒绝的内容；不写入",
  },
  "help.import.customers.strict": {
    en: "write nothing when any row is refused or a column is no customer field",
    "zh-CN": "有任何一行被拒绝或某列不是客户字段时，全部不写入",
  },
  "help.export": {
    en: "customers, tickets, contacts or duties as CSV, JSON or .xlsx",
    "zh-CN": "以 CSV、JSON 或 .xlsx 导出客户、工单、联系记录或工作",
  },
  "help.export.format": {
    en: "output format",
    "zh-CN": "输出格式",
  },
  "help.shared.month": {
    en: "only this month (YYYY-MM)",
    "zh-CN": "只导出该月（YYYY-MM）",
  },
  "help.export.from": {
    en: "from this day",
    "zh-CN": "起始日期",
  },
  "help.export.to": {
    en: "to this day",
    "zh-CN": "截止日期",
  },
  "help.export.bom": {
    en: "start the CSV with a byte-order mark, so Excel reads Chinese text right (default in a zh-CN store)",
    "zh-CN": "CSV 开头加字节顺序标记，使 Excel 正确读取中文（zh-CN 数据目录中默认如此）",
  },
  "help.export.bom2": {
    en: "no byte-order mark, for programs that do not expect one",
    "zh-CN": "不加字节顺序标记，供不认此标记的程序使用",
  },
  "help.export.output": {
    en: "write to a file (needed for .xlsx at a terminal)",
    "zh-CN": "写入文件（在终端中导出 .xlsx 时必须）",
  },
  "help.calendar": {
    en: "the open duties as an iCalendar file for a phone or Outlook calendar (stable UIDs: re-importing updates)",
    "zh-CN": "把待办工作导出为 iCalendar 文件，供手机或 Outlook 日历使用（UID 固定：重新导入即更新）",
  },
  "help.calendar.for": {
    en: "only this person's duties",
    "zh-CN": "只导出此人的工作",
  },
  "help.calendar.days": {
    en: "how far ahead (default 90)",
    "zh-CN": "向后几天（默认 90）",
  },
  "help.calendar.output": {
    en: "write to a file",
    "zh-CN": "写入文件",
  },
  "help.completion": {
    en: "a completion script for bash, zsh or fish: commands, flags, their values, record IDs and file names",
    "zh-CN": "bash、zsh 或 fish 的补全脚本：命令、参数、参数值、记录编号和文件名",
  },
  "help._complete": {
    en: "what fits the last word of a command line, for the completion scripts: one a line, then :words, :files or :dirs",
    "zh-CN": "命令行最后一个词可补全的内容，供补全脚本使用：每行一个，最后是 :words、:files 或 :dirs",
  },
  "help._ids": {
    en: "record IDs of one kind, for shell completion",
    "zh-CN": "某类记录的编号，供命令行补全使用",
  },
  "help.mergeDriver": {
    en: "git's merge driver for records (set up by aftercare init)",
    "zh-CN": "git 的记录合并驱动（由 aftercare init 设置）",
  },
  "help.report": {
    en: "the reviews (R-MONTHLY) and the regulation's registers and forms, as Markdown",
    "zh-CN": "总结（R-MONTHLY）及本制度的登记簿和表格，以 Markdown 输出",
  },
  "help.report.monthly": {
    en: "the monthly review (default: last month)",
    "zh-CN": "月度总结（默认：上个月）",
  },
  "help.shared.template": {
    en: "render with this template instead of the built-in one (--locale zh-CN|en chooses the language; default: the store's)",
    "zh-CN": "用此模板代替内置模板（--locale zh-CN|en 选择语言；默认：数据目录的语言）",
  },
  "help.report.monthly.save": {
    en: "archive it as reports/YYYY-MM-monthly.md and commit (closes R-MONTHLY; a supervisor, once the month has ended)",
    "zh-CN": "存档为 reports/YYYY-MM-monthly.md 并提交（完成 R-MONTHLY；须主管在月末之后执行）",
  },
  "help.shared.force": {
    en: "with --save: write a corrected review over the archived one (its first save date stays)",
    "zh-CN": "配合 --save：用更正后的总结覆盖已存档的（首次存档日期不变）",
  },
  "help.report.annual": {
    en: "the year-end review (default: last year)",
    "zh-CN": "年度总结（默认：去年）",
  },
  "help.report.annual.save": {
    en: "archive it as reports/YYYY-annual.md and commit (a supervisor, once the year has ended)",
    "zh-CN": "存档为 reports/YYYY-annual.md 并提交（须主管在年末之后执行）",
  },
  "help.report.calls": {
    en: "the follow-up call register (form 3)",
    "zh-CN": "电话回访登记簿（表三）",
  },
  "help.report.letters": {
    en: "the follow-up letter register (form 4)",
    "zh-CN": "信函回访登记簿（表四）",
  },
  "help.report.call": {
    en: "one follow-up call record (form 2)",
    "zh-CN": "一次电话回访记录（表二）",
  },
  "help.report.order": {
    en: "the repair order of a vehicle: intake, estimate, belongings, lines to sign",
    "zh-CN": "车辆维修委托书：接车、估价、车内物品、签字栏",
  },
  "help.report.diagnosis": {
    en: "the diagnosis sheet given to the customer (C-DIAGNOSIS)",
    "zh-CN": "交给客户的故障诊断单（C-DIAGNOSIS）",
  },
  "help.report.customer": {
    en: "the customer file (form 1) with tickets, contacts and duties",
    "zh-CN": "客户档案（表一），含工单、联系记录和工作",
  },
  "help.duty": {
    en: "one duty of the regulation",
    "zh-CN": "本制度规定的一项工作",
  },
  "help.duty.waive": {
    en: "a supervisor excuses a duty that cannot be done, with a reason (the reviews count waivers apart)",
    "zh-CN": "主管免除一项无法完成的工作，并注明原因（总结中单独统计免除）",
  },
  "help.duty.waive.reason": {
    en: "why it cannot be done (the customer cannot be reached…)",
    "zh-CN": "无法完成的原因（联系不上客户…）",
  },
  "help.due": {
    en: "what is due today and what is overdue, per person, most urgent first (the morning cron job)",
    "zh-CN": "今天到期和已逾期的工作，按人列出，最急的在前（每天早上的定时任务）",
  },
  "help.shared.within": {
    en: "also list duties whose window opens in the next DAYS days",
    "zh-CN": "也列出今后 DAYS 天内开始的工作",
  },
  "help.shared.for": {
    en: "only this person's duties (after cover)",
    "zh-CN": "只列此人的工作（含代班）",
  },
  "help.shared.failIfOverdue": {
    en: "exit 1 when anything is overdue (for monitoring)",
    "zh-CN": "有逾期工作时退出码为 1（用于监控）",
  },
  "help.shared.explain": {
    en: "under the list, the contacts each duty looked at and why they did not count",
    "zh-CN": "在列表下方说明每项工作查看了哪些联系记录，以及为何不算数",
  },
  "help.shared.all": {
    en: "every row; without it each person's list shows the most urgent rows and a count of the rest",
    "zh-CN": "全部列出；否则每人只列最急的几行，其余给出数量",
  },
  "help.due.overdue": {
    en: "only what is overdue",
    "zh-CN": "只列逾期的",
  },
  "help.overdue": {
    en: "only the overdue duties (same as due --overdue)",
    "zh-CN": "只列逾期的工作（同 due --overdue）",
  },
  "help.holidays": {
    en: "the working week, public holidays and make-up working days the deadlines use, each day with where it comes from (calendar.source or aftercare.yaml)",
    "zh-CN": "期限计算所用的工作周、法定节假日和调休上班日，每天注明来源（calendar.source 或 aftercare.yaml）",
  },
  "help.holidays.add": {
    en: "add days off of the store's own to aftercare.yaml (a published holiday, a company closure); they win over calendar.source",
    "zh-CN": "在 aftercare.yaml 中添加本单位的休息日（新公布的假日、公司停业）；优先于 calendar.source",
  },
  "help.holidays.add.from": {
    en: "the first day off",
    "zh-CN": "休息首日",
  },
  "help.holidays.add.to": {
    en: "the last day off (default: --from)",
    "zh-CN": "休息末日（默认：同 --from）",
  },
  "help.holidays.workday": {
    en: "add a make-up working day (调休上班) of the store's own to aftercare.yaml: a weekend day or holiday that is worked",
    "zh-CN": "在 aftercare.yaml 中添加本单位的调休上班日：照常上班的周末或节假日",
  },
  "help.event": {
    en: "customer events and campaigns (R-EVENT-NOTICE)",
    "zh-CN": "客户活动（R-EVENT-NOTICE）",
  },
  "help.event.add": {
    en: "add an event; its audience is phoned 14 days ahead, then sent a letter",
    "zh-CN": "添加活动；提前 14 天电话通知受邀客户，然后寄信",
  },
  "help.event.add.title": {
    en: "what it is",
    "zh-CN": "活动内容",
  },
  "help.event.add.date": {
    en: "when it takes place",
    "zh-CN": "活动日期",
  },
  "help.event.add.kind": {
    en: "kind of event",
    "zh-CN": "活动类型",
  },
  "help.event.add.audience": {
    en: 'who is invited: "all" or "tag:NAME"',
    "zh-CN": '受邀客户："all"（全部）或 "tag:标签"',
  },
  "help.event.add.owner": {
    en: "who phones and writes (default: you)",
    "zh-CN": "负责打电话和写信的人（默认：您本人）",
  },
  "help.event.add.note": {
    en: "details",
    "zh-CN": "详情",
  },
  "help.event.list": {
    en: "events, with how many customers were phoned and written to",
    "zh-CN": "活动，以及已电话通知和已寄信的客户数",
  },
} satisfies Record<string, Entry>;

/** A key of the help block: what flags modules name (registry.ts h()). */
export type HelpKey = keyof typeof HELP;
