import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Decision, EvidenceRequirementKind } from "../../shared/policy/index.ts";
import { requirementLabel } from "../../shared/schemas/evidence.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { messages } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { getClaimRef } from "./claim-detail.ts";
import { mutateClaim, type ClaimRef } from "./claim-mutation.ts";
import { enqueueSendMessage } from "../jobs/send-messages.ts";
import { effectiveTemplate } from "./message-template-store.ts";
import { renderTemplate } from "./message-templates.ts";
import { loadMessageContext } from "./message-values.ts";
import { fromAddressFor, smtpConfigured } from "./smtp-config.ts";

export type MissingEvidence = { kind: EvidenceRequirementKind; required: number; provided: number; missing: number; clause: string | null };

/** What customers read for each kind: what to send, in plain words. */
const customerWording: Record<EvidenceRequirementKind, [one: string, many: string]> = {
  photo: ["a photo of the product showing the problem", "photos of the product showing the problem"],
  video: ["a video of the product showing the problem", "videos of the product showing the problem"],
  photo_or_video: ["a photo or video of the product showing the problem", "photos or videos of the product showing the problem"],
  packaging_photo: ["a photo of the packaging as it arrived", "photos of the packaging as it arrived"],
  panoramic_photo: ["a photo showing the whole product and all its parts", "photos showing the whole product and all its parts"],
  comparison_screenshot: ["a screenshot comparing what you ordered with what you received", "screenshots comparing what you ordered with what you received"],
  fault_statement: ["a short written description of the fault", "written descriptions of the fault"],
  invoice_number: ["the invoice number", "the invoice numbers"],
  serial_number: ["the product's serial number", "the serial numbers"],
  tracking_number: ["the tracking number of your return parcel", "the tracking numbers"],
  connection_video: [
    "a video showing how the product is connected and the software settings",
    "videos showing how the product is connected and the software settings",
  ],
};

/**
 * X5: exactly the kinds the policy still needs (provided < required), with the clause that asks for each.
 * The engine reports one `evidence_missing` finding per short kind, its message starting with the kind.
 */
export function missingEvidence(decision: Decision): MissingEvidence[] {
  return decision.evidence
    .filter((e) => e.provided < e.required)
    .map((e) => {
      const finding = decision.findings.find((f) => f.code === "evidence_missing" && f.message?.startsWith(`${e.kind}:`));
      return { ...e, missing: e.required - e.provided, clause: finding?.clause ?? null };
    });
}

export function missingListText(missing: MissingEvidence[]): string {
  return missing
    .map((m) => {
      const [one, many] = customerWording[m.kind];
      const what = m.missing === 1 ? one : `${m.missing} ${many.replace(/^the /, "")}`;
      return `- ${what}${m.clause ? ` (policy clause ${m.clause})` : ""}`;
    })
    .join("\n");
}

async function draftRequest(db: DbOrTx, user: SessionUser, claimId: number, note: string | undefined, now: Date) {
  const context = await loadMessageContext(db, claimId, user.name, now);
  // The admin's wording for the store when there is one (message_template_overrides), else the default.
  const { subject, body } = renderTemplate("evidence_request", await effectiveTemplate(db, context.storeId, "evidence_request"), {
    ...context.values,
    note: note ? `\n${note}\n` : "",
  });
  return {
    missing: context.missing.map((m) => ({ ...m, label: requirementLabel(m.kind) })),
    storeId: context.storeId,
    from: fromAddressFor(context.storeId),
    to: context.customerEmail,
    subject,
    body,
  };
}

/** What "Request evidence" would send now: the person reads it before anything is queued. */
export async function previewEvidenceRequest(db: DbOrTx, user: SessionUser, number: string, note: string | undefined, now: Date) {
  const claim = await getClaimRef(db, user, number);
  return draftRequest(db, user, claim.id, note, now);
}

/**
 * Asks the customer for what the policy still needs: the message goes to the outbox (sending is the
 * mailer's job), the claim moves to "Awaiting evidence" (our deadlines pause), both in one transaction.
 */
export async function requestEvidence(db: Db, user: SessionUser, ref: ClaimRef & { note?: string }, now: Date) {
  return mutateClaim(db, user, ref, now, async (m) => {
    const draft = await draftRequest(m.tx, user, m.claim.id, ref.note, now);
    if (draft.missing.length === 0) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The policy needs no more evidence for this claim, so there is nothing to request." });
    }
    const requested = draft.missing.map(({ kind, missing, clause }) => ({ kind, missing, clause }));
    const messageId = `<${randomUUID()}@${draft.storeId}.claimdesk.example>`;
    const status = m.transition("request_evidence", { requested, messageId });
    const [message] = await m.tx
      .insert(messages)
      .values({
        claimId: m.claim.id,
        storeId: draft.storeId,
        direction: "outbound",
        templateKey: "evidence_request",
        fromAddress: draft.from,
        toAddress: draft.to,
        subject: draft.subject,
        body: draft.body,
        status: "outbox",
        messageId,
        createdById: user.id,
        createdAt: now,
      })
      .returning({ id: messages.id });
    if (smtpConfigured()) await enqueueSendMessage(m.tx, message!.id, now);
    // X4/X5: which clauses the request relied on, beside the kinds.
    m.record("evidence_requested", { requested, clauses: [...new Set(requested.flatMap((r) => (r.clause ? [r.clause] : [])))], messageId: message!.id });
    return { number: m.claim.number, status, version: m.claim.version + 1, messageId: message!.id, missing: draft.missing };
  });
}
