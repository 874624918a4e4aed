// npm run db:seed -- --claims N [--seed S] [--span-days D]
// Loads N generated claims (in batches, one transaction each) into DATABASE_URL, or the embedded database.
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { loadEnv } from "../../env.ts";
import { migrateDatabase, openDatabase } from "../client.ts";
import { seedClaims, seedReference } from "./demo.ts";

const { values } = parseArgs({
  options: { claims: { type: "string", default: "2000" }, seed: { type: "string" }, "span-days": { type: "string" } },
});
const count = Number(values.claims);
if (!Number.isInteger(count) || count < 0) {
  console.error(`--claims must be a whole number, got "${values.claims}"`);
  process.exit(2);
}
const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolMax: 4 });
await migrateDatabase(database);
await seedReference(database.db);

const started = Date.now();
const bar = new cliProgress.SingleBar(
  { format: "seeding claims [{bar}] {percentage}% | {value}/{total} | {rate} claims/s | eta {eta_formatted}", hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
  cliProgress.Presets.shades_classic,
);
bar.start(count, 0, { rate: 0 });
await seedClaims(database.db, {
  count,
  seed: values.seed ? Number(values.seed) : undefined,
  // A large set spreads over two years, so most of it is history and the open queue stays realistic.
  spanDays: values["span-days"] ? Number(values["span-days"]) : count > 20_000 ? 730 : 90,
  onProgress: (done) => bar.update(done, { rate: Math.round(done / ((Date.now() - started) / 1000)) }),
});
bar.stop();
console.log(`seeded ${count} claims into ${database.kind} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await database.close();
