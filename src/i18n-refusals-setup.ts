// The refusals of the shop's and the set-up's commands that were still written in English at their
// call sites (issue 13, item 1): the intake, dispatch's times, estimate and answer, init --hooks and
// init --server, init without --company, check --staged. src/i18n-problems.ts spreads it into the one
// catalogue. The English is exactly what the call sites said before.
import type { Entry } from "./i18n.js";

export const SETUP_REFUSALS = {
  "rf.intakeNotJson": {
    en: "the intake on standard input is not JSON ({why}); nothing was written",
    "zh-CN": "标准输入中的接车单不是 JSON（{why}）；未写入任何内容",
  },
  "rf.arriveBeforeDepart": {
    en: "--arrive {arrive} is before --depart {depart}; nothing was written",
    "zh-CN": "--arrive {arrive} 早于 --depart {depart}；未写入任何内容",
  },
  "rf.estimateNeedsLine": {
    en: "ticket estimate needs --line; nothing was written",
    "zh-CN": "ticket estimate 需要 --line；未写入任何内容",
  },
  "rf.answerOneOf": {
    en: "ticket answer needs exactly one of --approved or --declined; nothing was written",
    "zh-CN": "ticket answer 需要 --approved 或 --declined 二者之一；未写入任何内容",
  },
  "rf.noStoreToSetUp": {
    en: "no aftercare store at {root} ({file} not found); nothing was written",
    "zh-CN": "{root} 没有 aftercare 档案库（找不到 {file}）；未写入任何内容",
  },
  "rf.serverNoCommit": {
    en: "--server: the store at {root} has no git commit to send yet; nothing was written",
    "zh-CN": "--server：{root} 的档案库还没有可以发送的 git 提交；未写入任何内容",
  },
  "rf.serverHasOrigin": {
    en: "--server: the store already has a remote origin ({url}); remove it first (git remote remove origin) or sync with it; nothing was written",
    "zh-CN":
      "--server：档案库已有远程仓库 origin（{url}）；请先删除（git remote remove origin），或与它同步；未写入任何内容",
  },
  "rf.serverNotEmpty": {
    en: "--server: {server} already exists and is not empty; give a new folder; nothing was written",
    "zh-CN": "--server：{server} 已存在且不是空的；请给一个新文件夹；未写入任何内容",
  },
  "rf.companyRequired": {
    en: "--company NAME is required: the company's name heads every report; nothing was written",
    "zh-CN": "需要 --company 公司名称：每份报表都以公司名称开头；未写入任何内容",
  },
  "rf.stagedRefused": { en: "--staged: {why}", "zh-CN": "--staged：{why}" },
  "sh.lineBad": {
    en: '--line {n} {why}; a line is "TEXT; labour=350.00; part=NAME/us|customer/genuine|aftermarket/AMOUNT; critical"; nothing was written',
    "zh-CN":
      "第 {n} 个 --line {why}；一行的写法是 “项目; labour=350.00; part=名称/us|customer/genuine|aftermarket/金额; critical”（us 本店供件、customer 客户自带，genuine 原厂件、aftermarket 副厂件）；未写入任何内容",
  },
  "sh.lineEmpty": { en: "is empty", "zh-CN": "是空的" },
  "sh.lineLabour": {
    en: 'labour "{value}" is not an amount such as 350.00',
    "zh-CN": "工时费 “{value}” 不是 350.00 这样的金额",
  },
  "sh.linePart": {
    en: 'part "{value}" must be name/us|customer/genuine|aftermarket/amount, such as 前制动片/us/genuine/480.00',
    "zh-CN": "配件 “{value}” 应写成 名称/us|customer/genuine|aftermarket/金额，例如 前制动片/us/genuine/480.00",
  },
  "sh.lineField": {
    en: '"{value}" is not labour=…, part=… or critical',
    "zh-CN": "“{value}” 不是 labour=…、part=… 或 critical",
  },
} satisfies Record<string, Entry>;
