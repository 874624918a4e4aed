import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type HeaderValue } from "mailparser";
import type { SenderAuth } from "../db/schema/index.ts";
import { withoutControlCharacters } from "../trpc/control-characters.ts";

export type InboundFile = { filename: string; contentType: string; content: Buffer; inline: boolean };

export type ParsedMail = {
  /** The Message-ID with its angle brackets, or one derived from the raw bytes when a sender omitted it. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  fromName: string | null;
  toAddress: string | null;
  subject: string;
  text: string;
  date: Date | null;
  files: InboundFile[];
  /** The provider's verdict on the From address, when its headers carry one. */
  senderAuth: SenderAuth | null;
};

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];
const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(/\s+/) : []).map((s) => s.trim()).filter(Boolean);

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** Enough of an HTML-only mail's words for the agent and the claim search; the raw HTML is never shown. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => entities[e] ?? "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const headerText = (v: HeaderValue | undefined): string | null => {
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined || first === null) return null;
  return typeof first === "string" ? first : typeof first === "object" && "value" in first ? String(first.value) : String(first);
};
const result = (text: string, method: string) => new RegExp(`\\b${method}\\s*=\\s*([a-z]+)`, "i").exec(text)?.[1]?.toLowerCase();

/**
 * The receiving provider's sender-authentication verdict: the topmost Authentication-Results header (RFC 8601;
 * the provider prepends its own above anything the sender wrote) and Received-SPF. DMARC decides when the
 * provider checked it, since it alone ties the visible From to the checks; else a DKIM or SPF pass is a pass
 * and an SPF fail without a DKIM pass a fail. Null when the provider sent no verdict.
 */
export function senderAuthFrom(headers: Map<string, HeaderValue>): SenderAuth | null {
  const results = headerText(headers.get("authentication-results"));
  const receivedSpf = headerText(headers.get("received-spf"));
  if (!results && !receivedSpf) return null;
  const dmarc = results ? result(results, "dmarc") : undefined;
  const dkim = results ? result(results, "dkim") : undefined;
  const spf = (results ? result(results, "spf") : undefined) ?? (receivedSpf ? /^\s*([a-z]+)/i.exec(receivedSpf)?.[1]?.toLowerCase() : undefined);
  const verdict: SenderAuth["verdict"] =
    dmarc === "pass" ? "pass" : dmarc === "fail" ? "fail" : dkim === "pass" || spf === "pass" ? "pass" : spf === "fail" || dkim === "fail" ? "fail" : "none";
  return { verdict, ...(dmarc ? { dmarc } : {}), ...(dkim ? { dkim } : {}), ...(spf ? { spf } : {}) };
}

/** Text as filed: control characters (a NUL among them) removed rather than refused, so the provider never retries forever. */
const clean = withoutControlCharacters;

/**
 * Parses a raw RFC 822 message with mailparser (charsets, encoded words, multipart, TNEF-free). The text
 * part is preferred; an HTML-only mail falls back to its words (htmlToText).
 */
export async function parseInboundMail(raw: Buffer): Promise<ParsedMail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = firstAddress(mail.from);
  const to = firstAddress(mail.to);
  return {
    // Idempotency needs an id even for mail that came without one: the same bytes get the same id.
    messageId: clean(mail.messageId ?? "").trim() || `<sha256-${createHash("sha256").update(raw).digest("hex").slice(0, 32)}@inbound.claimdesk>`,
    inReplyTo: clean(mail.inReplyTo ?? "").trim() || null,
    references: asList(mail.references).map(clean).filter(Boolean),
    fromAddress: clean(from?.address ?? "").toLowerCase(),
    fromName: clean(from?.name ?? "") || null,
    toAddress: to?.address ? clean(to.address).toLowerCase() : null,
    subject: clean(mail.subject ?? "").trim(),
    text: clean(mail.text?.trim() || (typeof mail.html === "string" ? htmlToText(mail.html) : "")).trim(),
    date: mail.date ?? null,
    senderAuth: senderAuthFrom(mail.headers),
    files: mail.attachments.map((a) => ({
      filename: clean(a.filename ?? "") || "attachment",
      contentType: a.contentType,
      content: a.content,
      inline: a.contentDisposition === "inline" || Boolean(a.related),
    })),
  };
}
