import { TRPCError } from "@trpc/server";
import { and, asc, desc, eq } from "drizzle-orm";
import type { EvidenceKind } from "../../shared/policy/enums.ts";
import { acceptedFileTypes } from "../../shared/schemas/evidence.ts";
import { closedStatuses } from "../../shared/workflow/statuses.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { claimEvents, claims, evidenceItems, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { getClaimRef } from "./claim-detail.ts";
import { mutateClaim, type ClaimRef } from "./claim-mutation.ts";

export type StoredFile = { fileName: string; mimeType: string; sizeBytes: number; storageKey: string };
export type NewEvidence = { kind: EvidenceKind; note?: string; file?: StoredFile };

export const evidenceFileUrl = (id: number) => `/api/evidence/${id}/file`;

/**
 * Records one evidence item on the claim (the engine then counts it, X5) with an `evidence_added`
 * event, in mutateClaim's transaction. Evidence arriving while we wait on the customer does not move
 * the claim by itself: the agent looks at it and takes "Evidence received".
 */
export async function addEvidence(db: Db, user: SessionUser, ref: ClaimRef, item: NewEvidence, now: Date) {
  return mutateClaim(db, user, ref, now, async (m) => {
    if (closedStatuses.includes(m.claim.status)) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: `${m.claim.number} is closed; reopen it before adding evidence.` });
    }
    const [row] = await m.tx
      .insert(evidenceItems)
      .values({
        claimId: m.claim.id,
        kind: item.kind,
        note: item.note ?? null,
        fileName: item.file?.fileName ?? null,
        mimeType: item.file?.mimeType ?? null,
        sizeBytes: item.file?.sizeBytes ?? null,
        storageKey: item.file?.storageKey ?? null,
        createdById: user.id,
        createdAt: now,
      })
      .returning({ id: evidenceItems.id });
    const id = row!.id;
    m.record("evidence_added", {
      evidenceId: id,
      kind: item.kind,
      ...(item.note ? { note: item.note.slice(0, 200) } : {}),
      ...(item.file ? { fileName: item.file.fileName, mimeType: item.file.mimeType, sizeBytes: item.file.sizeBytes } : {}),
    });
    return {
      id,
      number: m.claim.number,
      version: m.claim.version + 1,
      /** The customer's answer may be in: the UI offers "Evidence received" (never taken automatically). */
      offerEvidenceReceived: m.claim.status === "awaiting_evidence",
    };
  });
}

/** Evidence of a claim in the caller's stores, oldest first, with who recorded it and where to fetch the file. */
export async function listEvidence(db: DbOrTx, user: SessionUser, number: string) {
  const claim = await getClaimRef(db, user, number);
  const rows = await db
    .select({
      id: evidenceItems.id,
      kind: evidenceItems.kind,
      note: evidenceItems.note,
      fileName: evidenceItems.fileName,
      mimeType: evidenceItems.mimeType,
      sizeBytes: evidenceItems.sizeBytes,
      hasFile: evidenceItems.storageKey,
      createdAt: evidenceItems.createdAt,
      createdByName: users.name,
    })
    .from(evidenceItems)
    .leftJoin(users, eq(users.id, evidenceItems.createdById))
    .where(eq(evidenceItems.claimId, claim.id))
    .orderBy(asc(evidenceItems.createdAt), asc(evidenceItems.id));
  const items = rows.map(({ hasFile, ...r }) => ({
    ...r,
    kind: r.kind as EvidenceKind,
    url: hasFile ? evidenceFileUrl(r.id) : null,
    category: r.mimeType ? (acceptedFileTypes[r.mimeType]?.category ?? null) : null,
  }));

  // While we wait on the customer: when we asked, and what arrived since (the "Evidence received" prompt).
  let awaiting: { since: Date; newItems: number } | null = null;
  if (claim.status === "awaiting_evidence") {
    const [asked] = await db
      .select({ at: claimEvents.at })
      .from(claimEvents)
      .where(and(eq(claimEvents.claimId, claim.id), eq(claimEvents.type, "status_changed")))
      .orderBy(desc(claimEvents.seq))
      .limit(1);
    const since = asked?.at ?? new Date(0);
    awaiting = { since, newItems: items.filter((i) => i.createdAt > since).length };
  }
  return { number: number.toUpperCase(), version: claim.version, status: claim.status, items, awaiting };
}

/** The stored file behind an evidence item, for the download route; NOT_FOUND outside the caller's stores. */
export async function evidenceFileFor(db: DbOrTx, user: SessionUser, id: number) {
  const [row] = await db
    .select({
      id: evidenceItems.id,
      fileName: evidenceItems.fileName,
      mimeType: evidenceItems.mimeType,
      storageKey: evidenceItems.storageKey,
      storeId: claims.storeId,
    })
    .from(evidenceItems)
    .innerJoin(claims, eq(claims.id, evidenceItems.claimId))
    .where(eq(evidenceItems.id, id))
    .limit(1);
  if (!row || !row.storageKey || !row.mimeType) throw new TRPCError({ code: "NOT_FOUND", message: "No such evidence file." });
  // Same answer as a missing file, so other stores' evidence cannot be probed by id.
  if (user.storeIds !== null && !user.storeIds.includes(row.storeId)) throw new TRPCError({ code: "NOT_FOUND", message: "No such evidence file." });
  return { ...row, storageKey: row.storageKey, mimeType: row.mimeType };
}
