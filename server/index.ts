import { fileURLToPath } from "node:url";
import pino from "pino";
import { buildApp } from "./app.ts";
import { migrateDatabase, openDatabase } from "./db/client.ts";
import { demoAccounts, seedIfEmpty } from "./db/seed/demo.ts";
import { loadEnv } from "./env.ts";
import { startJobRunner } from "./jobs/start-job-runner.ts";
import { publishShippedRuleBooks } from "./services/policy-versions.ts";

const env = loadEnv();
const log = pino({
  level: env.LOG_LEVEL,
  // Belt and braces: request lines carry redacted URLs only (http/log-redaction.ts); no header or secret field is ever logged whole.
  redact: { paths: ["req.headers.authorization", "req.headers.cookie", 'req.headers["x-inbound-secret"]', "*.password", "*.token", "*.secret", "*.key"], censor: "[redacted]" },
  transport: env.NODE_ENV === "development" ? { target: "pino-pretty", options: { colorize: true } } : undefined,
});

async function main() {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolMax: env.DB_POOL_MAX });
  log.info({ database: database.kind }, "database opened");
  await migrateDatabase(database);
  const updated = await publishShippedRuleBooks(database.db);
  if (updated.length > 0) log.info({ stores: updated }, "rule books of this release published as new policy versions");
  if (env.SEED_DEMO) {
    const started = Date.now();
    if (await seedIfEmpty(database.db, env.SEED_CLAIMS)) log.info({ claims: env.SEED_CLAIMS, ms: Date.now() - started }, "demo data seeded");
  }

  const app = await buildApp({
    database,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUSTED_PROXIES,
    staticDir: env.NODE_ENV === "production" ? fileURLToPath(new URL("../dist", import.meta.url)) : undefined,
    logger: log,
    dataDir: env.DATA_DIR,
  });
  const jobRunner = env.RUN_JOBS ? await startJobRunner({ database, log }) : null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down: draining in-flight requests");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await jobRunner?.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const address = await app.listen({ host: env.HOST, port: env.PORT });
  const url = address.replace("127.0.0.1", "localhost");
  if (env.SEED_DEMO) {
    const lines = demoAccounts.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(28)} ${a.password}`);
    console.log(`\nClaimdesk is running at ${url}\n\nDemo log-ins (demo data only):\n${lines.join("\n")}\n`);
  } else {
    console.log(`\nClaimdesk is running at ${url}\n`);
  }
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  console.error(`\nClaimdesk did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
