import { createTransport } from "nodemailer";
import { z } from "zod";

/**
 * Outbound mail settings, read from the environment here rather than in env.ts so the mailer stays one
 * self-contained piece: `SMTP_URL` (smtp:// or smtps://, credentials in the URL) switches delivery on;
 * without it messages stay in the outbox and the claim page says so. `SMTP_FROM` is the sender for every
 * store, `{store}` in it is replaced by the store key; `SMTP_FROM_<STORE>` (e.g. SMTP_FROM_KINETIC) gives
 * one store its own address.
 */
const smtpEnv = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_FROM: z.string().optional(),
});

export function smtpUrl(source: NodeJS.ProcessEnv = process.env): string | undefined {
  return smtpEnv.parse(source).SMTP_URL;
}

export const smtpConfigured = (source: NodeJS.ProcessEnv = process.env) => smtpUrl(source) !== undefined;

/** The From address of a store's messages, fixed when the message is queued (what the customer replies to). */
export function fromAddressFor(storeId: string, source: NodeJS.ProcessEnv = process.env): string {
  const own = source[`SMTP_FROM_${storeId.toUpperCase()}`];
  if (own) return own;
  const shared = smtpEnv.parse(source).SMTP_FROM;
  if (shared) return shared.replaceAll("{store}", storeId);
  return `support@${storeId}.example`;
}

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
};

/** What delivery needs from a transport; nodemailer's transporter fits, tests may pass one bound to their own receiver. */
export type Mailer = { sendMail: (mail: OutgoingMail) => Promise<unknown>; close?: () => void };

let shared: Mailer | null | undefined;

/** One transport per process (connections are opened per message; nodemailer closes them after each send). */
export function mailerFromEnv(source: NodeJS.ProcessEnv = process.env): Mailer | null {
  if (shared !== undefined) return shared;
  const url = smtpUrl(source);
  shared = url ? mailerFor(url) : null;
  return shared;
}

export function mailerFor(url: string): Mailer {
  // Short timeouts: a job holds its lock while it waits, and a retry is cheaper than a stuck runner.
  const transport = createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  return {
    sendMail: (mail) => transport.sendMail(mail),
    close: () => transport.close(),
  };
}
