// The customers of the sample, in the order they were created (a story's `customer` is an index
// here): twelve companies in China and abroad, Chinese and English names, contacts and equipment.
import type { Customer } from "../../src/domain/schema.js";

/** [created at, customer]; `created` is filled in from the first element when written. */
export const customers: [string, Customer][] = [
  [
    "2026-08-03 09:20",
    {
      name: "上海华东制冷设备有限公司",
      address: "上海市闵行区莘庄工业区春东路 508 号",
      contacts: [{ name: "张伟", title: "设备科科长", phones: ["021-5555 1234", "13800001111"] }],
      tags: ["vip", "华东"],
      equipment: [{ name: "螺杆式冷水机组", model: "LS-300", serial: "LS300-2019-0412", installed: "2019-05-20" }],
      created: "",
    },
  ],
  [
    "2026-08-05 14:10",
    {
      name: "杭州西湖食品有限公司",
      address: "杭州市余杭区良渚街道好运街 18 号",
      contacts: [{ name: "李娜", title: "后勤主管", phones: ["0571-8888 6666"] }],
      tags: ["华东"],
      equipment: [{ name: "冷库制冷机组", model: "CK-120" }],
      created: "",
    },
  ],
  [
    "2026-08-11 10:00",
    {
      name: "苏州精工模具厂",
      address: "苏州市吴中区木渎镇金桥路 66 号",
      contacts: [{ name: "王建军", title: "厂长", phones: ["0512-6655 7788", "13962001234"] }],
      tags: ["华东"],
      equipment: [{ name: "空压机", model: "GA37" }],
      created: "",
    },
  ],
  [
    "2026-08-19 16:30",
    {
      name: "Acme Pumps GmbH",
      address: "Hauptstraße 5, 10115 Berlin, Germany",
      contacts: [
        {
          name: "Hans Weber",
          title: "Maintenance lead",
          phones: ["+49 30 1234567"],
          email: "h.weber@acme-pumps.example",
        },
      ],
      tags: ["export"],
      equipment: [{ name: "Centrifugal chiller", model: "CX-500" }],
      created: "",
    },
  ],
  [
    "2026-08-25 11:45",
    {
      name: "南京金陵大酒店",
      address: "南京市鼓楼区汉中路 2 号",
      contacts: [
        { name: "陈涛", title: "工程部经理", phones: ["025-8471 1888"] },
        { name: "刘芳", title: "值班工程师", phones: ["13770551234"] },
      ],
      tags: ["vip"],
      equipment: [
        { name: "中央空调主机", model: "LS-500" },
        { name: "冷却塔", model: "CT-200" },
      ],
      created: "",
    },
  ],
  [
    "2026-09-02 09:05",
    {
      name: "Harbour Cold Storage Ltd",
      address: "12 Wharf Road, Kowloon, Hong Kong",
      contacts: [
        {
          name: "Emily Chan",
          title: "Operations manager",
          phones: ["+852 2345 6789"],
          email: "emily.chan@harbourcold.example",
        },
      ],
      tags: ["export"],
      equipment: [{ name: "Cold-room condensing units", model: "CU-80" }],
      created: "",
    },
  ],
  [
    "2026-09-14 15:20",
    {
      name: "宁波港城物流有限公司",
      address: "宁波市北仑区新碶街道明州路 99 号",
      contacts: [{ name: "赵磊", title: "仓储经理", phones: ["0574-8686 2020", "13857401234"] }],
      tags: ["华东"],
      equipment: [{ name: "冷链仓库制冷系统", model: "CK-300" }],
      created: "",
    },
  ],
  [
    "2026-09-28 10:30",
    {
      name: "无锡太湖医院",
      address: "无锡市滨湖区太湖大道 1000 号",
      contacts: [{ name: "孙丽", title: "后勤处", phones: ["0510-8590 1234"] }],
      tags: ["vip", "医疗"],
      equipment: [{ name: "手术室净化空调", model: "JH-40" }],
      created: "",
    },
  ],
  [
    "2026-10-09 13:00",
    {
      name: "Pacific Print Works Pte Ltd",
      address: "8 Kaki Bukit Ave 1, Singapore 417941",
      contacts: [{ name: "Rajesh Kumar", title: "Plant engineer", phones: ["+65 6741 2233"] }],
      tags: ["export"],
      equipment: [{ name: "Process chiller", model: "PC-60" }],
      created: "",
    },
  ],
  [
    "2026-10-20 09:40",
    {
      name: "合肥新能电池科技有限公司",
      address: "合肥市高新区望江西路 800 号",
      contacts: [{ name: "黄海", title: "设备部", phones: ["0551-6532 8899", "18656001234"] }],
      equipment: [{ name: "干燥房除湿机组", model: "DH-25" }],
      created: "",
    },
  ],
  [
    "2026-11-04 10:15",
    {
      name: "上海东方商厦",
      address: "上海市徐汇区漕溪北路 8 号",
      contacts: [{ name: "吴刚", title: "物业工程部", phones: ["021-6487 0000"] }],
      tags: ["华东"],
      equipment: [{ name: "风冷热泵机组", model: "FR-150" }],
      created: "",
    },
  ],
  [
    "2026-11-16 16:00",
    {
      name: "Nordic Dairy AB",
      address: "Mejerivägen 3, 223 63 Lund, Sweden",
      contacts: [{ name: "Karin Lindqvist", phones: ["+46 46 123 456"], email: "karin@nordicdairy.example" }],
      tags: ["export"],
      created: "",
    },
  ],
];
