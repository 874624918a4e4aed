import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { LogController, type FastifyBaseLogger } from "fastify";
import { TRPCError } from "@trpc/server";
import { MAX_BATCH_SIZE, unbatchedProcedures } from "../shared/schemas/batching.ts";
import { SESSION_COOKIE, resolveSession } from "./auth/sessions.ts";
import type { Database } from "./db/client.ts";
import { isDatabaseUnavailable } from "./db/errors.ts";
import { evidenceHttp } from "./http/evidence-upload.ts";
import { exportsHttp } from "./http/exports.ts";
import { inboundEmailHttp } from "./http/inbound-email.ts";
import { redactUrl } from "./http/log-redaction.ts";
import { storeApiHttp } from "./http/store-api/index.ts";
import { appRouter, type AppRouter } from "./routers/_app.ts";
import { controlCharacterMessage, controlCharacterPath } from "./trpc/control-characters.ts";
import type { Context } from "./trpc/context.ts";

export type AppOptions = {
  database: Database;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Folder of the built SPA; served with an index.html fallback when it exists. */
  staticDir?: string;
  logger?: FastifyBaseLogger;
  /** Where uploads live (`<dataDir>/uploads`); the same DATA_DIR as PGlite. */
  dataDir?: string;
  /**
   * Proxies whose X-Forwarded-For/-Proto/-Host are believed (TRUSTED_PROXIES, server/env.ts): addresses or CIDRs,
   * or a hop count, as Fastify's `trustProxy` takes them. Default none: a client could otherwise pick its own
   * address and walk past the per-address sign-in limits.
   */
  trustProxy?: string | number | false;
};

const safeHost = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

const helmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"], // Radix positions popovers with inline styles.
      imgSrc: ["'self'", "data:", "blob:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
  // Sent per request, only when the page was served over HTTPS (below): over plain HTTP it is meaningless at best.
  strictTransportSecurity: false,
};
const HSTS = "max-age=31536000; includeSubDomains";

/** Helmet's headers for our options, read off one answer of a throwaway instance (helmet decides them, not us). */
async function securityHeaders(): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, helmetOptions);
  probe.get("/", async () => "");
  const res = await probe.inject({ method: "GET", url: "/" });
  await probe.close();
  const own = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);
  return Object.fromEntries(Object.entries(res.headers).filter(([k]) => !own.has(k)).map(([k, v]) => [k, String(v)]));
}

