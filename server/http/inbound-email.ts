import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import type { Database } from "../db/client.ts";
import { receiveInboundEmail } from "../services/inbound-email.ts";
import { diskStorage } from "../storage/disk-storage.ts";
import type { FileStorage } from "../storage/storage.ts";

export type InboundEmailOptions = {
  database: Database;
  dataDir: string;
  storage?: FileStorage;
  /** Defaults to INBOUND_EMAIL_SECRET, read per request so the endpoint follows the environment. */
  secret?: () => string | undefined;
  now?: () => Date;
};

/** Inbound webhooks deliver whole messages; 40 MB covers the usual providers' caps (25–35 MB) after base64. */
const MAX_MAIL_BYTES = 40 * 1024 * 1024;

/** Compares digests, so neither the length nor the content of the secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `POST /inbound/email`: one raw RFC 822 message as the body (message/rfc822 or text/plain), from a mail
 * provider's inbound webhook, authenticated by the shared secret in `X-Inbound-Secret`. 503 while no
 * secret is configured, so a forgotten setting never leaves the endpoint open. Encapsulated: the raw body
 * parsers exist only here.
 */
export const inboundEmailHttp: FastifyPluginAsync<InboundEmailOptions> = async (app, opts) => {
  const storage = opts.storage ?? diskStorage(opts.dataDir);
  const secret = opts.secret ?? (() => process.env.INBOUND_EMAIL_SECRET || undefined);
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(["message/rfc822", "text/plain"], { parseAs: "buffer", bodyLimit: MAX_MAIL_BYTES }, (_req, body, done) => done(null, body));

    // Checked before the body is read, so an unauthenticated sender cannot make us buffer 40 MB.
    scope.addHook("onRequest", async (req, reply) => {
      const expected = secret();
      if (!expected) return reply.code(503).send({ error: "inbound e-mail is not configured" });
      const given = req.headers["x-inbound-secret"];
      if (typeof given !== "string" || !sameSecret(given, expected)) return reply.code(401).send({ error: "Wrong or missing X-Inbound-Secret." });
    });
    scope.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
      if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return reply.code(415).send({ error: "Send the raw message as message/rfc822 or text/plain." });
      if (error.statusCode === 413) return reply.code(413).send({ error: `Messages are at most ${MAX_MAIL_BYTES / 1048576} MB.` });
      req.log.error({ err: error }, "inbound e-mail failed");
      return reply.code(500).send({ error: "The message could not be filed; the provider should retry." });
    });

    scope.post("/inbound/email", async (req, reply) => {
      const raw = req.body as Buffer;
      if (!Buffer.isBuffer(raw) || raw.length === 0) return reply.code(400).send({ error: "The body is empty; send the raw message." });
      const outcome = await receiveInboundEmail(opts.database.db, storage, raw, (opts.now ?? (() => new Date()))());
      // 200 for a replay (nothing new), 201 when this delivery filed the mail.
      return reply.code(outcome.duplicate ? 200 : 201).header("cache-control", "no-store").send(outcome);
    });
  });
};
