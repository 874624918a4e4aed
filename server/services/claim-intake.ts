import { TRPCError } from "@trpc/server";
import { and, eq, notInArray, sql } from "drizzle-orm";
import { ZodRealError, type z } from "zod";
import { customerCaseFacts } from "../../shared/schemas/case-facts.ts";
import { openClaimInput, type OpenClaimInput } from "../../shared/schemas/claim-intake.ts";
import { closedStatuses } from "../../shared/workflow/statuses.ts";
import type { Db, DbOrTx, Tx } from "../db/client.ts";
import { claimLines, claims, customers, evidenceItems, orderLines, orders } from "../db/schema/index.ts";
import { refreshClaimEvaluation } from "./claim-evaluation.ts";
import { appendClaimEvents } from "./claim-events.ts";
import { currentPolicyVersion, type PolicyVersionRef } from "./policy-versions.ts";

/**
 * Who opens the claim: an agent (their id and stores), or the system on behalf of a store's API key or
 * an inbound e-mail (`id: null`, `storeIds` = that one store). `storeIds: null` means every store (admins).
 */
export type IntakeActor = { id: number | null; storeIds: readonly string[] | null };

type Issue = { path: (string | number)[]; message: string };

/** BAD_REQUEST carrying zod-shaped issues: the tRPC formatter (and the store API) turn them into field errors. */
export function intakeFieldErrors(issues: Issue[]): TRPCError {
  // ZodRealError, not ZodError: only the former is an Error, which TRPCError keeps as its cause (zod 4).
  const error = new ZodRealError(issues.map((i) => ({ code: "custom" as const, path: i.path, message: i.message, input: undefined })));
  return new TRPCError({ code: "BAD_REQUEST", message: issues.map((i) => i.message).join(" "), cause: error });
}

function parseInput(input: OpenClaimInput): z.output<typeof openClaimInput> {
  const parsed = openClaimInput.safeParse(input);
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", message: "Some fields are invalid.", cause: parsed.error });
  return parsed.data;
}

/** Reasons the store's rule book has a case for (or opens by e-mail subject, L6): anything else is refused. */
export function reasonsKnownBy(policy: PolicyVersionRef): Set<string> {
  return new Set([...policy.document.cases.flatMap((c) => c.reasons), ...policy.document.intake.map((r) => r.reason)]);
}

/** How many of each order line are already claimed on open claims (closed, rejected, cancelled ones free them). */
export async function claimedQuantities(db: DbOrTx, orderId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ orderLineId: claimLines.orderLineId, quantity: sql<number>`sum(${claimLines.quantity})::int` })
    .from(claimLines)
    .innerJoin(claims, eq(claims.id, claimLines.claimId))
    .where(and(eq(claims.orderId, orderId), notInArray(claims.status, [...closedStatuses])))
    .groupBy(claimLines.orderLineId);
  return new Map(rows.map((r) => [r.orderLineId, Number(r.quantity)]));
}

export type CheckedDraft = {
  order: { id: number; number: string; customerId: number; placedAt: Date; shippedAt: Date | null; deliveredAt: Date | null };
  lines: { orderLineId: number; quantity: number; note?: string; line: typeof orderLines.$inferSelect }[];
  policy: PolicyVersionRef;
  reportedAt: Date;
};

/**
 * Checks a draft against the order: the order is the store's, every line belongs to it, no line is claimed
 * beyond what was bought minus what open claims already hold, the reason is one the store knows, and the
 * report date is neither before the order nor in the future. `lock` takes the order row's lock so two
 * claims opened at once cannot both take the last unit.
 */