export async function buildApp(opts: AppOptions) {
  // X-Forwarded-* are believed only from the proxies TRUSTED_PROXIES names, never by default: trusting them from
  // anyone let a client pick its own address and walk past the per-address sign-in limits (security/brute-force.test.ts).
  // Fastify's own request lines are off: they logged every URL whole, `/set-password?token=…` included.
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    // A hop count believes that many proxies nearest to us (Fastify's own rule for a number, which its types omit).
    trustProxy: typeof opts.trustProxy === "number" ? ((hops: number) => (_address: string, hop: number) => hop < hops)(opts.trustProxy) : (opts.trustProxy ?? false),
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 5000 },
  });
  const { db } = opts.database;

  // The same headers on every answer: computed once here, where @fastify/helmet rebuilt helmet per request
  // (its CSP parsing showed in the load profile).
  const security = await securityHeaders();
  app.addHook("onRequest", (req, reply, done) => {
    reply.headers(security);
    if (req.protocol === "https") reply.header("strict-transport-security", HSTS);
    done();
  });
  // One line per request, with secrets in the URL redacted (log-redaction.ts); bodies are never logged.
  app.addHook("onResponse", (req, reply, done) => {
    req.log.info({ method: req.method, url: redactUrl(req.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, "request completed");
    done();
  });
  await app.register(cookie);

  // Before the routes register, so every plugin inherits it: an outage answers 503, and a 5xx never carries internals.
  app.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
    if (isDatabaseUnavailable(error)) return reply.code(503).send({ error: "The database is unavailable; try again shortly." });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error({ err: error, url: redactUrl(req.url) }, "request failed");
    return reply.code(status).send({ error: status === 500 ? "Something went wrong on our side. Try again." : error.message });
  });

  // A browser always names the page that sent a request: a change coming from another site's page is CSRF.
  // The store API (keys, not cookies) and the mail provider's webhook are called by servers, not pages.
  app.addHook("onRequest", async (req, reply) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || req.url.startsWith("/api/v1/") || req.url.startsWith("/inbound/")) return;
    // Sec-Fetch-Site is the browser's own verdict and survives Vite's dev proxy (which rewrites Host); older
    // browsers without it are judged by Origin against Host.
    const site = req.headers["sec-fetch-site"];
    const origin = req.headers.origin;
    const crossSite = site !== undefined ? site !== "same-origin" && site !== "none" : origin !== undefined && (origin === "null" || safeHost(origin) !== req.host);
    if (crossSite) return reply.code(403).send({ error: "Requests from other sites are not accepted." });
  });
  // The routes beside tRPC (exports, uploads, store API): a control character in a query, parameter or JSON body
  // is a 400 naming the field, before any handler reads it. Inbound mail files such text without them instead.
  app.addHook("preHandler", async (req) => {
    if (req.url.startsWith("/trpc/") || req.url.startsWith("/inbound/")) return;
    for (const [where, value] of [["query", req.query], ["params", req.params], ["body", Buffer.isBuffer(req.body) ? undefined : req.body]] as const) {
      const field = controlCharacterPath(value);
      if (field !== null) throw Object.assign(new Error(`${field === "_" ? where : field}: ${controlCharacterMessage}`), { statusCode: 400 });
    }
  });
  await app.register(evidenceHttp, { database: opts.database, dataDir: opts.dataDir ?? "./data" });
  await app.register(exportsHttp, { database: opts.database });
  await app.register(inboundEmailHttp, { database: opts.database, dataDir: opts.dataDir ?? "./data" });
  await app.register(storeApiHttp, { database: opts.database, dataDir: opts.dataDir ?? "./data" });

  // Cross-site forms cannot send JSON without a CORS preflight we never grant: requiring it blocks CSRF.
  app.addHook("onRequest", async (req, reply) => {
    if (req.method === "POST" && req.url.startsWith("/trpc/") && !req.headers["content-type"]?.startsWith("application/json")) {
      return reply.code(415).send({ error: "Requests to the API must be JSON." });
    }
  });

  app.get("/health", async (_req, reply) => {
    try {
      await opts.database.ping();
      return { status: "ok", database: opts.database.kind };
    } catch {
      return reply.code(503).send({ status: "unavailable", database: opts.database.kind, message: "The database is not answering." });
    }
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: async ({ req, res, info }): Promise<Context> => {
        // Refused before anything runs: inside a batch, calls that check a secret ran side by side (shared/schemas/batching.ts).
        if (info.isBatchCall && info.calls.some((c) => unbatchedProcedures.has(c.path))) {
          throw new TRPCError({ code: "BAD_REQUEST", message: "Sign-in, passwords and codes cannot be sent in a batch; send each on its own." });
        }
        const now = new Date();
        const token = req.cookies[SESSION_COOKIE];
        return {
          db,
          now: () => new Date(),
          log: req.log,
          settings: { sessionTtlHours: opts.sessionTtlHours },
          user: await resolveSession(db, token, now),
          meta: { ip: req.ip, userAgent: req.headers["user-agent"] },
          cookies: {
            sessionToken: () => token,
            setSession: (value, expiresAt) =>
              res.setCookie(SESSION_COOKIE, value, { path: "/", httpOnly: true, sameSite: "lax", secure: opts.cookieSecure, expires: expiresAt }),
            clearSession: () => res.clearCookie(SESSION_COOKIE, { path: "/" }),
          },
        };
      },
      onError: ({ error, path: p }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") app.log.error({ err: error, path: p }, "tRPC error");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  if (opts.staticDir && existsSync(path.join(opts.staticDir, "index.html"))) {
    await app.register(fastifyStatic, {
      root: path.resolve(opts.staticDir),
      wildcard: false,
      index: false,
      cacheControl: false,
      // Vite fingerprints everything under assets/, so those never change; the shell must always revalidate.
      setHeaders: (reply, filePath) =>
        reply.header("cache-control", filePath.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache"),
    });
    app.setNotFoundHandler((req, reply) => {
      if ((req.method !== "GET" && req.method !== "HEAD") || req.url.startsWith("/trpc") || req.url.startsWith("/api")) {
        return reply.code(404).send({ error: "Not found" });
      }
      // Client-side routes: every other GET gets the SPA shell, never cached so deploys show up at once.
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
  }
  return app;
}
