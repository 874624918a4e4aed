import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.ts";
import { orderLines, orders } from "../../db/schema/index.ts";
import type { FileStorage } from "../../storage/storage.ts";
import { callerOf } from "./auth.ts";
import { apiClaimView } from "./claim-view.ts";
import { readClaimRequest } from "./claim-request.ts";
import { ApiProblem } from "./errors.ts";
import { idempotencyKeyOf } from "./idempotency.ts";

export function registerClaimRoutes(app: FastifyInstance, database: Database, _storage: FileStorage) {
  const { db } = database;

  app.post("/claims", async (req) => {
    idempotencyKeyOf(req.headers["idempotency-key"]);
    const { claim } = await readClaimRequest(req);
    const caller = callerOf(req);
    const [order] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.storeId, caller.storeId), eq(orders.number, claim.orderNumber)));
    if (!order) throw new ApiProblem(404, "order_not_found", `Order ${claim.orderNumber} does not exist in this store.`, { orderNumber: ["No such order in this store."] });
    void orderLines;
    throw new ApiProblem(501, "not_implemented", "Opening claims through the API is not available yet.");
  });

  app.get("/claims/:number", async (req, reply) => {
    const caller = callerOf(req);
    const number = String((req.params as { number?: string }).number ?? "");
    const view = /^CLM-\d{6,}$/i.test(number) ? await apiClaimView(db, caller.storeId, { number }) : null;
    if (!view) throw new ApiProblem(404, "not_found", `Claim ${number} does not exist in this store.`);
    return reply.header("cache-control", "no-store").send(view);
  });
}