export async function checkClaimDraft(
  db: DbOrTx,
  draft: { storeId: string; orderId: number; reason: string; lines: { orderLineId: number; quantity: number; note?: string }[]; reportedAt?: Date },
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<CheckedDraft> {
  const query = db
    .select({ id: orders.id, number: orders.number, customerId: orders.customerId, placedAt: orders.placedAt, shippedAt: orders.shippedAt, deliveredAt: orders.deliveredAt })
    .from(orders)
    .where(and(eq(orders.id, draft.orderId), eq(orders.storeId, draft.storeId)));
  const [order] = await (opts.lock ? query.for("update") : query);
  if (!order) throw new TRPCError({ code: "NOT_FOUND", message: "No such order in this store." });

  const issues: Issue[] = [];
  const policy = await currentPolicyVersion(db, draft.storeId);
  if (!reasonsKnownBy(policy).has(draft.reason)) {
    issues.push({ path: ["reason"], message: `${policy.document.name}'s rules do not cover "${draft.reason.replace(/_/g, " ")}"; pick another reason.` });
  }
  const [orderLineRows, claimed] = await Promise.all([db.select().from(orderLines).where(eq(orderLines.orderId, order.id)), claimedQuantities(db, order.id)]);
  const byId = new Map(orderLineRows.map((l) => [l.id, l]));
  const lines: CheckedDraft["lines"] = [];
  draft.lines.forEach((l, i) => {
    const line = byId.get(l.orderLineId);
    if (!line) {
      issues.push({ path: ["lines", i, "orderLineId"], message: `That line is not part of order ${order.number}.` });
      return;
    }
    const already = claimed.get(line.id) ?? 0;
    const left = line.quantity - already;
    if (l.quantity > left) {
      const held = already ? `, ${already} already on open claims` : "";
      issues.push({
        path: ["lines", i, "quantity"],
        message: left <= 0 ? `${line.sku}: nothing left to claim (${line.quantity} bought${held}).` : `${line.sku}: at most ${left} (${line.quantity} bought${held}).`,
      });
      return;
    }
    lines.push({ ...l, line });
  });
  const reportedAt = draft.reportedAt ?? now;
  if (reportedAt.getTime() > now.getTime() + 60_000) issues.push({ path: ["reportedAt"], message: "The report date cannot be in the future." });
  if (reportedAt < order.placedAt) issues.push({ path: ["reportedAt"], message: "The report date is before the order was placed." });
  if (issues.length) throw intakeFieldErrors(issues);
  return { order, lines, policy, reportedAt };
}

export type OpenedClaim = { id: number; number: string; version: number };

/** `openClaim` inside the caller's transaction (the store API keeps its idempotency record in the same one). */
export async function openClaimInTx(tx: Tx, input: OpenClaimInput, actor: IntakeActor, now: Date): Promise<OpenedClaim> {
  const v = parseInput(input);
  // Same answer as a missing order, so another store's orders cannot be probed.
  if (actor.storeIds !== null && !actor.storeIds.includes(v.storeId)) throw new TRPCError({ code: "NOT_FOUND", message: "No such order in this store." });
  const checked = await checkClaimDraft(tx, v, now, { lock: true });
  const [customer] = await tx.select({ email: customers.email, name: customers.name }).from(customers).where(eq(customers.id, checked.order.customerId));

  const id = Number((await tx.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('claims', 'id'))::int as id`)).rows[0]!.id);
  const number = `CLM-${String(id).padStart(6, "0")}`;
  await tx.insert(claims).values({
    id,
    number,
    storeId: v.storeId,
    orderId: checked.order.id,
    customerId: checked.order.customerId,
    reason: v.reason,
    status: "new",
    reportedAt: checked.reportedAt,
    source: v.source,
    summary: v.description || null,
    caseFacts: customerCaseFacts(v.customerFacts),
    policyVersionId: checked.policy.id,
    searchText: `${number} ${checked.order.number} ${customer?.email ?? ""} ${customer?.name ?? ""}`.toLowerCase(),
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(claimLines).values(checked.lines.map((l) => ({ claimId: id, orderLineId: l.orderLineId, quantity: l.quantity })));
  const evidence = v.evidence ?? [];
  if (evidence.length) {
    await tx.insert(evidenceItems).values(
      evidence.map((e) => ({
        claimId: id,
        kind: e.kind,
        note: e.note ?? null,
        fileName: e.file?.fileName ?? null,
        mimeType: e.file?.mimeType ?? null,
        sizeBytes: e.file?.sizeBytes ?? null,
        storageKey: e.file?.storageKey ?? null,
        createdById: actor.id,
        createdAt: now,
      })),
    );
  }
  await appendClaimEvents(
    tx,
    id,
    [
      {
        type: "claim_opened",
        data: {
          reason: v.reason,
          channel: v.source,
          lines: checked.lines.map((l) => ({ sku: l.line.sku, quantity: l.quantity, ...(l.note ? { note: l.note } : {}) })),
          ...(evidence.length ? { evidence: evidence.map((e) => e.kind) } : {}),
          ...(v.customerFacts ? { customerFacts: v.customerFacts } : {}),
        },
      },
    ],
    { actorId: actor.id, at: now, claimVersion: 1 },
  );
  await refreshClaimEvaluation(tx, id, now);
  return { id, number, version: 1 };
}

/**
 * Opens a claim in one transaction: checks (checkClaimDraft), inserts the claim with its lines and
 * evidence, a `claim_opened` event, and the policy engine's verdict and deadlines. Any refusal writes nothing.
 */
export async function openClaim(db: Db, input: OpenClaimInput, actor: IntakeActor, now: Date): Promise<OpenedClaim> {
  return db.transaction((tx) => openClaimInTx(tx, input, actor, now));
}
