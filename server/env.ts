import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** One address, CIDR range or proxy-addr name (loopback, linklocal, uniquelocal). */
const proxyEntry = /^(loopback|linklocal|uniquelocal|[0-9a-f:.]+(\/\d{1,3})?)$/i;

/**
 * TRUSTED_PROXIES: the proxies whose X-Forwarded-* headers are believed, as a comma list of addresses/CIDRs or a
 * hop count; unset or empty trusts none (the client's own address is used, whatever headers it sends).
 */
const trustedProxies = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): string | number | false => {
    if (!v) return false;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(",").map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => !proxyEntry.test(e));
    if (bad.length) ctx.addIssue({ code: "custom", message: `not an address, CIDR range or hop count: ${bad.join(", ")}` });
    return entries.join(",");
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Unset: embedded PGlite under DATA_DIR. Set: a real PostgreSQL server through a pool.
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional(),
  DATA_DIR: z.string().default("./data"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  SEED_DEMO: bool.default(true),
  /** Background jobs (deadline sweep); e2e turns them off so no job bumps a claim a test is acting on. */
  RUN_JOBS: bool.default(true),
  SEED_CLAIMS: z.coerce.number().int().min(0).default(2000),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: bool.default(false),
  TRUSTED_PROXIES: trustedProxies,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
