// Finding customers by what a person typed (domain/search.ts): each customer's search keys are
// kept in the table `search`, worked out (with pinyin-pro) the first time a search meets a
// customer without them; triggers on `file` drop a customer's keys whenever its row changes.
import type { Rec } from "../../domain/duties/index.js";
import type { Customer } from "../../domain/schema.js";
import { haystack, queryOf, ranked, searchKeys, tierOf, type Query, type SearchKeys } from "../../domain/search.js";
import { IndexAnswers } from "./answers.js";
import { sqliteCode } from "./common.js";

export class IndexSearch extends IndexAnswers {
  /**
   * The customers a search matches, best first (domain/search.ts), as `searchCustomers` finds
   * them among `all("customer")`: each customer's search keys are kept in the table search, and
   * only those whose keys hold the query are read. Keys are worked out (with pinyin-pro) for the
   * customers that have none yet — new or changed files, whose rows' triggers dropped theirs.
   */
  async findCustomers(query: string): Promise<{ item: Rec<Customer>; tier: number }[]> {
    const qy = queryOf(query);
    const stale = this.db
      .prepare(
        "SELECT 1 FROM file f WHERE f.kind = 'customer' AND f.placed = 1 AND f.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search s WHERE s.path = f.path) LIMIT 1",
      )
      .pluck();
    for (let attempt = 0; attempt < 2; attempt++) {
      // one read transaction: the keys and the files they were worked out from, as of one moment
      const found = this.db.transaction(() => (stale.get() === undefined ? this.matching(qy) : undefined))();
      if (found) return found;
      const { customerKeys } = await import("../../domain/pinyin.js");
      try {
        this.db.transaction(() => this.fillSearchKeys(customerKeys)).immediate();
      } catch (e) {
        // a read-only or busy index: every customer is matched here instead
        if (/^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|PERM|CANTOPEN|NOMEM)/.test(sqliteCode(e))) break;
        throw e;
      }
    }
    const { pinyinKeys } = await import("../../domain/pinyin.js");
    return ranked(
      this.all("customer").map((c) => ({
        item: c,
        tier: tierOf(searchKeys(c.value, pinyinKeys), qy),
        name: c.value.name,
      })),
    );
  }

  /** The customers whose kept keys match, best first; equal ones in path order, as `all` gives them. */
  private matching(qy: Query): { item: Rec<Customer>; tier: number }[] {
    const rows = this.db
      .prepare(
        "SELECT f.id, f.path, f.value, s.keys FROM search s JOIN file f ON f.path = s.path WHERE f.kind = 'customer' AND f.placed = 1 AND f.value IS NOT NULL AND (instr(s.text, ?) > 0 OR instr(s.digits, ?) > 0)",
      )
      .all(qy.q, qy.phone ?? null) as { id: string; path: string; value: string; keys: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const out: { item: Rec<Customer>; tier: number; name: string }[] = [];
    for (const r of rows) {
      const tier = tierOf(JSON.parse(r.keys) as SearchKeys, qy);
      if (!tier) continue;
      const value = JSON.parse(r.value) as Customer;
      out.push({ item: { id: r.id, value }, tier, name: value.name });
    }
    return ranked(out);
  }

  /** Work out the search keys of the customers that have none (in a write transaction). */
  private fillSearchKeys(keysOf: (c: Customer) => SearchKeys): void {
    const rows = this.db
      .prepare(
        "SELECT f.path, f.value FROM file f WHERE f.kind = 'customer' AND f.placed = 1 AND f.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search s WHERE s.path = f.path)",
      )
      .all() as { path: string; value: string }[];
    const put = this.db.prepare("INSERT OR REPLACE INTO search (path, text, digits, keys) VALUES (?, ?, ?, ?)");
    for (const r of rows) {
      const keys = keysOf(JSON.parse(r.value) as Customer);
      const hay = haystack(keys);
      put.run(r.path, hay.text, hay.digits, JSON.stringify(keys));
    }
  }
}
