import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { fileProblem } from "../../../shared/schemas/evidence.ts";
import type { IntakeEvidence } from "../../../shared/schemas/claim-intake.ts";
import type { Database, Tx } from "../../db/client.ts";
import { orderLines, orders } from "../../db/schema/index.ts";
import { openClaimInTx } from "../../services/claim-intake.ts";
import { EvidenceFileError, receiveEvidenceFile } from "../../services/evidence-files.ts";
import type { FileStorage } from "../../storage/storage.ts";
import { callerOf } from "./auth.ts";
import { apiClaimView } from "./claim-view.ts";
import { readClaimRequest, type ApiEvidenceFile, type ClaimRequest } from "./claim-request.ts";
import { ApiProblem } from "./errors.ts";
import { idempotencyKeyOf, runIdempotent } from "./idempotency.ts";

/** The intake service names order lines by id; the API's callers know SKUs, so issues are renamed back. */
function apiFields(error: TRPCError): Record<string, string[]> | undefined {
  const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  if (!issues) return undefined;
  const fields: Record<string, string[]> = {};
  for (const i of issues) {
    const key = i.path.map(String).join(".").replace(/\.orderLineId$/, ".sku") || "body";
    (fields[key] ??= []).push(i.message);
  }
  return fields;
}

/** Sniffs and stores each file (same type and size rules as the app's upload) before the claim that will hold it. */
async function storeFiles(storage: FileStorage, files: ApiEvidenceFile[], stored: string[]): Promise<IntakeEvidence[]> {
  const evidence: IntakeEvidence[] = [];
  for (const [i, f] of files.entries()) {
    try {
      // Keys are opaque; the claim does not exist yet, so API files live under claims/0/.
      const r = await receiveEvidenceFile(storage, { claimId: 0, kind: f.kind, fileName: f.fileName, source: Readable.from([f.data]) });
      stored.push(r.storageKey);
      const problem = fileProblem(f.kind, r.category, r.sizeBytes);
      if (problem) throw new EvidenceFileError(problem.status, problem.message);
      evidence.push({ kind: f.kind, file: { fileName: r.fileName, mimeType: r.mimeType, sizeBytes: r.sizeBytes, storageKey: r.storageKey } });
    } catch (error) {
      if (error instanceof EvidenceFileError) throw new ApiProblem(error.status, "invalid_file", `File ${i + 1} (${f.kind}): ${error.message}`, { [f.kind]: [error.message] });
      throw error;
    }
  }
  return evidence;
}

async function openFromRequest(tx: Tx, storage: FileStorage, storeId: string, request: ClaimRequest, stored: string[]) {
  const { claim } = request;
  const [order] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.storeId, storeId), eq(orders.number, claim.orderNumber)));
  if (!order) throw new ApiProblem(404, "order_not_found", `Order ${claim.orderNumber} does not exist in this store.`, { orderNumber: ["No such order in this store."] });
  const lines = await tx.select({ id: orderLines.id, sku: orderLines.sku }).from(orderLines).where(eq(orderLines.orderId, order.id));
  const unknown: Record<string, string[]> = {};
  const claimed = claim.lines.map((l, i) => {
    const line = lines.find((x) => x.sku === l.sku);
    if (!line) unknown[`lines.${i}.sku`] = [`SKU ${l.sku} is not on order ${claim.orderNumber}.`];
    return { orderLineId: line?.id ?? 0, quantity: l.quantity, note: l.note };
  });
  if (Object.keys(unknown).length) throw new ApiProblem(422, "validation_failed", "Some lines are not on the order.", unknown);

  const evidence = await storeFiles(storage, request.files, stored);
  const now = new Date();
  try {
    return await openClaimInTx(
      tx,
      { storeId, orderId: order.id, reason: claim.reason, lines: claimed, description: claim.description, customerFacts: claim.customerFacts, reportedAt: claim.reportedAt ? new Date(claim.reportedAt) : undefined, source: "api", evidence },
      { id: null, storeIds: [storeId] },
      now,
    );
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") throw new ApiProblem(422, "validation_failed", error.message, apiFields(error));
    if (error instanceof TRPCError && error.code === "NOT_FOUND") throw new ApiProblem(404, "order_not_found", error.message, { orderNumber: [error.message] });
    throw error;
  }
}

export function registerClaimRoutes(app: FastifyInstance, database: Database, storage: FileStorage) {
  const { db } = database;

  app.post("/claims", async (req, reply) => {
    const caller = callerOf(req);
    const key = idempotencyKeyOf(req.headers["idempotency-key"]);
    const request = await readClaimRequest(req);
    const stored: string[] = [];
    try {
      const result = await runIdempotent(db, caller.id, key, request.hash, async (tx) => {
        const opened = await openFromRequest(tx, storage, caller.storeId, request, stored);
        return { status: 201, body: await apiClaimView(tx, caller.storeId, { id: opened.id }) };
      });
      if (result.replayed) await Promise.all(stored.map((k) => storage.delete(k)));
      return reply.code(result.status).header("idempotent-replayed", String(result.replayed)).send(result.body);
    } catch (error) {
      // Nothing was committed: the files stored for this attempt belong to no claim.
      await Promise.all(stored.map((k) => storage.delete(k).catch((e: unknown) => req.log.error({ err: e, key: k }, "could not remove an orphaned upload"))));
      throw error;
    }
  });

  app.get("/claims/:number", async (req, reply) => {
    const caller = callerOf(req);
    const number = String((req.params as { number?: string }).number ?? "");
    const view = /^CLM-\d{6,}$/i.test(number) ? await apiClaimView(db, caller.storeId, { number }) : null;
    if (!view) throw new ApiProblem(404, "not_found", `Claim ${number} does not exist in this store.`);
    return reply.header("cache-control", "no-store").send(view);
  });
}
