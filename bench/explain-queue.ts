// npm run -s tsx bench/explain-queue.ts -- '<ListClaimsInput JSON>' [agent|supervisor|admin] [facets]
// EXPLAIN (ANALYZE, BUFFERS) of every statement one queue request sends, for tuning indexes at 1M claims.
import { openDatabase } from "../server/db/client.ts";
import { callerFor, demo, sessionUserByEmail } from "../server/test/callers.ts";

const [inputJson = "{}", who = "agent", what = "list"] = process.argv.slice(2);
const captured: { query: string; params: unknown[] }[] = [];
let on = false;
const database = await openDatabase({ url: process.env.BENCH_DATABASE_URL!, poolMax: 2, onQuery: (query, params) => on && captured.push({ query, params }) });
const user = await sessionUserByEmail(database.db, demo[who as keyof typeof demo]);
const caller = callerFor(database.db, user);
const input = JSON.parse(inputJson);
on = true;
await (what === "facets" ? caller.claims.listClaimFacets(input) : caller.claims.listClaims(input));
on = false;
for (const s of captured) {
  const plan = await database.pool!.query(`explain (analyze, buffers) ${s.query}`, s.params as unknown[]);
  console.log(`\n--- ${s.query.slice(0, 400)}\n${JSON.stringify(s.params)}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
}
await database.close();
