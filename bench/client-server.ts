// The production app for bench:client, serving a build from STATIC_DIR instead of dist/: the benchmark builds
// into its own directory, so it never swaps dist/ under an end-to-end run that is serving it.
import pino from "pino";
import { buildApp } from "../server/app.ts";
import { migrateDatabase, openDatabase } from "../server/db/client.ts";
import { seedIfEmpty } from "../server/db/seed/demo.ts";

const dataDir = process.env.DATA_DIR!;
const database = await openDatabase({ dataDir });
await migrateDatabase(database);
await seedIfEmpty(database.db, Number(process.env.SEED_CLAIMS ?? 2000));
const app = await buildApp({ database, sessionTtlHours: 1, cookieSecure: false, staticDir: process.env.STATIC_DIR!, logger: pino({ level: "warn" }), dataDir });
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
const stop = async () => {
  // The benchmark's browser may leave keep-alive connections behind: do not wait on them for long.
  setTimeout(() => process.exit(0), 1000).unref();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
