import { createHash } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";

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
    messageId: mail.messageId?.trim() || `<sha256-${createHash("sha256").update(raw).digest("hex").slice(0, 32)}@inbound.claimdesk>`,
    inReplyTo: mail.inReplyTo?.trim() || null,
    references: asList(mail.references),
    fromAddress: (from?.address ?? "").toLowerCase(),
    fromName: from?.name || null,
    toAddress: to?.address?.toLowerCase() ?? null,
    subject: (mail.subject ?? "").trim(),
    text: (mail.text?.trim() || (typeof mail.html === "string" ? htmlToText(mail.html) : "")).trim(),
    date: mail.date ?? null,
    files: mail.attachments.map((a) => ({
      filename: a.filename ?? "attachment",
      contentType: a.contentType,
      content: a.content,
      inline: a.contentDisposition === "inline" || Boolean(a.related),
    })),
  };
}
