import { z } from "zod";
import { claimReasons, evidenceKinds } from "../../../shared/policy/enums.ts";
import {
  apiError,
  claimView,
  maxApiEvidenceFileBytes,
  maxApiEvidenceFiles,
  openClaimBody,
  orderView,
  upsertOrderBody,
  upsertOrderResult,
} from "../../../shared/schemas/store-api.ts";

// Generated from the very zod schemas the routes validate with, so the document cannot drift from the checks.
const input = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const output = (s: z.ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" });

const errorRef = { $ref: "#/components/schemas/Error" };
const json = (schema: unknown) => ({ "application/json": { schema } });
const problem = (description: string) => ({ description, content: json(errorRef) });
const common = {
  "401": problem("Missing, unknown or revoked API key."),
  "429": { ...problem("Over the key's requests per minute."), headers: { "Retry-After": { description: "Seconds until the next request is accepted.", schema: { type: "integer" } } } },
};
const writes = {
  "400": problem("Malformed JSON or a missing/invalid Idempotency-Key header (`idempotency_key_required`)."),
  "422": problem("`validation_failed` with `fields` naming each bad field (e.g. `lines.0.quantity`), or `idempotency_mismatch`: the key was used for a different request."),
};
const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: true,
  description:
    "A unique value per logical request (e.g. a UUID). Retrying with the same key and the same body replays the first answer (header `Idempotent-Replayed: true`); the same key with a different body is a 422. Only successful answers are remembered.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};
const numberParam = (what: string) => ({ name: "number", in: "path", required: true, description: what, schema: { type: "string" } });

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Claimdesk store API",
      version: "1.0.0",
      description:
        "For a store's own shop system: keep orders in sync and open claims with evidence. Each API key belongs to one store; everything is scoped to it (another store's order answers 404). Rate limits are per key (requests per minute, set when the key is created).",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    paths: {
      "/orders/{number}": {
        put: {
          operationId: "upsertOrder",
          summary: "Create or replace an order with its customer and lines",
          description: "Lines are matched by SKU and replaced; a line a claim refers to may not be removed or changed (409 `line_claimed` naming the line).",
          parameters: [numberParam("The shop's order number."), idempotencyHeader],
          requestBody: { required: true, content: json(input(upsertOrderBody)) },
          responses: {
            "200": { description: "The order existed and was updated.", content: json(output(upsertOrderResult)) },
            "201": { description: "The order was created.", content: json(output(upsertOrderResult)) },
            ...writes,
            ...common,
            "409": problem("A claimed line would be removed or changed, or the same Idempotency-Key is still in flight."),
          },
        },
        get: {
          operationId: "getOrder",
          summary: "Read an order",
          parameters: [numberParam("The shop's order number.")],
          responses: { "200": { description: "The order.", content: json(output(orderView)) }, "404": problem("No such order in this store."), ...common },
        },
      },
      "/claims": {
        post: {
          operationId: "openClaim",
          summary: "Open a claim, optionally with evidence files",
          description: `Send the claim as JSON, or as multipart/form-data with the claim JSON in a part named \`claim\` and up to ${maxApiEvidenceFiles} file parts, each named after its evidence kind (${evidenceKinds.join(", ")}). Files: JPEG, PNG, WebP, HEIC, MP4, QuickTime, WebM or PDF, checked by content, at most ${maxApiEvidenceFileBytes / 1048576} MB each. Reasons: ${claimReasons.join(", ")}.`,
          parameters: [idempotencyHeader],
          requestBody: {
            required: true,
            content: {
              ...json(input(openClaimBody)),
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["claim"],
                  properties: { claim: input(openClaimBody), ...Object.fromEntries(evidenceKinds.map((k) => [k, { type: "string", contentEncoding: "binary" }])) },
                },
                encoding: { claim: { contentType: "application/json" } },
              },
            },
          },
          responses: {
            "201": { description: "The claim was opened.", content: json(output(claimView)) },
            ...writes,
            ...common,
            "404": problem("No such order in this store (`fields.orderNumber`)."),
            "409": problem("The same Idempotency-Key is still in flight."),
            "413": problem("A file or the request is too large, or too many files."),
            "415": problem("A file is not a type we accept, whatever its name says."),
          },
        },
      },
      "/claims/{number}": {
        get: {
          operationId: "getClaim",
          summary: "A claim's status",
          parameters: [numberParam("The claim number, e.g. CLM-000123.")],
          responses: { "200": { description: "The claim.", content: json(output(claimView)) }, "404": problem("No such claim in this store."), ...common },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A store API key (`cdk_live_…`), created by an admin and shown once." } },
      schemas: { Error: output(apiError) },
    },
  };
}
