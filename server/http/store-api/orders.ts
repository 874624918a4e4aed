import type { FastifyInstance } from "fastify";
import { orderNumberParam, upsertOrderBody } from "../../../shared/schemas/store-api.ts";
import type { Database } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { getOrderView, OrderLineConflict, upsertOrder } from "../../services/order-upsert.ts";
import { callerOf } from "./auth.ts";
import { ApiProblem, parseOrThrow } from "./errors.ts";
import { idempotencyKeyOf, requestHash, runIdempotent } from "./idempotency.ts";

const numberOf = (params: unknown) => parseOrThrow(orderNumberParam, (params as { number?: string }).number, "path.number");

export function registerOrderRoutes(app: FastifyInstance, database: Database) {
  const { db } = database;

  app.put("/orders/:number", async (req, reply) => {
    const caller = callerOf(req);
    const key = idempotencyKeyOf(req.headers["idempotency-key"]);
    const number = numberOf(req.params);
    const body = parseOrThrow(upsertOrderBody, req.body);
    const hash = requestHash("PUT", `/orders/${number}`, JSON.stringify(req.body));
    try {
      const result = await runIdempotent(db, caller.id, key, hash, async (tx) => {
        const { created } = await upsertOrder(tx, caller.storeId, number, body);
        return { status: created ? 201 : 200, body: { created, order: await getOrderView(tx, caller.storeId, number) } };
      });
      return reply.code(result.status).header("idempotent-replayed", String(result.replayed)).send(result.body);
    } catch (error) {
      if (error instanceof OrderLineConflict) {
        const i = body.lines.findIndex((l) => l.sku === error.sku);
        throw new ApiProblem(409, "line_claimed", error.message, { [i >= 0 ? `lines.${i}` : "lines"]: [error.message] });
      }
      // Two different keys writing a new order at once: the loser's retry finds the order and updates it.
      if (isUniqueViolation(error)) throw new ApiProblem(409, "conflict", `Order ${number} was being written by another request; retry.`);
      throw error;
    }
  });

  app.get("/orders/:number", async (req, reply) => {
    const caller = callerOf(req);
    const number = numberOf(req.params);
    const order = await getOrderView(db, caller.storeId, number);
    if (!order) throw new ApiProblem(404, "not_found", `Order ${number} does not exist in this store.`);
    return reply.header("cache-control", "no-store").send(order);
  });
}
