/* eslint-disable max-lines -- the problems block of the catalogue: a table of sentences in both languages, read key by key */
// The catalogue's block for a record file that does not read (issue 13, item 1): YAML that a record
// may not hold (src/store/yaml/), the schema's complaints (src/store/schema-words.ts), the warning of a
// read that leaves such a file out, init --hooks' notes and doctor's lock and temp-file findings.
// src/i18n.ts spreads it into the one catalogue. The English is exactly what these said before.
import type { Entry } from "./i18n.js";
import { ERRORS } from "./i18n-errors.js";
import { REFUSALS } from "./i18n-refusals.js";
import { SETUP_REFUSALS } from "./i18n-refusals-setup.js";

export const PROBLEMS = {
  // the error pipeline's own failures: the disk, permissions, a write not committed (src/i18n-errors.ts)
  ...ERRORS,
  // refusals once written in English where they are raised (src/i18n-refusals.ts)
  ...REFUSALS,
  ...SETUP_REFUSALS,
  // the file itself (src/store/yaml/problems.ts, parse.ts, tokens.ts)
  "pr.notUtf8": {
    en: "not valid UTF-8 at byte {at} — saved as GBK? re-save it as UTF-8",
    "zh-CN": "第 {at} 字节起不是有效的 UTF-8——是否存成了 GBK？请另存为 UTF-8",
  },
  "pr.conflictMarker": {
    en: "leftover merge-conflict marker: resolve the conflict and remove the marker lines",
    "zh-CN": "残留的合并冲突标记：请解决冲突并删去这些标记行",
  },
  "pr.more": { en: "and {n} more problems in this file", "zh-CN": "此文件还有 {n} 处问题" },
  "pr.tooLarge": {
    en: "file is larger than {kib} KiB; a record is never that large",
    "zh-CN": "文件超过 {kib} KiB；记录不会有这么大",
  },
  "pr.oneDocument": {
    en: "a record file holds one YAML document; remove the '---' separator",
    "zh-CN": "一个记录文件只含一个 YAML 文档；请删去 '---' 分隔行",
  },
  "pr.tooMany": {
    en: "more than {max} fields and list items; a record never holds that many",
    "zh-CN": "字段和列表项超过 {max} 个；记录不会有这么多",
  },
  "pr.tooDeep": {
    en: "nested more than {max} levels deep; records are never that deep",
    "zh-CN": "嵌套超过 {max} 层；记录不会嵌套这么深",
  },
  "pr.tooLong": {
    en: "more than {max} lines outside text values; a record is never that long",
    "zh-CN": "文字内容以外的行超过 {max} 行；记录不会这么长",
  },
  "pr.tooManyProps": {
    en: "more than {max} tags, anchors and aliases; a record needs none",
    "zh-CN": "标签、锚点和别名超过 {max} 个；记录一个也不需要",
  },
  "pr.directive": {
    en: "YAML directives (%YAML, %TAG) are not allowed in records; remove the line",
    "zh-CN": "记录中不允许 YAML 指令（%YAML、%TAG）；请删去这一行",
  },
  "pr.alias": {
    en: "aliases (*name) are not allowed in records; write the value out",
    "zh-CN": "记录中不允许别名（*名称）；请把值写出来",
  },
  "pr.anchor": {
    en: "anchors (&name) are not allowed in records; remove it",
    "zh-CN": "记录中不允许锚点（&名称）；请删去",
  },
  "pr.coreTag": {
    en: "tag {tag} is not allowed in records (only text, numbers, true/false, null, lists and mappings); remove it",
    "zh-CN": "记录中不允许标签 {tag}（只能是文字、数字、true/false、null、列表和映射）；请删去",
  },
  "pr.customTag": {
    en: "custom tag {tag} is not allowed in records; remove it",
    "zh-CN": "记录中不允许自定义标签 {tag}；请删去",
  },
  "pr.duplicateKey": {
    en: 'duplicate key "{key}": a field may appear once; remove one',
    "zh-CN": "字段 {key} 重复：一个字段只能出现一次；请删去一个",
  },
  // what the YAML parser found (its error code; the English is the parser's own sentence)
  "pr.yaml": { en: "{text}", "zh-CN": "{text}" },
  "pr.yaml.syntax": { en: "YAML syntax error: {what}", "zh-CN": "YAML 语法错误：{what}" },
  "pr.yaml.BAD_INDENT": { en: "bad indentation", "zh-CN": "缩进不对" },
  "pr.yaml.TAB_AS_INDENT": { en: "a tab used as indentation", "zh-CN": "用了制表符缩进（请用空格）" },
  "pr.yaml.MISSING_CHAR": { en: "a closing mark is missing", "zh-CN": "缺少结束的引号或括号" },
  "pr.yaml.MULTILINE_IMPLICIT_KEY": { en: "a key over several lines", "zh-CN": "字段名跨了多行（是否少了冒号？）" },
  "pr.yaml.BLOCK_AS_IMPLICIT_KEY": { en: "a block used as a key", "zh-CN": "不能用块作字段名" },
  "pr.yaml.UNEXPECTED_TOKEN": { en: "an unexpected mark", "zh-CN": "出现了意外的符号" },
  "pr.yaml.BAD_SCALAR_START": {
    en: "a value that cannot start so",
    "zh-CN": "值的开头不对（以特殊符号开头的值请加引号）",
  },
  "pr.yaml.BAD_DQ_ESCAPE": { en: "a bad escape in double quotes", "zh-CN": "双引号中的转义写法不对" },
  "pr.yaml.BLOCK_IN_FLOW": { en: "a block inside brackets", "zh-CN": "括号内不能写块" },
  "pr.yaml.KEY_OVER_1024_CHARS": { en: "a key that is too long", "zh-CN": "字段名太长" },
  "pr.yaml.other": { en: "a syntax error", "zh-CN": "写法不对" },
  // the schema (src/store/schema-words.ts): where the problem is
  "pr.unknownField": {
    en: "unknown field {names} (check the spelling; a {kind} has no such field)",
    "zh-CN": "未知字段 {names}（请检查拼写；{kind}没有这个字段）",
  },
  "pr.unknownFieldIn": {
    en: "unknown field {names} in {field} (check the spelling; a {kind} has no such field)",
    "zh-CN": "字段 {field} 中有未知字段 {names}（请检查拼写；{kind}没有这个字段）",
  },
  "pr.moreNames": { en: "{names} and {n} more", "zh-CN": "{names} 等另外 {n} 个" },
  "pr.missing": { en: "{field} is missing: it {why}", "zh-CN": "缺少字段 {field}：它{why}" },
  "pr.field": { en: "{field} {why}", "zh-CN": "字段 {field} {why}" },
  "pr.notMapping": {
    en: "a {kind} file must hold a mapping of fields",
    "zh-CN": "{kind}文件必须是字段的映射（字段: 值）",
  },
  "pr.kind.settings": { en: "settings", "zh-CN": "设置" },
  "pr.wouldNotBeValid": {
    en: "the {kind} would not be valid: {why}; nothing was written",
    "zh-CN": "{kind}将不合规：{why}；未写入任何内容",
  },
  // the schema: what is wrong with the value (src/i18n-schema.ts words a zod issue from its code and facts;
  // our own sentences, src/domain/schema/, carry their key in the issue). A zod built-in's English stays zod's own.
  "sch.other": { en: "{text}", "zh-CN": "{text}" },
  "sch.invalid": { en: "is not a valid value", "zh-CN": "取值不合规" },
  "sch.typeOf": { en: "Invalid input: expected {expected}", "zh-CN": "类型不对：应为{expected}" },
  "sch.type": {
    en: "Invalid input: expected {expected}, received {received}",
    "zh-CN": "类型不对：应为{expected}，实际是{received}",
  },
  "sch.t.string": { en: "string", "zh-CN": "文字" },
  "sch.t.number": { en: "number", "zh-CN": "数字" },
  "sch.t.int": { en: "int", "zh-CN": "整数" },
  "sch.t.boolean": { en: "boolean", "zh-CN": "true 或 false" },
  "sch.t.object": { en: "object", "zh-CN": "映射（字段: 值）" },
  "sch.t.array": { en: "array", "zh-CN": "列表" },
  "sch.t.undefined": { en: "undefined", "zh-CN": "空" },
  "sch.t.null": { en: "null", "zh-CN": "空值" },
  "sch.t.bigint": { en: "bigint", "zh-CN": "整数" },
  "sch.t.date": { en: "date", "zh-CN": "日期" },
  "sch.t.nan": { en: "NaN", "zh-CN": "非数字" },
  "sch.tooSmall": { en: "Too small: expected number to be >={n}", "zh-CN": "太小：不能小于 {n}" },
  "sch.tooBig": { en: "Too big: expected number to be <={n}", "zh-CN": "太大：不能大于 {n}" },
  "sch.tooSmallExclusive": { en: "Too small: expected number to be >{n}", "zh-CN": "太小：必须大于 {n}" },
  "sch.tooBigExclusive": { en: "Too big: expected number to be <{n}", "zh-CN": "太大：必须小于 {n}" },
  "sch.tooShort": {
    en: "Too small: expected string to have >={n} characters",
    "zh-CN": "太短：至少 {n} 个字符",
  },
  "sch.tooLongChars": {
    en: "Too big: expected string to have <={n} characters",
    "zh-CN": "太长：最多 {n} 个字符",
  },
  "sch.tooFew": {
    en: "Too small: expected array to have >={n} items",
    "zh-CN": "太少：至少 {n} 项",
  },
  "sch.tooManyItems": {
    en: "Too big: expected array to have <={n} items",
    "zh-CN": "太多：最多 {n} 项",
  },
  "sch.format": { en: "Invalid string: must match the expected format", "zh-CN": "格式不对" },
  "sch.multipleOf": { en: "Invalid number: must be a multiple of {n}", "zh-CN": "必须是 {n} 的整数倍" },
  "sch.oneOf": { en: "must be one of {values}", "zh-CN": "必须是以下之一：{values}" },
  "sch.channel": {
    en: "must be one of {values}, or a channel named under channels: in aftercare.yaml",
    "zh-CN": "必须是以下之一：{values}，或 aftercare.yaml 的 channels: 中的渠道",
  },
  "sch.channelName": {
    en: "must be one of {values}, or a channel named under channels: in aftercare.yaml (lower-case letters, digits and hyphens)",
    "zh-CN": "必须是以下之一：{values}，或 aftercare.yaml 的 channels: 中的渠道（小写字母、数字和连字符）",
  },
  "sch.idOf": { en: "must be a {kind} ID such as {example}", "zh-CN": "必须是{kind}编号，如 {example}" },
  "sch.lone": {
    en: "must be valid text: it holds a lone surrogate ({cp}) at character {at}",
    "zh-CN": "必须是有效文字：第 {at} 个字符是孤立的代理项（{cp}）",
  },
  "sch.oneLine": {
    en: "must be one line: it holds a line break ({cp}) at character {at}",
    "zh-CN": "必须只有一行：第 {at} 个字符是换行（{cp}）",
  },
  "sch.controls": {
    en: "must not hold control characters: it holds {cp} at character {at}",
    "zh-CN": "不能含控制字符：第 {at} 个字符是 {cp}",
  },
  "sch.controlsText": {
    en: "must not hold control characters other than line breaks and tabs: it holds {cp} at character {at}",
    "zh-CN": "除换行和制表符外不能含控制字符：第 {at} 个字符是 {cp}",
  },
  "sch.tooLongLine": {
    en: "is too long: at most {n} characters on one line",
    "zh-CN": "太长：一行最多 {n} 个字符",
  },
  "sch.tooLongText": { en: "is too long: at most {n} characters", "zh-CN": "太长：最多 {n} 个字符" },
  "sch.onlyLetters": {
    en: "only letters have a letter section; this contact is a {channel}",
    "zh-CN": "只有信函才有 letter 部分；这条联系记录是{channel}",
  },
  "sch.builtIn": { en: "is built in already ({values})", "zh-CN": "已是内置渠道（{values}）" },
  "sch.days": { en: "must be a number of days ({what})", "zh-CN": "必须是天数（{what}）" },
  // what a rule's day count in aftercare.yaml counts (src/domain/schema/settings.ts `days(…)`): the English is the key
  "sch.days.escalate": { en: "to escalate", "zh-CN": "几天内上报工程部主管" },
  "sch.days.tell": { en: "to tell the customer", "zh-CN": "几天内告知客户" },
  "sch.days.dispatch": { en: "after the dispatch", "zh-CN": "派工后几天" },
  "sch.days.followup2From": {
    en: "window opens after the first follow-up",
    "zh-CN": "首次回访后几天起可做",
  },
  "sch.days.followup2To": {
    en: "window closes after the first follow-up",
    "zh-CN": "首次回访后几天内须做完",
  },
  "sch.days.grace": { en: "of grace after the planned date", "zh-CN": "计划日期后宽限几天" },
  "sch.days.noticeBefore": {
    en: "the phone notice is due before the event",
    "zh-CN": "活动前几天须电话通知",
  },
  "sch.days.callWindow": {
    en: "the notice may be phoned this much earlier",
    "zh-CN": "通知最多可再提前几天打",
  },
  "sch.days.letterWithin": {
    en: "the letter follows the call within",
    "zh-CN": "电话后几天内寄出信函",
  },
  "sch.days.monthly": { en: "after the month ends", "zh-CN": "月末后几天" },
  "sch.days.annual": { en: "after the year ends", "zh-CN": "年末后几天" },
  "sch.days.file": { en: "to file a request", "zh-CN": "几天内登记请求" },
  "sch.days.appointment": {
    en: "the reminder comes before the appointment",
    "zh-CN": "预约前几天提醒",
  },
  "sch.text": { en: "must be text", "zh-CN": "必须是文字" },
  "sch.notEmpty": { en: "must not be empty", "zh-CN": "不能为空" },
  "sch.dateTime": {
    en: "must be a date-time such as 2026-11-26T09:30:00+08:00",
    "zh-CN": "必须是日期时间，如 2026-11-26T09:30:00+08:00",
  },
  "sch.dateTimeIso": {
    en: "must be an ISO 8601 date-time with offset, such as 2026-11-26T09:30:00+08:00",
    "zh-CN": "必须是带时区偏移的 ISO 8601 日期时间，如 2026-11-26T09:30:00+08:00",
  },
  "sch.date": {
    en: "must be a date such as 2026-11-26",
    "zh-CN": "必须是日期，如 2026-11-26",
  },
  "sch.dateOrTime": { en: "must be a date or date-time", "zh-CN": "必须是日期或日期时间" },
  "sch.dateOrTimeIso": {
    en: "must be a date (2026-11-26) or a date-time with offset (2026-11-26T09:30:00+08:00)",
    "zh-CN": "必须是日期（2026-11-26）或带时区偏移的日期时间（2026-11-26T09:30:00+08:00）",
  },
  "sch.phoneQuoted": {
    en: 'must be a quoted string, such as "021-5555 1234" (unquoted numbers lose leading zeros)',
    "zh-CN": '必须加引号，如 "021-5555 1234"（不加引号的数字会丢掉开头的 0）',
  },
  "sch.phoneShort": { en: "is too short for a phone number", "zh-CN": "作为电话号码太短" },
  "sch.phoneLong": {
    en: "is too long for a phone number (at most 40 characters)",
    "zh-CN": "作为电话号码太长（最多 40 个字符）",
  },
  "sch.cents": {
    en: "must be an amount in cents, a whole number",
    "zh-CN": "必须是以分计的金额（整数）",
  },
  "sch.centsWhole": { en: "must be a whole number of cents", "zh-CN": "必须是整数分" },
  "sch.notNegative": { en: "must not be negative", "zh-CN": "不能为负数" },
  "sch.tooLarge": { en: "is too large", "zh-CN": "太大" },
  "sch.odometer": {
    en: "must be the odometer reading in km",
    "zh-CN": "必须是里程表读数（公里）",
  },
  "sch.odometerWhole": { en: "must be whole kilometres", "zh-CN": "必须是整公里数" },
  "sch.boolean": { en: "must be true or false", "zh-CN": "必须是 true 或 false" },
  "sch.approved": {
    en: "must be true (approved) or false (declined)",
    "zh-CN": "必须是 true（同意）或 false（拒绝）",
  },
  "sch.belongings": {
    en: "must be true (all returned) or false",
    "zh-CN": "必须是 true（已全部归还）或 false",
  },
  "sch.plan": {
    en: "must be the ID of the contact or ticket that planned it",
    "zh-CN": "必须是计划此次联系的联系记录或工单的编号",
  },
  "sch.planId": {
    en: "must be the ID of the contact (K-…) or ticket (T-…) that planned it",
    "zh-CN": "必须是计划此次联系的联系记录（K-…）或工单（T-…）的编号",
  },
  "sch.satisfaction": {
    en: "must be a whole number from 1 to 5",
    "zh-CN": "必须是 1 到 5 的整数",
  },
  "sch.satisfactionRange": { en: "must be from 1 to 5", "zh-CN": "必须在 1 到 5 之间" },
  "sch.letterNeeded": {
    en: "a letter needs its kind and subject (letter: {kind, subject})",
    "zh-CN": "信函须写明种类和主题（letter: {kind, subject}）",
  },
  "sch.audience": { en: 'must be "all" or "tag:NAME"', "zh-CN": "必须是 all 或 tag:标签名" },
  "sch.fromAfterTo": { en: "from must not be after to", "zh-CN": "from 不能晚于 to" },
  "sch.fromBeforeTo": { en: "from must be before to", "zh-CN": "from 必须早于 to" },
  "sch.weekday": {
    en: "must be a weekday number, 1 (Monday) to 7 (Sunday)",
    "zh-CN": "必须是星期数，1（周一）到 7（周日）",
  },
  "sch.clock": {
    en: "must be a time of day such as 08:30",
    "zh-CN": "必须是时刻，如 08:30",
  },
  "sch.daysWhole": { en: "must be a whole number of days", "zh-CN": "必须是整天数" },
  "sch.hours": { en: "must be a number of working hours", "zh-CN": "必须是工作小时数" },
  "sch.minutes": { en: "must be a number of minutes", "zh-CN": "必须是分钟数" },
  "sch.minutesWhole": { en: "must be whole minutes", "zh-CN": "必须是整分钟数" },
  "sch.version": {
    en: "must be 1 (the store format this aftercare reads)",
    "zh-CN": "必须是 1（本 aftercare 读取的档案库格式）",
  },
  "sch.timezone": {
    en: "must be an IANA time zone such as Asia/Shanghai",
    "zh-CN": "必须是 IANA 时区，如 Asia/Shanghai",
  },
  "sch.timezoneUnknown": {
    en: "is not an IANA time zone (such as Asia/Shanghai or Europe/Berlin)",
    "zh-CN": "不是 IANA 时区（如 Asia/Shanghai 或 Europe/Berlin）",
  },
  "sch.source": {
    en: "must be cn, none, or a country code such as DE or US-CA",
    "zh-CN": "必须是 cn、none 或国家代码，如 DE 或 US-CA",
  },
  "sch.sourceUpper": {
    en: "must be cn (lower case) for the State Council's calendar with its make-up working days; CN would be date-holidays' rules without them",
    "zh-CN": "国务院公布的放假安排（含调休上班日）请写小写的 cn；大写的 CN 取的是另一套不含调休的节假日规则",
  },
  "sch.sourceCode": {
    en: "must be cn (China, the State Council's calendar), none, or a country code with an optional state and region, such as DE, DE-BY or US-CA",
    "zh-CN": "必须是 cn（中国，国务院公布的放假安排）、none，或国家代码（可加州、地区），如 DE、DE-BY 或 US-CA",
  },
  "sch.channelNameType": {
    en: "must be the channel's name, such as douyin",
    "zh-CN": "必须是渠道名称，如 douyin",
  },
  "sch.channelNameChars": {
    en: "must be lower-case letters, digits and hyphens, such as douyin or hotline-2",
    "zh-CN": "只能由小写字母、数字和连字符组成，如 douyin 或 hotline-2",
  },
  "sch.storeId": {
    en: "must be the store's ID, such as 5f2c9a61d04e7b38",
    "zh-CN": "必须是档案库的编号，如 5f2c9a61d04e7b38",
  },
  "sch.storeIdChars": {
    en: "must be 4 to 63 lower-case letters, digits and hyphens, such as 5f2c9a61d04e7b38",
    "zh-CN": "必须是 4 到 63 个小写字母、数字和连字符，如 5f2c9a61d04e7b38",
  },
  "sch.currency": {
    en: "must be a currency code such as CNY or EUR",
    "zh-CN": "必须是货币代码，如 CNY 或 EUR",
  },
  // a flag's value the schema does not take (src/errors.ts inputError): the flag, the value as typed, the schema's words
  "in.invalid": { en: "{flag} {value} {rule}; nothing was written", "zh-CN": "{flag} {value} {rule}；未写入任何内容" },
  "in.missing": {
    en: "{flag} is missing: it {why}; nothing was written",
    "zh-CN": "缺少 {flag}：它{why}；未写入任何内容",
  },
  "in.onlySpaces": { en: "{rule} (it is only spaces)", "zh-CN": "{rule}（只有空格）" },
  "in.atLeast": { en: "{rule} (at least {n} characters)", "zh-CN": "{rule}（至少 {n} 个字符）" },
  "in.atMost": { en: "{rule} (at most {n} characters)", "zh-CN": "{rule}（最多 {n} 个字符）" },
  // a file's problems, one a line (src/store/parsing.ts): the settings file refused, a record that does not read,
  // an edit in $EDITOR refused (src/services/editor.ts, with te.kept)
  "pr.atLine": { en: "{path}:{line}:{col}: {problem}", "zh-CN": "{path}:{line}:{col}: {problem}" },
  "pr.lines": { en: "{first}\n{rest}", "zh-CN": "{first}\n{rest}" },
  "pr.nothingWritten": { en: "{problem}; nothing was written", "zh-CN": "{problem}；未写入任何内容" },
  "pr.recordMissing": {
    en: "no {kind} {id} in this store (looked for {path})",
    "zh-CN": "档案库中没有{kind} {id}（查找的文件是 {path}）",
  },
  "pr.recordUnread": {
    en: "{problems}\n{kind} {id} cannot be read; fix the file (see 'aftercare check'); nothing was written",
    "zh-CN": "{problems}\n{kind} {id} 无法读取；请修正此文件（见 aftercare check）；未写入任何内容",
  },
  // a record file or folder the system will not read (src/store/unreadable.ts)
  "pr.cannotRead": {
    en: "cannot be read ({why}); fix its permissions",
    "zh-CN": "无法读取（{why}）；请检查此文件及其权限",
  },
  "pr.cannotReadFolder": {
    en: "cannot be read ({why}); move the folder out of the way",
    "zh-CN": "无法读取（{why}）；请把这个文件夹移开",
  },
  "pr.folderUnread": {
    en: "cannot read the folder {rel}/ ({why}); its {kind} records cannot be listed, so nothing is reported as if it were empty: fix the folder's permissions and run again; nothing was written",
    "zh-CN":
      "无法读取文件夹 {rel}/（{why}）；其中的{kind}记录无法列出，为免当作空文件夹报告，未作任何处理：请修正该文件夹的权限后再运行；未写入任何内容",
  },
  "pr.why.denied": { en: "permission denied", "zh-CN": "没有权限" },
  "pr.why.isFolder": { en: "it is a folder, not a file", "zh-CN": "这是文件夹，不是文件" },
  "pr.why.notFolder": { en: "it is not a folder", "zh-CN": "这不是文件夹" },
  "pr.why.system": { en: "the system's error", "zh-CN": "系统报告的错误" },
  // a file --output names that cannot be written (src/services/output.ts)
  "out.cannotWrite": {
    en: "cannot write --output {file}: {why}; the store was not changed",
    "zh-CN": "无法写入 --output {file}：{why}；档案库未改动",
  },
  "out.why.noFolder": { en: "its folder does not exist", "zh-CN": "所在的文件夹不存在" },
  "out.why.notFolder": { en: "a part of the path is a file, not a folder", "zh-CN": "路径中有一段是文件，不是文件夹" },
  "out.why.isFolder": { en: "it is a folder: give a file name", "zh-CN": "这是一个文件夹：请给出文件名" },
  "out.why.denied": { en: "no permission to write there", "zh-CN": "没有在那里写入的权限" },
  "out.why.readOnly": { en: "it is on a read-only disk", "zh-CN": "它在只读的磁盘上" },
  "out.why.full": { en: "no space left on that disk", "zh-CN": "那个磁盘已满" },
  "out.why.quota": { en: "the disk quota there is used up", "zh-CN": "那里的磁盘配额已用完" },
  // a record edited in $EDITOR (src/services/editor.ts): the editor failing, a change made meanwhile
  "ed.failed": {
    en: 'the editor "{editor}" failed ({why}); set VISUAL or EDITOR; nothing was written',
    "zh-CN": "编辑器“{editor}”出错（{why}）；请设置 VISUAL 或 EDITOR；未写入任何内容",
  },
  "ed.why.start": { en: "it could not be started", "zh-CN": "无法启动" },
  "ed.why.exit": { en: "exit {code}", "zh-CN": "退出码 {code}" },
  "ed.why.signal": { en: "ended by {signal}", "zh-CN": "被 {signal} 信号终止" },
  "ed.by.another": { en: "another writer", "zh-CN": "另一个写入者" },
  "ed.by.uncommitted": { en: "an edit not yet committed", "zh-CN": "一处尚未提交的修改" },
  "ed.by.deleted": { en: "someone who deleted it", "zh-CN": "删除了它的人" },
  "ed.by.commit": { en: "{who} (commit {sha}: {subject})", "zh-CN": "{who}（提交 {sha}：{subject}）" },
  "ed.kept": { en: "your edit is kept in {tmp}", "zh-CN": "你的编辑保存在 {tmp}" },
  "ed.customerMeanwhile": {
    en: "{path} was changed meanwhile by {by}; your edit is kept in {tmp}: compare it with the file as it is now and run 'aftercare customer edit {id}' again; nothing was written",
    "zh-CN":
      "{path} 在此期间已被 {by} 修改；你的编辑保存在 {tmp}：请与当前文件比较后再次运行 'aftercare customer edit {id}'；未写入任何内容",
  },
  // doctor's findings and repairs for a repository not set up for many files (src/services/many-files.ts)
  "mf.off": {
    en: "git's {key} is off in the store's repository: {lacking}; 'aftercare doctor --fix' turns it on",
    "zh-CN": "档案库的 git 仓库未开启 {key}：{lacking}；aftercare doctor --fix 会开启它",
  },
  "mf.noGraph": {
    en: "the store's repository has no commit-graph with changed-path Bloom filters: 'aftercare history' reads every commit to find a record's changes; 'aftercare doctor --fix' writes one",
    "zh-CN":
      "档案库的 git 仓库没有带变更路径布隆过滤器的提交图（commit-graph）：aftercare history 要读遍每个提交才能找到一条记录的改动；aftercare doctor --fix 会生成它",
  },
  "mf.turnedOn": {
    en: "turned on git's {key} in the store's repository ({why})",
    "zh-CN": "已在档案库的 git 仓库中开启 {key}（{why}）",
  },
  "mf.wroteGraph": {
    en: "wrote a commit-graph with changed-path Bloom filters, for 'aftercare history'",
    "zh-CN": "已为 aftercare history 生成带变更路径布隆过滤器的提交图（commit-graph）",
  },
  "mf.why.manyFiles": {
    en: "git's index in its compact version 4, and its cache of folders without new files",
    "zh-CN": "git 索引改用紧凑的第 4 版，并记住哪些文件夹没有新文件",
  },
  "mf.why.splitIndex": {
    en: "a write rewrites only the part of git's index that changed",
    "zh-CN": "每次写入只重写 git 索引中改动的部分",
  },
  "mf.why.untrackedCache": {
    en: "git remembers which folders hold no new files",
    "zh-CN": "git 记住哪些文件夹没有新文件",
  },
  "mf.why.fetchGraph": { en: "each sync brings the commit-graph up to date", "zh-CN": "每次同步都会更新提交图" },
  "mf.why.gcGraph": {
    en: "git's housekeeping keeps the commit-graph up to date",
    "zh-CN": "git 的日常整理会更新提交图",
  },
  "mf.lacking.manyFiles": {
    en: "every write reads and rewrites git's index in its larger format",
    "zh-CN": "每次写入都要以较大的格式读取并重写 git 索引",
  },
  "mf.lacking.splitIndex": {
    en: "every write rewrites the whole of git's index (some 14 MB at 200,000 records)",
    "zh-CN": "每次写入都要重写整个 git 索引（20 万条记录时约 14 MB）",
  },
  "mf.lacking.untrackedCache": {
    en: "'git status' (and 'aftercare check') looks through every record folder for new files",
    "zh-CN": "git status（以及 aftercare check）要查遍每个记录文件夹找新文件",
  },
  "mf.lacking.fetchGraph": {
    en: "the commit-graph falls behind what syncs bring in, and 'aftercare history' slows down",
    "zh-CN": "提交图跟不上同步带来的提交，aftercare history 会变慢",
  },
  "mf.lacking.gcGraph": {
    en: "git's housekeeping leaves the commit-graph behind, and 'aftercare history' slows down",
    "zh-CN": "git 的日常整理不更新提交图，aftercare history 会变慢",
  },
  // a read that leaves a file out (src/store/reader.ts), and the morning list's note (src/commands/due.ts)
  "pr.unread": {
    en: {
      one: "warning: {n} {kind} file could not be read and is left out (first: {at}: {problem}); run 'aftercare check'",
      other:
        "warning: {n} {kind} files could not be read and are left out (first: {at}: {problem}); run 'aftercare check'",
    },
    "zh-CN": "警告：有 {n} 个{kind}文件无法读取，已略去（第一个：{at}：{problem}）；请运行 aftercare check",
  },
  "pr.stray": {
    en: {
      one: "warning: {n} {kind} file is not where its name puts it and left out (first: {at}); run 'aftercare check'",
      other:
        "warning: {n} {kind} files are not where its name puts it and left out (first: {at}); run 'aftercare check'",
    },
    "zh-CN": "警告：有 {n} 个{kind}文件不在其名称所指的位置，已略去（第一个：{at}）；请运行 aftercare check",
  },
  "pr.incomplete": {
    en: {
      one: "note: the list may be incomplete: a record file could not be read (above); see 'aftercare check'",
      other: "note: the list may be incomplete: some record files could not be read (above); see 'aftercare check'",
    },
    "zh-CN": "注意：列表可能不完整：有记录文件无法读取（见上）；请查看 aftercare check",
  },
  // init --hooks' notes (src/services/git-support.ts, src/commands/init.ts)
  "gs.ownHook": {
    en: "a {hook} hook of your own is already at {path}; add this line to it to check the store: {line}",
    "zh-CN": "{path} 处已有您自己的 git {hook} 钩子；请在其中加入这一行以检查档案库：{line}",
  },
  "gs.installed": {
    en: "note: installed aftercare's merge driver and pre-commit and pre-push checks in this clone (git does not copy them with a clone){notes}",
    "zh-CN": "注意：已在此克隆中安装 aftercare 的合并驱动及提交前、推送前检查（git 克隆时不会复制它们）{notes}",
  },
  "gs.noteSep": { en: "; ", "zh-CN": "；" },
  // doctor's findings on the hooks and the merge driver (src/services/git-support.ts gitSupportProblems)
  "gs.noPreCommit": {
    en: "the pre-commit check is not installed ({hook}): hand edits are committed unchecked; run 'aftercare init --hooks'",
    "zh-CN": "提交前检查未安装（{hook}）：手工修改会不经检查就提交；请运行 aftercare init --hooks",
  },
  "gs.hookGone": {
    en: "the pre-commit hook calls aftercare at {bin}, which is gone; run 'aftercare init --hooks' with the aftercare you use now",
    "zh-CN": "提交前钩子调用的 aftercare（{bin}）已不存在；请用你现在使用的 aftercare 运行 aftercare init --hooks",
  },
  "gs.hookOld": {
    en: "the pre-commit hook is from an older aftercare (it reads the wrong index for 'git commit -a'); run 'aftercare init --hooks'",
    "zh-CN": "提交前钩子来自旧版 aftercare（遇到 git commit -a 时会读错索引）；请运行 aftercare init --hooks",
  },
  "gs.noPrePush": {
    en: "the pre-push check is not installed ({push}): a plain 'git push' sends commits unchecked; run 'aftercare init --hooks'",
    "zh-CN": "推送前检查未安装（{push}）：直接 git push 会不经检查就推送提交；请运行 aftercare init --hooks",
  },
  "gs.noDriver": {
    en: "the field-by-field merge driver is not set up in this clone (git merges records line by line); run 'aftercare init --hooks'",
    "zh-CN": "此克隆未设置逐字段合并驱动（git 会逐行合并记录）；请运行 aftercare init --hooks",
  },
  "gs.driverGone": {
    en: "the merge driver calls aftercare at {bin}, which is gone; run 'aftercare init --hooks' with the aftercare you use now",
    "zh-CN": "合并驱动调用的 aftercare（{bin}）已不存在；请用你现在使用的 aftercare 运行 aftercare init --hooks",
  },
  "gs.driverOld": {
    en: "the merge driver is from an older aftercare (a failure there could leave a conflict without markers); run 'aftercare init --hooks'",
    "zh-CN": "合并驱动来自旧版 aftercare（它出错时可能留下没有标记的冲突）；请运行 aftercare init --hooks",
  },
  "gs.checkedOut": {
    en: "the clone had checked out nothing (the server's HEAD names a branch it does not have): checked out {branch} from {remote}; fix the server for the next desk: git symbolic-ref HEAD refs/heads/{branch} (run there)",
    "zh-CN":
      "此克隆原先什么也没检出（服务器的 HEAD 指向它没有的分支）：已从 {remote} 检出 {branch}；请为下一个服务台修好服务器（在服务器上运行）：git symbolic-ref HEAD refs/heads/{branch}",
  },
  // what doctor --fix did (src/commands/doctor.ts), each line after doc.fixed
  "doc.removed": { en: "removed {path}", "zh-CN": "已删除 {path}" },
  "doc.tookLock": { en: "took over and removed the stale write lock", "zh-CN": "已接管并删除失效的写锁" },
  "doc.removedTemp": { en: "removed the orphan temporary file {path}", "zh-CN": "已删除遗留的临时文件 {path}" },
  "doc.couldNotCommit": { en: "could not commit {files}: {reason}", "zh-CN": "无法提交 {files}：{reason}" },
  "doc.reinstalled": {
    en: "reinstalled the pre-commit check and the merge driver for this aftercare",
    "zh-CN": "已为当前的 aftercare 重新安装提交前检查和合并驱动",
  },
  "doc.committed": {
    en: {
      one: "committed {n} record file left uncommitted ({sha}): {files}",
      other: "committed {n} record files left uncommitted ({sha}): {files}",
    },
    "zh-CN": "已提交 {n} 个遗留未提交的记录文件（{sha}）：{files}",
  },
  "doc.moved": { en: "moved {from} to {to}, where its ID puts it", "zh-CN": "已把 {from} 移到其编号所指的位置 {to}" },
  "doc.couldNotCommitMove": { en: "could not commit the move: {reason}", "zh-CN": "无法提交这次移动：{reason}" },
  // the store's write lock held by another writer, or lost (src/store/lock.ts), with lo.holder below
  "lk.waiting": {
    en: "waiting for the store lock held by {holder}…",
    "zh-CN": "正在等待档案库的写锁，持有者 {holder}…",
  },
  "lk.busy": {
    en: "the store is busy: {holder} still holds its write lock after {seconds} s of waiting; {hint}; nothing was written",
    "zh-CN": "档案库正忙：等了 {seconds} 秒，{holder}仍持有写锁；{hint}；未写入任何内容",
  },
  "lk.hintKill": {
    en: "if process {pid} is stuck, end it (kill {pid}) and try again",
    "zh-CN": "如果进程 {pid} 卡住了，请结束它（kill {pid}）后再试",
  },
  "lk.hintLater": {
    en: "try again later; if that command is gone for good, delete {dir}",
    "zh-CN": "请稍后再试；如果那个命令已经不在了，请删除 {dir}",
  },
  "lk.lost": {
    en: "this command lost the store's write lock: {why}{by}; it stopped before committing, so what it saved is left uncommitted (see 'git status'); run it again",
    "zh-CN": "此命令失去了档案库的写锁：{why}{by}；它在提交前停下，已保存的内容未提交（见 'git status'）；请再运行一次",
  },
  "lk.lostStale": {
    en: "it was not refreshed in time (was the command paused, or the machine asleep?)",
    "zh-CN": "写锁没有及时刷新（命令被暂停了，还是电脑睡眠了？）",
  },
  "lk.lostTaken": { en: "it was taken over", "zh-CN": "写锁被别的命令接管了" },
  "lk.heldBy": { en: "; it is now held by {holder}", "zh-CN": "；现在的持有者是 {holder}" },
  // doctor's stale locks and leftover temporary files (src/services/leftovers.ts)
  "lo.staleLock": {
    en: "a stale write lock ({why}), held by {holder}: the next write takes it over; 'aftercare doctor --fix' removes it",
    "zh-CN": "一个失效的写锁（{why}），持有者 {holder}：下一次写入会接管它；aftercare doctor --fix 会删除它",
  },
  "lo.holder": { en: "{who} ({parts})", "zh-CN": "{who}（{parts}）" },
  "lo.anyone": { en: "another aftercare command", "zh-CN": "另一个 aftercare 命令" },
  "lo.pid": { en: "pid {pid}", "zh-CN": "进程 {pid}" },
  "lo.pidOn": { en: "pid {pid} on {host}", "zh-CN": "{host} 上的进程 {pid}" },
  "lo.as": { en: "{text}", "zh-CN": "{text}" },
  "lo.since": { en: "since {time}", "zh-CN": "自 {time} 起" },
  "lo.and": { en: "{a}, {b}", "zh-CN": "{a}，{b}" },
  "lo.age.s": { en: "{n} s", "zh-CN": "{n} 秒" },
  "lo.age.min": { en: "{n} min", "zh-CN": "{n} 分钟" },
  "lo.age.h": { en: "{n} h", "zh-CN": "{n} 小时" },
  "lo.age.days": { en: "{n} days", "zh-CN": "{n} 天" },
  "lo.gone": { en: "its process is gone", "zh-CN": "其进程已不存在" },
  "lo.notRefreshed": { en: "not refreshed for {age}", "zh-CN": "已 {age} 未刷新" },
  "lo.movedAside": {
    en: "a stale lock moved aside and not removed ({path}); 'aftercare doctor --fix' removes it",
    "zh-CN": "一个已移到一旁却未删除的失效锁（{path}）；aftercare doctor --fix 会删除它",
  },
  "lo.temp": {
    en: "{path}: the temporary file of a write that did not finish ({size} bytes); the record it was for is unchanged; 'aftercare doctor --fix' removes it",
    "zh-CN":
      "{path}：一次未完成写入留下的临时文件（{size} 字节）；它所属的记录未被改动；aftercare doctor --fix 会删除它",
  },
  "lo.tempEmpty": {
    en: "{path}: the temporary file of a write that did not finish ({size} bytes, a full disk?); the record it was for is unchanged; 'aftercare doctor --fix' removes it",
    "zh-CN":
      "{path}：一次未完成写入留下的临时文件（{size} 字节，磁盘满了？）；它所属的记录未被改动；aftercare doctor --fix 会删除它",
  },
  "lo.writing": {
    en: "note: a write is in progress: {holder} holds the store's write lock",
    "zh-CN": "注意：正在写入：{holder} 持有档案库的写锁",
  },
} satisfies Record<string, Entry>;
